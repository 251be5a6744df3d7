package io.portfoliochat.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.portfoliochat.system.security.TargetSystem.Visitor;
import io.portfoliochat.testsupport.TestHttp;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus ({@link BadInputCorpus}) against the running system through the gateway:
 * every case is refused with a 4xx, the JSON envelope and a message that says what is wrong, and
 * leaves both databases exactly as they were (row counts and checksums of every table). The
 * unusual-but-valid texts of {@link AcceptedInputs} are stored verbatim instead.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {

    /** A visitor may send 10 messages a minute; a fresh session takes over before that. */
    private static final int SENDS_PER_VISITOR = 9;

    private TargetSystem target;
    private StackDatabases databases;
    private Visitor quietVisitor;
    private Visitor otherVisitor;
    private Visitor sendingVisitor;
    private int sendsByCurrentVisitor;
    private Visitor quietSender;
    private int sendsByQuietSender;

    @BeforeAll
    void twoVisitorsWithQuietConversations() {
        target = TargetSystem.get();
        databases = target.databases();
        quietVisitor = target.visitorWithQuietConversation("Hello, I have a question about your projects.");
        otherVisitor = target.visitorWithQuietConversation("Hi there!");
    }

    static Stream<BadInput> corpus() {
        return BadInputCorpus.all().stream();
    }

    @Test
    void theCorpusCoversEveryRouteWithAtLeast200Cases() {
        List<BadInput> cases = BadInputCorpus.all();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(200);
        assertThat(cases).extracting(BadInput::name).doesNotHaveDuplicates();
        assertThat(cases).extracting(BadInput::path).contains("/api/chat/session", "/api/chat/send", "/api/chat/messages/read",
                "/api/chat/conversations/{conversation}", "/api/chat/settings", "/api/admin/login", "/api/portfolio",
                "/api/chat/ai/respond", "/api/pusher/auth");
        assertThat(cases).anyMatch(c -> c.path() != null && c.path().startsWith("/api/chat/messages?"))
                .anyMatch(c -> c.path() != null && c.path().startsWith("/api/chat/conversations?"))
                .anyMatch(c -> c.path() != null && c.path().startsWith("/api/chat/config"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedWithAClearMessageAndChangesNothing(BadInput badInput) {
        Credentials credentials = credentialsFor(badInput);
        databases.awaitOutboxesDrained();
        Map<String, String> before = databases.snapshot();

        TestHttp.Response response = target.withinRateLimit(() -> send(badInput, credentials));

        assertThat(response.status()).as("status of %s: %s", badInput, response).isEqualTo(badInput.status());
        assertThat(response.header("Content-Type")).as("content type of %s", badInput)
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.json().get("success").asBoolean(true)).as("envelope of %s: %s", badInput, response).isFalse();
        assertThat(response.error()).as("message of %s", badInput).containsIgnoringCase(badInput.message());
        assertThat(databases.snapshot()).as("databases after %s", badInput).isEqualTo(before);
    }

    static Stream<AcceptedInputs.AcceptedInput> acceptedInputs() {
        return AcceptedInputs.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedInputs")
    void unusualButValidTextIsStoredVerbatim(AcceptedInputs.AcceptedInput input) {
        Visitor visitor = quietSender();
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("content", input.content()));
        if (input.visitorName() != null) {
            body.put("visitorName", input.visitorName());
        }
        if (input.visitorEmail() != null) {
            body.put("visitorEmail", input.visitorEmail());
        }

        TestHttp.Response sent = target.withinRateLimit(() -> target.gateway().postJson("/api/chat/send", body,
                "X-Session-Token", visitor.token()));

        assertThat(sent.status()).as("%s: %s", input, sent).isEqualTo(201);
        long messageId = sent.data().get("messageId").asLong();
        assertThat(sent.data().get("content").asString()).isEqualTo(input.content());
        assertThat(databases.messageContent(messageId)).as("stored content").isEqualTo(input.content());
        TestHttp.Response page = target.gateway().get("/api/chat/messages?conversationId=" + visitor.conversationId()
                + "&after=" + (messageId - 1), "X-Session-Token", visitor.token());
        assertThat(page.data().get("messages").get(0).get("content").asString()).isEqualTo(input.content());
        assertThat(page.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(page.header("X-Content-Type-Options")).as("browsers must not sniff markup in JSON").hasValue("nosniff");
        if (input.visitorName() != null) {
            assertThat(databases.conversationColumn(visitor.conversationId(), "visitor_name")).isEqualTo(input.visitorName());
        }
        if (input.visitorEmail() != null) {
            assertThat(databases.conversationColumn(visitor.conversationId(), "visitor_email")).isEqualTo(input.visitorEmail());
        }
        databases.awaitOutboxesDrained();
    }

    private Credentials credentialsFor(BadInput badInput) {
        return switch (badInput.caller()) {
            case ANONYMOUS -> new Credentials(List.of(), null, quietVisitor.conversationId(), otherVisitor.conversationId());
            case VISITOR -> {
                Visitor visitor = sendingVisitor(badInput);
                yield new Credentials(List.of("X-Session-Token", visitor.token()), visitor.token(),
                        quietVisitor.conversationId(), otherVisitor.conversationId());
            }
            case VISITOR_WITH_CONVERSATION -> new Credentials(List.of("X-Session-Token", quietVisitor.token()),
                    quietVisitor.token(), quietVisitor.conversationId(), otherVisitor.conversationId());
            case ADMIN -> new Credentials(List.of("Authorization", target.adminAuthorization()), null,
                    quietVisitor.conversationId(), otherVisitor.conversationId());
        };
    }

    /** A visitor with a quiet conversation, replaced before its message quota runs out. */
    private Visitor quietSender() {
        if (quietSender == null || sendsByQuietSender >= SENDS_PER_VISITOR - 1) {
            quietSender = target.visitorWithQuietConversation("Hi, a few unusual messages follow.");
            sendsByQuietSender = 0;
        }
        sendsByQuietSender++;
        return quietSender;
    }

    /** A visitor without a conversation, replaced before its message quota runs out. */
    private Visitor sendingVisitor(BadInput badInput) {
        if (sendingVisitor == null || (badInput.isSend() && sendsByCurrentVisitor >= SENDS_PER_VISITOR)) {
            sendingVisitor = target.newVisitor();
            sendsByCurrentVisitor = 0;
        }
        if (badInput.isSend()) {
            sendsByCurrentVisitor++;
        }
        return sendingVisitor;
    }

    private TestHttp.Response send(BadInput badInput, Credentials credentials) {
        if (badInput.raw() != null) {
            return RawHttp.exchange(target.system().gatewayPort(), credentials.fill(badInput.raw(), target));
        }
        List<String> headers = new ArrayList<>(credentials.headers());
        for (int i = 0; i + 1 < badInput.headers().size(); i += 2) {
            int existing = headers.indexOf(badInput.headers().get(i));
            if (existing >= 0) {
                headers.remove(existing + 1);
                headers.remove(existing);
            }
            headers.add(badInput.headers().get(i));
            headers.add(badInput.headers().get(i + 1));
        }
        byte[] body = badInput.body() == null ? null : credentials.fill(badInput.body(), target);
        String path = new String(credentials.fill(badInput.path().getBytes(StandardCharsets.ISO_8859_1), target),
                StandardCharsets.ISO_8859_1);
        return target.gateway().send(badInput.method(), path, badInput.contentType(), body, headers.toArray(String[]::new));
    }

    /** The headers a case's caller sends, and the values of the placeholders in its request. */
    private record Credentials(List<String> headers, String visitorToken, long conversation, long otherConversation) {

        byte[] fill(byte[] template, TargetSystem target) {
            String text = new String(template, StandardCharsets.ISO_8859_1)
                    .replace("{otherConversation}", Long.toString(otherConversation))
                    .replace("{conversation}", Long.toString(conversation))
                    .replace("{host}", "localhost:" + target.system().gatewayPort());
            if (visitorToken != null) {
                text = text.replace("{visitorToken}", visitorToken);
            }
            if (text.contains("{adminAuthorization}")) {
                text = text.replace("{adminAuthorization}", target.adminAuthorization());
            }
            return text.getBytes(StandardCharsets.ISO_8859_1);
        }
    }
}
