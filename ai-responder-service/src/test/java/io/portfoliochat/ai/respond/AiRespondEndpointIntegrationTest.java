package io.portfoliochat.ai.respond;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.portfoliochat.ai.AiEventsFixture.WAIT;
import static io.portfoliochat.ai.AiEventsFixture.newId;
import static org.assertj.core.api.Assertions.assertThat;

import io.portfoliochat.events.AiReplyGenerated;
import io.portfoliochat.events.ConversationStatus;
import io.portfoliochat.testsupport.ServiceIntegrationTest;
import io.portfoliochat.testsupport.TestAdminTokens;
import io.portfoliochat.testsupport.TestHttp;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code POST /api/chat/ai/respond}: admin-only, validated, answers on demand and publishes like an automatic reply. */
@ServiceIntegrationTest
class AiRespondEndpointIntegrationTest extends ChatServiceStubbedTestBase {

    static final String PATH = "/api/chat/ai/respond";
    @LocalServerPort
    int port;
    TestHttp admin;

    @BeforeAll
    void adminClient() {
        admin = TestHttp.localhost(port).withHeader("Authorization", TestAdminTokens.bearer(TestAdminTokens.valid()));
    }

    @Test
    void refusesCallersWithoutAValidAdminToken() {
        TestHttp.Response anonymous = TestHttp.localhost(port).postJson(PATH, Map.of("conversationId", 1));
        TestHttp.Response expired = TestHttp.localhost(port).postJson(PATH, Map.of("conversationId", 1),
                "Authorization", TestAdminTokens.bearer(TestAdminTokens.expired()));

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.error()).isEqualTo("Missing admin token");
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.error()).contains("expired");
    }

    @Test
    void rejectsInvalidRequestsWithAClearMessage() {
        assertError(admin.postJson(PATH, Map.of()), 400, "conversationId is required");
        assertError(admin.postJson(PATH, Map.of("conversationId", 0)), 400, "conversationId must be a positive number");
        assertError(admin.postJson(PATH, Map.of("conversationId", "abc")), 400, "Field 'conversationId' must be a number");
        assertError(admin.postJson(PATH, "{\"conversationId\": 1,"), 400, "Request body is not valid JSON");
        assertError(admin.postJson(PATH, Map.of("conversationId", 1, "visitorMessage", "  ")), 400, "visitorMessage must not be blank");
        assertError(admin.postJson(PATH, Map.of("conversationId", 1, "visitorMessage", "x".repeat(2001))), 400,
                "visitorMessage must be at most 2000 characters");
        assertError(admin.postJson(PATH, Map.of("conversationId", 1, "visitorMessage", "a\u0000b")), 400,
                "visitorMessage contains invalid characters");
        assertError(admin.postJson(PATH, "{\"conversationId\": 1, \"visitorMessage\": \"a\\ud800\"}"), 400,
                "visitorMessage contains invalid characters");
        assertError(admin.send("POST", PATH, "application/yaml", "conversationId: 1\nunknown: x\n".getBytes(StandardCharsets.UTF_8)),
                415, "Content-Type must be application/json");
    }

    @Test
    void answersNotFoundForAConversationChatServiceDoesNotKnow() {
        long conversation = newId();
        stubHistory(conversation, 404, "{\"success\":false,\"error\":\"Conversation does not exist\"}");

        assertError(admin.postJson(PATH, Map.of("conversationId", conversation)), 404,
                "Conversation " + conversation + " was not found");
    }

    @Test
    void answersConflictWhenTheConversationHasNoVisitorMessageYet() {
        long conversation = newId();
        stubHistory(conversation, 200, history(conversation, "ai", "Halo! Ada yang bisa saya bantu?"));

        assertError(admin.postJson(PATH, Map.of("conversationId", conversation)), 409, "has no visitor message to answer");
    }

    @Test
    void answersTheLastVisitorMessageAndPublishesTheReplyLikeAnAutomaticOne() {
        long conversation = newId();
        stubHistory(conversation, 200, history(conversation, "visitor", "Does Rina know Go?"));

        TestHttp.Response response = admin.postJson(PATH, Map.of("conversationId", conversation));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.data().get("content").asString()).contains("Go");
        assertThat(response.data().get("inReplyTo").get(0).asLong()).isEqualTo(conversation * 10 + 1);
        assertThat(response.data().get("metadata").get("provider").asString()).isEqualTo("offline");
        assertThat(response.data().get("published").asBoolean()).isTrue();
        String replyId = response.data().get("replyId").asString();
        AiReplyGenerated published = events.probe().await(AiReplyGenerated.class, r -> r.replyId().equals(replyId), WAIT);
        assertThat(published.content()).isEqualTo(response.data().get("content").asString());
        assertThat(published.inReplyTo()).containsExactly(conversation * 10 + 1);
    }

    @Test
    void answersAMessageTheAdminGivesAndReportsAHandOff() {
        long conversation = newId();
        stubHistory(conversation, 200, history(conversation, "visitor", "Hello"));

        TestHttp.Response hobbies = admin.postJson(PATH, Map.of("conversationId", conversation,
                "visitorMessage", "What are her hobbies?"));
        TestHttp.Response human = admin.postJson(PATH, Map.of("conversationId", conversation,
                "visitorMessage", "Can I talk to a real person?"));

        assertThat(hobbies.status()).isEqualTo(200);
        assertThat(hobbies.data().get("content").asString()).contains("bouldering");
        assertThat(hobbies.data().get("inReplyTo").size()).isZero();
        assertThat(human.status()).isEqualTo(200);
        assertThat(human.data().get("handOff").get("reason").asString()).isEqualTo("visitor_asked_for_human");
        assertThat(human.data().get("handOff").get("visitorNotice").asString()).contains("Rina");
    }

    @Test
    void generatesButDoesNotPublishForAConversationTheAdminTookOver() {
        long conversation = newId();
        stubHistory(conversation, 200, history(conversation, "visitor", "Where is Rina based?"));
        events.updateConversation(conversation, ConversationStatus.ACTIVE, false);

        TestHttp.Response response = admin.postJson(PATH, Map.of("conversationId", conversation));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.data().get("content").asString()).contains("Bandung");
        assertThat(response.data().get("published").asBoolean()).isFalse();
    }

    private static void assertError(TestHttp.Response response, int status, String message) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.json().get("success").asBoolean()).isFalse();
        assertThat(response.error()).contains(message);
    }

    private static void stubHistory(long conversation, int status, String body) {
        chatService.stubFor(get(urlPathEqualTo("/internal/conversations/" + conversation + "/recent-messages"))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
    }

    private static String history(long conversation, String sender, String content) {
        return """
                {"success": true, "data": {"conversationId": %d, "status": "active", "aiHandled": true, "visitorName": null,
                 "messages": [{"id": %d, "seq": 1, "senderType": "%s", "content": "%s", "createdAt": "2026-01-28T09:15:30Z"}]}}
                """.formatted(conversation, conversation * 10 + 1, sender, content);
    }
}
