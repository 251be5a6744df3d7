package io.portfoliochat.admin.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.portfoliochat.events.EventCodec;
import io.portfoliochat.events.Portfolio;
import io.portfoliochat.events.PortfolioChanged;
import io.portfoliochat.events.Topics;
import io.portfoliochat.support.kafka.CompactedTopicView;
import io.portfoliochat.support.kafka.CompactedTopicViews;
import io.portfoliochat.support.kafka.TopicNames;
import io.portfoliochat.testsupport.ServiceIntegrationTest;
import io.portfoliochat.testsupport.TestAdminTokens;
import io.portfoliochat.testsupport.TestHttp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@ServiceIntegrationTest
class PortfolioIntegrationTest {

    private final EventCodec codec = new EventCodec();

    @LocalServerPort
    int port;

    @Autowired
    TopicNames topicNames;

    @Autowired
    CompactedTopicViews views;

    static Portfolio fullPortfolio(String name) {
        return new Portfolio(
                new Portfolio.About(name, "Backend Engineer", "Surabaya, Indonesia", "Sistem yang tenang",
                        "Sembilan tahun membangun layanan pembayaran. ✨ Suka kopi tubruk.",
                        List.of(new Portfolio.CoreValue("shield", "Keandalan", "Gagal dengan anggun."),
                                new Portfolio.CoreValue(null, "Kejelasan", null)),
                        List.of("panjat tebing", "fotografi")),
                List.of(new Portfolio.TechStackItem("Kotlin", "Layanan backend.", "kotlin", "#7f52ff", "#F3EEFF"),
                        new Portfolio.TechStackItem("Go", null, "go", "#00add8", ""),
                        new Portfolio.TechStackItem("Rust", "Tooling.", null, null, "#abc")),
                List.of(new Portfolio.CareerEntry("2021 - Sekarang", "Staff Engineer", "Bayar Cepat",
                                "Memimpin tim pembayaran.", List.of("Kotlin", "Kafka"), List.of("Ledger baru"),
                                List.of(new Portfolio.Project("Ledger", "service"), new Portfolio.Project("Dasbor", null)),
                                List.of("Menurunkan latensi 40%")),
                        new Portfolio.CareerEntry("2016 - 2021", "Software Engineer", "Toko Kita", null,
                                List.of(), List.of(), List.of(), List.of())));
    }

    @Test
    void theOwnerReplacesThePortfolioAndEveryoneReadsBackExactlyWhatWasStored() {
        Portfolio portfolio = fullPortfolio("Ayu Lestari");

        TestHttp.Response put = put(portfolio);

        assertThat(put.status()).isEqualTo(200);
        assertThat(portfolioOf(put)).isEqualTo(portfolio);
        TestHttp.Response get = TestHttp.localhost(port).get("/api/portfolio");
        assertThat(get.status()).isEqualTo(200);
        assertThat(portfolioOf(get)).isEqualTo(portfolio);
        assertThat(get.data()).isEqualTo(put.data());
    }

    @Test
    void aReaderOfTheCompactedPortfolioTopicEndsUpWithTheStoredDocument() throws Exception {
        Portfolio portfolio = fullPortfolio("Bagus Santoso");
        assertThat(put(portfolio).status()).isEqualTo(200);

        CompactedTopicView view = views.of(topicNames.portfolio());
        view.start();
        try {
            assertThat(view.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
            PortfolioChanged latest = await().atMost(Duration.ofSeconds(20))
                    .until(() -> view.latest(Topics.PORTFOLIO_KEY).map(envelope -> (PortfolioChanged) envelope.payload()),
                            event -> event.isPresent() && event.get().portfolio().equals(portfolio))
                    .orElseThrow();
            assertThat(latest.changedBy()).isEqualTo(TestAdminTokens.ADMIN.name());
            assertThat(latest.portfolio()).isEqualTo(portfolioOf(TestHttp.localhost(port).get("/api/portfolio")));
        } finally {
            view.stop();
        }
    }

    @Test
    void theServicePublishesTheStoredPortfolioWhenItStarts() throws Exception {
        CompactedTopicView view = views.of(topicNames.portfolio());
        List<PortfolioChanged> seen = Collections.synchronizedList(new ArrayList<>());
        view.addListener(envelope -> seen.add((PortfolioChanged) envelope.payload()));
        view.start();
        try {
            PortfolioChanged startup = await().atMost(Duration.ofSeconds(30)).until(() -> seen.stream()
                    .filter(event -> event.changedBy().equals(PortfolioService.STARTUP_PUBLISHER)).findFirst(), Optional::isPresent)
                    .orElseThrow();
            assertThat(startup.portfolio()).isEqualTo(Portfolio.empty());
        } finally {
            view.stop();
        }
    }

    @Test
    void aReplacementRemovesWhatTheNewDocumentNoLongerHasAndKeepsTheOrder() {
        put(fullPortfolio("Citra Dewi"));
        Portfolio smaller = new Portfolio(new Portfolio.About("Citra Dewi", null, null, null, null, List.of(), List.of()),
                List.of(new Portfolio.TechStackItem("Zig", null, null, null, null),
                        new Portfolio.TechStackItem("Ada", null, null, null, null)),
                List.of());

        assertThat(portfolioOf(put(smaller))).isEqualTo(smaller);
        assertThat(portfolioOf(TestHttp.localhost(port).get("/api/portfolio"))).isEqualTo(smaller);
    }

    static Stream<Arguments> invalidDocuments() {
        return Stream.of(
                Arguments.of("about missing", edit(doc -> doc.remove("about")), "about: must not be null"),
                Arguments.of("techStack missing", edit(doc -> doc.remove("techStack")), "techStack: must not be null"),
                Arguments.of("career null", edit(doc -> doc.putNull("career")), "career: must not be null"),
                Arguments.of("about.name blank", edit(doc -> about(doc).put("name", "  ")), "about.name: must not be blank"),
                Arguments.of("about.name too long", edit(doc -> about(doc).put("name", "n".repeat(256))),
                        "about.name: size must be between 0 and 255"),
                Arguments.of("narrative too long", edit(doc -> about(doc).put("narrativeContent", "x".repeat(10001))),
                        "about.narrativeContent: size must be between 0 and 10000"),
                Arguments.of("interest null", edit(doc -> ((ArrayNode) about(doc).get("interests")).addNull()),
                        "about.interests[2]: must not be null"),
                Arguments.of("core value without title", edit(doc -> ((ObjectNode) about(doc).get("coreValues").get(0)).remove("title")),
                        "about.coreValues[0].title: must not be blank"),
                Arguments.of("colour is a name", edit(doc -> techItem(doc, 0).put("iconColor", "purple")),
                        "techStack[0].iconColor: must be a colour such as #1f6feb, or empty"),
                Arguments.of("colour with 5 digits", edit(doc -> techItem(doc, 1).put("bgColor", "#12345")),
                        "techStack[1].bgColor: must be a colour such as #1f6feb, or empty"),
                Arguments.of("tech item without title", edit(doc -> techItem(doc, 2).remove("title")), "techStack[2].title: must not be blank"),
                Arguments.of("101 tech items", edit(doc -> {
                    ArrayNode items = (ArrayNode) doc.get("techStack");
                    while (items.size() <= 100) {
                        items.add(items.get(0).deepCopy());
                    }
                }), "techStack: size must be between 0 and 100"),
                Arguments.of("career entry without title", edit(doc -> career(doc, 1).putNull("title")), "career[1].title: must not be blank"),
                Arguments.of("project without name", edit(doc -> ((ObjectNode) career(doc, 0).get("projectList").get(1)).remove("name")),
                        "career[0].projectList[1].name: must not be blank"),
                Arguments.of("51 bullet points", edit(doc -> {
                    ArrayNode bullets = (ArrayNode) career(doc, 0).get("bulletPoints");
                    while (bullets.size() <= 50) {
                        bullets.add("more");
                    }
                }), "career[0].bulletPoints: size must be between 0 and 50"),
                Arguments.of("two problems", edit(doc -> {
                    about(doc).put("name", "");
                    techItem(doc, 0).put("iconColor", "blue");
                }), "about.name: must not be blank; techStack[0].iconColor: must be a colour such as #1f6feb, or empty"),
                Arguments.of("unknown top-level field", edit(doc -> doc.put("projects", "x")),
                        "Unknown field 'projects' (allowed: about, career, techStack)"),
                Arguments.of("unknown nested field", edit(doc -> career(doc, 0).put("company", "x")), "Unknown field 'career[0].company'"),
                Arguments.of("name is a number", edit(doc -> about(doc).put("name", 42)), "Field 'about.name' must be a string"),
                Arguments.of("name with a NUL character", edit(doc -> about(doc).put("name", "Rina\u0000")),
                        "Field 'about.name' contains invalid characters"),
                Arguments.of("bullet point with an escape sequence", edit(doc -> ((ArrayNode) career(doc, 0).get("bulletPoints"))
                        .set(0, "\u001b]0;owned\u0007")), "Field 'career[0].bulletPoints[0]' contains invalid characters"),
                Arguments.of("description with a DEL character", edit(doc -> techItem(doc, 0).put("description", "Go \u007F")),
                        "Field 'techStack[0].description' contains invalid characters"),
                Arguments.of("techStack is an object", edit(doc -> doc.putObject("techStack")), "Field 'techStack' must be a list"),
                Arguments.of("about is a string", edit(doc -> doc.put("about", "me")), "Field 'about' must be an object"),
                Arguments.of("career item is a string", edit(doc -> ((ArrayNode) doc.get("career")).set(0, "engineer")),
                        "Field 'career[0]' must be an object"),
                Arguments.of("not an object", "[]", "Request body must be a JSON object"),
                Arguments.of("malformed JSON", "{\"about\": {", "Request body is not valid JSON"),
                Arguments.of("JSON null", "null", "Request body is required"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDocuments")
    void invalidDocumentsGetA400NamingTheProblemAndChangeNothing(String problem, String body, String message) {
        put(fullPortfolio("Dewi Anggraini"));
        JsonNode before = TestHttp.localhost(port).get("/api/portfolio").data();

        TestHttp.Response response = putRaw("application/json", body.getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("success").asBoolean()).isFalse();
        assertThat(response.error()).startsWith(message);
        assertThat(TestHttp.localhost(port).get("/api/portfolio").data()).isEqualTo(before);
    }

    @Test
    void anOversizedDocumentIsRefusedWith413BeforeItIsRead() {
        String huge = edit(doc -> about(doc).put("narrativeContent", "x".repeat(300 * 1024)));

        TestHttp.Response response = putRaw("application/json", huge.getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("success").asBoolean()).isFalse();
        assertThat(response.error()).isEqualTo("The request body is too large (at most 256 KB)");
    }

    @Test
    void anEmptyBodyOrAnotherContentTypeIsRefused() {
        TestHttp.Response empty = putRaw("application/json", null);
        TestHttp.Response text = putRaw("text/plain", "about".getBytes(StandardCharsets.UTF_8));

        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.error()).isEqualTo("Request body is required");
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.error()).startsWith("Content-Type must be application/json");
    }

    private static String edit(java.util.function.Consumer<ObjectNode> change) {
        ObjectNode document = new EventCodec().mapper().valueToTree(fullPortfolio("Eka Putri"));
        change.accept(document);
        return document.toString();
    }

    private static ObjectNode about(ObjectNode document) {
        return (ObjectNode) document.get("about");
    }

    private static ObjectNode techItem(ObjectNode document, int index) {
        return (ObjectNode) document.get("techStack").get(index);
    }

    private static ObjectNode career(ObjectNode document, int index) {
        return (ObjectNode) document.get("career").get(index);
    }

    private Portfolio portfolioOf(TestHttp.Response response) {
        return codec.mapper().treeToValue(response.data(), Portfolio.class);
    }

    private TestHttp.Response put(Portfolio portfolio) {
        return admin().putJson("/api/portfolio", portfolio);
    }

    private TestHttp.Response putRaw(String contentType, byte[] body) {
        return admin().send("PUT", "/api/portfolio", contentType, body);
    }

    private TestHttp admin() {
        return TestHttp.localhost(port).withHeader("Authorization", TestAdminTokens.bearer(TestAdminTokens.valid()));
    }
}
