package io.portfoliochat.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pusher.client.channel.PusherEvent;
import io.portfoliochat.stack.StackService;
import io.portfoliochat.testsupport.PusherTestClient;
import io.portfoliochat.testsupport.TestHttp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole system as processes, driven through the gateway like a visitor and the owner would,
 * with the official Pusher client subscribed. The steps build on each other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String AI_OUTCOMES = "portfoliochat_ai_outcomes_total";

    static RunningSystem system;
    static TestHttp gateway;
    static String visitorToken;
    static long conversationId;
    static String conversationChannel;
    static String adminAuthorization;
    static PusherTestClient visitorSocket;
    static PusherTestClient adminSocket;

    @BeforeAll
    static void startTheWholeSystem() {
        system = RunningSystem.shared();
        gateway = system.gateway();
    }

    @AfterAll
    static void stopIt() {
        for (PusherTestClient socket : new PusherTestClient[] {visitorSocket, adminSocket}) {
            if (socket != null) {
                socket.close();
            }
        }
    }

    @Test
    @Order(1)
    void aVisitorsQuestionIsAnsweredByTheAssistantOverTheSocketAndStored() {
        TestHttp.Response session = gateway.postJson("/api/chat/session", "{}");
        assertThat(session.status()).isEqualTo(200);
        assertThat(session.data().get("welcomeMessage").asString()).isNotBlank();
        visitorToken = session.data().get("sessionToken").asString();

        TestHttp.Response first = visitorSends("Hi! I'm Ana.", "e2e-1");
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.data().get("aiResponsePending").asBoolean()).isTrue();
        conversationId = first.data().get("conversationId").asLong();
        conversationChannel = "private-conversation-" + conversationId;
        // The greeting is answered before the socket is subscribed; wait for it, so the question's answer
        // is the next AI message.
        await().atMost(WAIT).until(() -> !aiEventsAfter(first.data().get("messageId").asLong()).isEmpty());

        visitorSocket = system.pusher(Map.of("X-Session-Token", visitorToken));
        visitorSocket.subscribePrivate(conversationChannel, "new-message", "ai-typing", "conversation-updated", "message-read");
        visitorSocket.awaitSubscribed(conversationChannel);

        TestHttp.Response question = visitorSends("What is your tech stack?", "e2e-2");
        long questionId = question.data().get("messageId").asLong();

        PusherEvent typing = visitorSocket.awaitEvent(conversationChannel, "ai-typing", e -> data(e).get("isTyping").asBoolean());
        PusherEvent answer = visitorSocket.awaitEvent(conversationChannel, "new-message",
                e -> "ai".equals(data(e).get("senderType").asString()) && data(e).get("seq").asLong() > 2);
        List<PusherEvent> arrival = visitorSocket.events();
        assertThat(arrival.indexOf(typing)).as("typing shown before the answer").isLessThan(arrival.indexOf(answer));
        assertThat(data(answer).get("content").asString()).isNotBlank();
        visitorSocket.awaitEvent(conversationChannel, "ai-typing", e -> !data(e).get("isTyping").asBoolean());

        JsonNode stored = messages("after=" + questionId);
        assertThat(stored.get("messages")).hasSize(1);
        JsonNode reply = stored.get("messages").get(0);
        assertThat(reply.get("id").asLong()).isEqualTo(data(answer).get("id").asLong());
        assertThat(reply.get("senderType").asString()).isEqualTo("ai");
        assertThat(reply.get("metadata").get("provider").asString()).isEqualTo("offline");
        assertThat(reply.get("metadata").get("sources").size()).isPositive();
    }

    @Test
    @Order(2)
    void theOwnerSeesTheConversationLiveWithItsUnreadCount() {
        adminAuthorization = "Bearer " + system.adminToken();
        adminSocket = system.pusher(Map.of("Authorization", adminAuthorization));
        adminSocket.subscribePrivate("private-admin-notifications", "new-message-alert", "new-conversation",
                "conversation-updated", "ai-settings-changed", "ai-handoff");
        adminSocket.subscribePrivate(conversationChannel, "new-message", "conversation-updated");
        adminSocket.subscribePresence("presence-admin-chat");
        adminSocket.awaitSubscribed("private-admin-notifications");
        adminSocket.awaitSubscribed(conversationChannel);
        adminSocket.awaitSubscribed("presence-admin-chat");

        JsonNode list = admin("GET", "/api/chat/conversations?status=active", null).data();
        JsonNode conversation = find(list.get("conversations"), conversationId);
        assertThat(conversation.get("unreadCount").asInt()).isEqualTo(2);
        assertThat(conversation.get("isAiHandled").asBoolean()).isTrue();
        assertThat(conversation.get("lastMessage").get("senderType").asString()).isEqualTo("ai");

        visitorSends("Do you have a portfolio site?", "e2e-3");
        PusherEvent alert = adminSocket.awaitEvent("private-admin-notifications", "new-message-alert",
                e -> data(e).get("conversationId").asLong() == conversationId
                        && "visitor".equals(data(e).get("senderType").asString())
                        && data(e).get("messagePreview").asString().startsWith("Do you have"));
        assertThat(data(alert).get("seq").asLong()).isPositive();
    }

    @Test
    @Order(3)
    void afterTheOwnerTakesOverTheVisitorGetsTheOwnersReplyAndTheAssistantStaysSilent() {
        TestHttp.Response takeOver = admin("PATCH", "/api/chat/conversations/" + conversationId, Map.of("isAiHandled", false));
        assertThat(takeOver.status()).isEqualTo(200);
        assertThat(takeOver.data().get("isAiHandled").asBoolean()).isFalse();
        visitorSocket.awaitEvent(conversationChannel, "conversation-updated", e -> !data(e).get("isAiHandled").asBoolean());

        TestHttp.Response reply = admin("POST", "/api/chat/send",
                Map.of("conversationId", conversationId, "content", "Hi Ana, the owner here. Happy to help!"));
        assertThat(reply.status()).isEqualTo(201);
        PusherEvent received = visitorSocket.awaitEvent(conversationChannel, "new-message",
                e -> "admin".equals(data(e).get("senderType").asString()));
        assertThat(data(received).get("content").asString()).isEqualTo("Hi Ana, the owner here. Happy to help!");

        double droppedBefore = aiDropped();
        TestHttp.Response whileTakenOver = visitorSends("Great, what are your rates?", "e2e-4");
        assertThat(whileTakenOver.data().get("aiResponsePending").asBoolean()).isFalse();
        await().atMost(WAIT).until(() -> aiDropped() > droppedBefore);
        long after = whileTakenOver.data().get("messageId").asLong();
        assertThat(messages("after=" + after).get("messages")).isEmpty();
        assertThat(aiEventsAfter(after)).isEmpty();
    }

    @Test
    @Order(4)
    void afterHandingBackTheAssistantAnswersAgain() {
        admin("PATCH", "/api/chat/conversations/" + conversationId, Map.of("isAiHandled", true));
        visitorSocket.awaitEvent(conversationChannel, "conversation-updated", e -> data(e).get("isAiHandled").asBoolean());

        TestHttp.Response question = visitorSends("Where are you based?", "e2e-5");
        assertThat(question.data().get("aiResponsePending").asBoolean()).isTrue();
        long questionId = question.data().get("messageId").asLong();

        await().atMost(WAIT).until(() -> !aiEventsAfter(questionId).isEmpty());
    }

    @Test
    @Order(5)
    void withTheAssistantSwitchedOffItIsSilentInEveryConversation() {
        TestHttp.Response off = admin("PATCH", "/api/chat/settings", Map.of("aiEnabled", false));
        assertThat(off.status()).isEqualTo(200);
        PusherEvent alert = adminSocket.awaitEvent("private-admin-notifications", "ai-settings-changed",
                e -> !data(e).get("aiEnabled").asBoolean());
        assertThat(data(alert).get("changedBy").asString()).isNotBlank();

        double droppedBefore = aiDropped();
        TestHttp.Response here = visitorSends("Anyone there?", "e2e-6");
        String otherVisitor = gateway.postJson("/api/chat/session", "{}").data().get("sessionToken").asString();
        TestHttp.Response elsewhere = gateway.postJson("/api/chat/send", Map.of("content", "Hello from another visitor"),
                "X-Session-Token", otherVisitor);
        assertThat(here.data().get("aiResponsePending").asBoolean()).isFalse();
        assertThat(elsewhere.status()).isEqualTo(201);
        assertThat(elsewhere.data().get("aiResponsePending").asBoolean()).isFalse();

        await().atMost(WAIT).until(() -> aiDropped() >= droppedBefore + 2);
        assertThat(aiEventsAfter(here.data().get("messageId").asLong())).isEmpty();
        JsonNode otherMessages = gateway.get("/api/chat/messages?conversationId=" + elsewhere.data().get("conversationId").asLong(),
                "X-Session-Token", otherVisitor).data().get("messages");
        assertThat(otherMessages).hasSize(1);

        admin("PATCH", "/api/chat/settings", Map.of("aiEnabled", true));
        adminSocket.awaitEvent("private-admin-notifications", "ai-settings-changed", e -> data(e).get("aiEnabled").asBoolean());
    }

    @Test
    @Order(6)
    void resolvingTheConversationIsSeenLiveByBothSides() {
        TestHttp.Response resolved = admin("PATCH", "/api/chat/conversations/" + conversationId, Map.of("status", "resolved"));
        assertThat(resolved.data().get("status").asString()).isEqualTo("resolved");

        visitorSocket.awaitEvent(conversationChannel, "conversation-updated", e -> "resolved".equals(data(e).get("status").asString()));
        adminSocket.awaitEvent("private-admin-notifications", "conversation-updated",
                e -> "resolved".equals(data(e).get("status").asString()));
        await().atMost(WAIT).until(() -> find(admin("GET", "/api/chat/conversations?status=resolved", null).data()
                .get("conversations"), conversationId) != null);
    }

    @Test
    @Order(7)
    void aVisitorWhoWasAwayFetchesExactlyWhatItMissed() {
        List<PusherEvent> seen = visitorSocket.events(conversationChannel, "new-message");
        long lastSeen = data(seen.get(seen.size() - 1)).get("id").asLong();
        visitorSocket.disconnect();

        List<Long> sentWhileAway = new ArrayList<>();
        for (String text : List.of("Still there, Ana?", "I'll follow up by email.")) {
            sentWhileAway.add(admin("POST", "/api/chat/send", Map.of("conversationId", conversationId, "content", text))
                    .data().get("messageId").asLong());
        }

        visitorSocket = system.pusher(Map.of("X-Session-Token", visitorToken));
        visitorSocket.subscribePrivate(conversationChannel, "new-message");
        visitorSocket.awaitSubscribed(conversationChannel);
        JsonNode missed = messages("after=" + lastSeen);

        List<Long> fetched = new ArrayList<>();
        missed.get("messages").forEach(message -> fetched.add(message.get("id").asLong()));
        assertThat(fetched).containsExactlyElementsOf(sentWhileAway);
        assertThat(missed.get("hasMore").asBoolean()).isFalse();
        assertThat(missed.get("messages").get(1).get("seq").asLong())
                .isEqualTo(missed.get("messages").get(0).get("seq").asLong() + 1);
    }

    private static TestHttp.Response visitorSends(String content, String clientMessageId) {
        return gateway.postJson("/api/chat/send", Map.of("content", content, "clientMessageId", clientMessageId),
                "X-Session-Token", visitorToken);
    }

    private static JsonNode messages(String cursor) {
        TestHttp.Response response = gateway.get("/api/chat/messages?conversationId=" + conversationId + "&" + cursor,
                "X-Session-Token", visitorToken);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.data();
    }

    private static TestHttp.Response admin(String method, String path, Object body) {
        return switch (method) {
            case "GET" -> gateway.get(path, "Authorization", adminAuthorization);
            case "POST" -> gateway.postJson(path, body, "Authorization", adminAuthorization);
            case "PATCH" -> gateway.patchJson(path, body, "Authorization", adminAuthorization);
            default -> throw new IllegalArgumentException(method);
        };
    }

    /** AI messages stored after a given message id. */
    private static List<JsonNode> aiEventsAfter(long messageId) {
        List<JsonNode> ai = new ArrayList<>();
        messages("after=" + messageId).get("messages").forEach(message -> {
            if ("ai".equals(message.get("senderType").asString())) {
                ai.add(message);
            }
        });
        return ai;
    }

    /** Visitor messages the assistant saw and decided not to answer (AI off, taken over, resolved). */
    private static double aiDropped() {
        return system.metric(StackService.AI_RESPONDER, AI_OUTCOMES, "outcome=\"dropped\"");
    }

    private static JsonNode data(PusherEvent event) {
        return JSON.readTree(event.getData());
    }

    private static JsonNode find(JsonNode conversations, long id) {
        for (JsonNode conversation : conversations) {
            if (conversation.get("id").asLong() == id) {
                return conversation;
            }
        }
        return null;
    }
}
