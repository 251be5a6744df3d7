package io.portfoliochat.system.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.portfoliochat.stack.LocalStack;
import io.portfoliochat.system.RunningSystem;
import io.portfoliochat.testsupport.TestHttp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The reference UI in two real browsers (headless Debian Chromium) against the running system: a visitor
 * on /chat and the owner on /admin/chat, through the gateway, over the real Pusher-protocol socket. The
 * steps build on each other, in order, in one conversation of this test's own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReferenceUiBrowserTest {

    private static final String VISITOR_NAME = "Ana " + UUID.randomUUID().toString().substring(0, 6);
    private static final String VISITOR_EMAIL = "ana@example.org";

    static LocalStack stack;
    static TestHttp gateway;
    static Browser visitorBrowser;
    static Browser adminBrowser;
    static VisitorPage visitor;
    static AdminPage admin;
    static long conversationId;
    static String adminAuthorization;

    @RegisterExtension
    static final TestWatcher SAVE_WHAT_THE_BROWSERS_SHOWED = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            for (Browser browser : new Browser[] {visitorBrowser, adminBrowser}) {
                if (browser != null) {
                    browser.saveForDiagnosis(context.getRequiredTestMethod().getName());
                }
            }
        }
    };

    @BeforeAll
    static void openTwoBrowsers() {
        RunningSystem system = RunningSystem.shared();
        stack = system.stack();
        gateway = system.gateway();
        adminAuthorization = "Bearer " + system.adminToken();
        visitorBrowser = Browser.start("visitor", stack.gatewayUrl());
        adminBrowser = Browser.start("admin", stack.gatewayUrl());
        visitor = new VisitorPage(visitorBrowser);
        admin = new AdminPage(adminBrowser);
    }

    @AfterAll
    static void closeBrowsers() {
        try {
            if (gateway != null) {
                // The stack is shared: leave the assistant switched on whatever happened here.
                gateway.patchJson("/api/chat/settings", Map.of("aiEnabled", true), "Authorization", adminAuthorization);
            }
        } finally {
            for (Browser browser : new Browser[] {visitorBrowser, adminBrowser}) {
                if (browser != null) {
                    browser.close();
                }
            }
        }
    }

    @Test
    @Order(1)
    void theOwnerLogsInAfterAWrongPasswordIsRefusedWithAMessage() {
        admin.open();
        admin.logIn(stack.secrets().adminEmail(), "not-the-password");
        assertThat(admin.loginError()).isEqualTo("Invalid email or password");

        admin.logIn(stack.secrets().adminEmail(), stack.secrets().adminPassword());
        admin.awaitDashboard();
        assertThat(admin.aiSwitchOn()).isTrue();
    }

    @Test
    @Order(2)
    void aVisitorAsksAndSeesTheAssistantTypingThenTheAnswer() {
        visitor.open();
        assertThat(visitor.welcome()).isNotBlank();
        visitorBrowser.script("""
                window.__seen = [];
                const note = (what) => { if (!window.__seen.includes(what)) window.__seen.push(what); };
                const typing = document.getElementById('typing');
                new MutationObserver(() => {
                  if (!typing.hidden && typing.dataset.kind === 'ai') note('typing');
                  if (document.querySelector('#messages > li.message--ai:not(.message--draft)')) note('answer');
                }).observe(document.getElementById('scroller'), {subtree: true, childList: true, attributes: true, characterData: true});
                """);

        visitor.introduce(VISITOR_NAME, VISITOR_EMAIL);
        visitor.send("What is your tech stack?");

        Map<String, Object> answer = visitor.awaitMessage(Messages.from("ai"));
        assertThat(answer.get("label")).isEqualTo("AI assistant");
        assertThat((String) answer.get("text")).isNotBlank();
        List<String> seen = visitorBrowser.script("return window.__seen;");
        assertThat(seen).as("the typing indicator showed before the answer").containsSubsequence("typing", "answer");
        visitorBrowser.await(d -> visitor.typingText().isEmpty());

        Map<String, Object> question = visitor.messages().get(0);
        assertThat(question).containsEntry("sender", "visitor").containsEntry("label", "You")
                .containsEntry("text", "What is your tech stack?");
        visitor.awaitMessage(Messages.withText("What is your tech stack?").and(m -> "delivered".equals(m.get("status"))));
        assertThat(visitorBrowser.visible("#intro")).as("name and email are asked only before the first message").isFalse();
    }

    @Test
    @Order(3)
    void theOwnerSeesTheNewConversationLiveAndItsWholeHistoryWithVisitorInfo() {
        assertThat(admin.listBadges(VISITOR_NAME)).contains("AI");
        assertThat(admin.alerts()).contains(VISITOR_NAME);

        conversationId = admin.open(VISITOR_NAME);
        assertThat(admin.detailContact()).contains(VISITOR_EMAIL);
        assertThat(admin.detailBadges()).contains("AI answering");
        Map<String, Object> aiReply = admin.awaitMessage(Messages.from("ai"));
        assertThat(aiReply.get("label")).isEqualTo("AI assistant");
        assertThat(admin.messages().get(0)).containsEntry("label", VISITOR_NAME).containsEntry("text", "What is your tech stack?");

        // The owner read the question: the visitor's tick turns to "read".
        visitor.awaitMessage(Messages.withText("What is your tech stack?").and(m -> "read".equals(m.get("status"))));
    }

    @Test
    @Order(4)
    void askingForAHumanHandsTheConversationToTheOwnerWithAnAlert() {
        visitor.askForAHuman();

        Map<String, Object> notice = visitor.awaitMessage(Messages.from("ai").and(m -> !"".equals(m.get("note"))));
        assertThat(notice.get("note")).isEqualTo("Passed on to the owner");
        adminBrowser.await(d -> admin.alerts().contains("The assistant passed " + VISITOR_NAME + " to you"));
        assertThat(admin.listBadges(VISITOR_NAME)).contains("Needs you");
    }

    @Test
    @Order(5)
    void theOwnerTakesOverAndRepliesAndTheVisitorSeesTheOwnersLabel() {
        admin.takeOver();
        assertThat(admin.detailBadges()).contains("You are answering");
        adminBrowser.await(d -> admin.listBadges(VISITOR_NAME).contains("Manual"));
        visitorBrowser.await(d -> visitor.notice().contains("has joined the conversation"));

        int chimesBefore = visitor.chimes();
        admin.type("Hi Ana, the owner here. Happy to help!");
        visitorBrowser.await(d -> visitor.typingText().endsWith("(owner) is typing"));
        admin.pressEnterInReply();

        Map<String, Object> reply = visitor.awaitMessage(Messages.from("admin"));
        assertThat(reply.get("text")).isEqualTo("Hi Ana, the owner here. Happy to help!");
        assertThat((String) reply.get("label")).endsWith("(owner)").doesNotContain("AI");
        visitorBrowser.await(d -> visitor.typingText().isEmpty());
        assertThat(visitor.chimes()).as("a sound for the new message").isGreaterThan(chimesBefore);
        // The visitor's page is visible, so it marks the owner's reply read.
        admin.awaitMessage(Messages.from("admin").and(m -> "read".equals(m.get("status"))));
    }

    @Test
    @Order(6)
    void theGlobalAiSwitchTurnsTheAssistantOffAndOnAgain() {
        admin.toggleAi();
        assertThat(admin.aiSwitchOn()).isFalse();
        assertThat(aiEnabled()).isFalse();

        admin.toggleAi();
        assertThat(admin.aiSwitchOn()).isTrue();
        assertThat(aiEnabled()).isTrue();
    }

    @Test
    @Order(7)
    void resolvingIsSeenByTheVisitorAndMovesTheConversationToResolved() {
        admin.resolve();
        adminBrowser.await(d -> admin.detailBadges().toLowerCase(java.util.Locale.ROOT).contains("resolved"));
        visitorBrowser.await(d -> visitor.notice().contains("marked resolved"));
        assertThat(gateway.get("/api/chat/conversations/" + conversationId, "Authorization", adminAuthorization)
                .data().get("status").asString()).isEqualTo("resolved");

        admin.filter("resolved");
        admin.awaitListed(VISITOR_NAME);
        admin.filter("all");
    }

    @Test
    @Order(8)
    void aReturningVisitorKeepsItsSessionAndSeesTheWholeConversation() {
        List<Map<String, Object>> before = visitor.messages();
        visitorBrowser.reload();

        visitorBrowser.await(d -> visitor.messages().size() == before.size());
        assertThat(visitor.messages()).extracting(m -> m.get("text")).isEqualTo(before.stream().map(m -> m.get("text")).toList());
        assertThat(visitor.messages()).extracting(m -> m.get("label")).contains("AI assistant", "You")
                .anyMatch(label -> ((String) label).endsWith("(owner)"));
    }

    @Test
    @Order(9)
    void markupInMessagesIsShownAsTextAndNeverRuns() {
        String image = "<img src=x onerror=\"window.__xss='img'\">";
        String script = "<script>window.__xss='script'</script>";
        visitor.send(image);
        visitor.send(script);

        for (Browser browser : List.of(visitorBrowser, adminBrowser)) {
            String list = browser == visitorBrowser ? "#messages" : "#detail-messages";
            Messages.await(browser, list, Messages.withText(script));
            assertThat(Messages.shown(browser, list)).extracting(m -> m.get("text")).contains(image, script);
            assertThat(browser.findAll(list + " img, " + list + " script")).isEmpty();
            Object xss = browser.script("return window.__xss === undefined ? null : window.__xss;");
            assertThat(xss).as("no markup ran").isNull();
        }
    }

    @Test
    @Order(10)
    void theOwnerChangesASettingAndSavesThePortfolioFromTheDashboard() {
        String awayBefore = gateway.get("/api/chat/settings", "Authorization", adminAuthorization).data().get("awayMessage").asString();
        admin.showTab("settings");
        try {
            assertThat(admin.saveSetting("awayMessage", "Back soon, browser test.")).isEqualTo("Saved: awayMessage.");
            assertThat(gateway.get("/api/chat/settings", "Authorization", adminAuthorization).data().get("awayMessage").asString())
                    .isEqualTo("Back soon, browser test.");
        } finally {
            gateway.patchJson("/api/chat/settings", Map.of("awayMessage", awayBefore), "Authorization", adminAuthorization);
        }

        admin.showTab("portfolio");
        String shown = admin.portfolioJson();
        assertThat(shown).contains("\"about\"").contains("\"techStack\"").contains("\"career\"");
        assertThat(admin.savePortfolio()).startsWith("Portfolio saved.");
        adminBrowser.screenshot("admin-portfolio-1280x800");
        admin.showTab("conversations");
    }

    @Test
    @Order(11)
    void bothPagesFitPhonesAndDesktopsWithoutScrollingThePageItself() throws Exception {
        List<Path> shots = new ArrayList<>();
        for (int[] size : new int[][] {{360, 740}, {1280, 800}}) {
            visitorBrowser.viewport(size[0], size[1]);
            shots.add(visitorBrowser.screenshot("visitor-" + size[0] + "x" + size[1]));
            assertThat(visitorBrowser.scrollsSideways()).as("visitor page at %d px", size[0]).isFalse();
            assertThat(visitorBrowser.belowTheViewport()).as("visitor page at %d px", size[0]).isEmpty();

            adminBrowser.viewport(size[0], size[1]);
            shots.add(adminBrowser.screenshot("admin-" + size[0] + "x" + size[1]));
            assertThat(adminBrowser.scrollsSideways()).as("admin page at %d px", size[0]).isFalse();
            assertThat(adminBrowser.belowTheViewport()).as("admin page at %d px", size[0]).isEmpty();
        }
        adminBrowser.viewport(360, 740);
        admin.backToList();
        shots.add(adminBrowser.screenshot("admin-list-360x740"));
        assertThat(adminBrowser.scrollsSideways()).isFalse();
        assertThat(adminBrowser.belowTheViewport()).isEmpty();

        for (Path shot : shots) {
            assertThat(Files.size(shot)).as(shot.toString()).isGreaterThan(5_000);
        }
    }

    @Test
    @Order(12)
    void noScriptErrorsOrContentSecurityPolicyViolations() {
        for (Browser browser : List.of(visitorBrowser, adminBrowser)) {
            assertThat(browser.consoleErrors()).noneMatch(entry -> entry.contains("Refused to") || entry.contains("Uncaught"));
        }
    }

    private static boolean aiEnabled() {
        return gateway.get("/api/chat/settings", "Authorization", adminAuthorization).data().get("aiEnabled").asBoolean();
    }
}
