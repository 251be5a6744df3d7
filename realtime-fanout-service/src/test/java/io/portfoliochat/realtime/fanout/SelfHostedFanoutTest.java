package io.portfoliochat.realtime.fanout;

import static io.portfoliochat.realtime.testing.RealtimeTestSupport.admin;
import static io.portfoliochat.realtime.testing.RealtimeTestSupport.visitor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pusher.client.channel.PusherEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.portfoliochat.events.AiHandedOff;
import io.portfoliochat.events.AiReplyChunk;
import io.portfoliochat.events.AiReplyGenerated;
import io.portfoliochat.events.AiReplyMetadata;
import io.portfoliochat.events.AiTyping;
import io.portfoliochat.events.ChatSettings;
import io.portfoliochat.events.ChatSettingsChanged;
import io.portfoliochat.events.ConversationStarted;
import io.portfoliochat.events.ConversationStatus;
import io.portfoliochat.events.ConversationUpdated;
import io.portfoliochat.events.HandOffReason;
import io.portfoliochat.events.MessageCreated;
import io.portfoliochat.events.MessagesRead;
import io.portfoliochat.events.SenderType;
import io.portfoliochat.realtime.mode.AppCredentials;
import io.portfoliochat.realtime.testing.StubbedChatService;
import io.portfoliochat.testsupport.PusherTestClient;
import io.portfoliochat.support.kafka.TopicNames;
import io.portfoliochat.testsupport.ServiceIntegrationTest;
import io.portfoliochat.testsupport.TestEventSender;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Self-hosted mode end to end: events put on the real Kafka topics the way the other services do reach a
 * subscribed official client on the right channel, with the documented payload, in conversation order.
 */
@ServiceIntegrationTest
class SelfHostedFanoutTest extends StubbedChatService {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant AT = Instant.parse("2026-01-28T09:15:30.123Z");
    private static final String ADMIN_CHANNEL = "private-admin-notifications";
    private static final String[] CONVERSATION_EVENTS = {"new-message", "message-read", "conversation-updated", "ai-typing",
            "ai-reply-chunk"};
    private static final String[] ADMIN_EVENTS = {"new-conversation", "new-message-alert", "conversation-updated", "ai-handoff",
            "ai-settings-changed"};

    @LocalServerPort
    int port;

    @Autowired
    AppCredentials credentials;

    @Autowired
    TopicNames topics;

    @Autowired
    Environment environment;

    @Autowired
    MeterRegistry meters;

    private TestEventSender kafka;
    private final List<PusherTestClient> clients = new ArrayList<>();

    @BeforeEach
    void connect() {
        kafka = new TestEventSender(environment.getRequiredProperty("spring.kafka.bootstrap-servers"));
    }

    @AfterEach
    void disconnect() {
        clients.forEach(PusherTestClient::close);
        kafka.close();
    }

    /** The admin dashboard: the admin channel and one conversation. */
    private PusherTestClient adminWatching(long conversationId) {
        PusherTestClient client = PusherTestClient.connect(port, credentials.key(), admin());
        clients.add(client);
        client.subscribePrivate("private-conversation-" + conversationId, CONVERSATION_EVENTS);
        client.subscribePrivate(ADMIN_CHANNEL, ADMIN_EVENTS);
        client.awaitSubscribed("private-conversation-" + conversationId);
        client.awaitSubscribed(ADMIN_CHANNEL);
        return client;
    }

    private static JsonNode data(PusherEvent event) {
        return JSON.readTree(event.getData());
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    private static MessageCreated visitorMessage(long conversationId, long messageId, long seq, String content) {
        return new MessageCreated(conversationId, messageId, seq, SenderType.VISITOR, "v-1", "Sari", content, "c-" + messageId,
                List.of(), null, null, AT);
    }

    @Test
    void visitorsFirstMessageReachesTheConversationAndTheAdminChannels() {
        PusherTestClient adminClient = adminWatching(101);

        kafka.send(topics.conversationEvents(), new ConversationStarted(101, "v-1", "Sari", "sari@example.com",
                "Halo, apakah Anda menerima proyek freelance?", AT));
        kafka.send(topics.conversationEvents(), visitorMessage(101, 5001, 1, "Halo, apakah Anda menerima proyek freelance?"));

        assertThat(data(adminClient.awaitEvent(ADMIN_CHANNEL, "new-conversation"))).isEqualTo(json("""
                {"conversationId":101,"visitorId":"v-1","visitorName":"Sari","visitorEmail":"sari@example.com",
                 "firstMessage":"Halo, apakah Anda menerima proyek freelance?","createdAt":"2026-01-28T09:15:30.123Z"}"""));
        assertThat(data(adminClient.awaitEvent("private-conversation-101", "new-message"))).isEqualTo(json("""
                {"id":5001,"seq":1,"conversationId":101,"content":"Halo, apakah Anda menerima proyek freelance?",
                 "senderType":"visitor","senderName":"Sari","createdAt":"2026-01-28T09:15:30.123Z","isRead":false,
                 "clientMessageId":"c-5001"}"""));
        assertThat(data(adminClient.awaitEvent(ADMIN_CHANNEL, "new-message-alert"))).isEqualTo(json("""
                {"conversationId":101,"messageId":5001,"seq":1,"messagePreview":"Halo, apakah Anda menerima proyek freelance?",
                 "senderType":"visitor","senderName":"Sari","visitorName":"Sari","createdAt":"2026-01-28T09:15:30.123Z"}"""));
    }

    @Test
    void aiReplyIsAnnouncedWithTypingStreamingAndItsMetadata() {
        PusherTestClient adminClient = adminWatching(102);
        PusherTestClient visitorClient = PusherTestClient.connect(port, credentials.key(), visitor(chatService.visitorOf(102)));
        clients.add(visitorClient);
        visitorClient.subscribePrivate("private-conversation-102", CONVERSATION_EVENTS);
        visitorClient.awaitSubscribed("private-conversation-102");

        kafka.send(topics.conversationEvents(), new AiTyping(102, true, "r-1"));
        kafka.send(topics.conversationEvents(), new AiReplyChunk(102, "r-1", 0, "Ya, "));
        kafka.send(topics.conversationEvents(), new AiReplyChunk(102, "r-1", 1, "saya menerima proyek."));
        kafka.send(topics.conversationEvents(), new AiReplyGenerated(102, "r-1", List.of(5001L), "Ya, saya menerima proyek.",
                null, AT));
        kafka.send(topics.conversationEvents(), new MessageCreated(102, 5002, 2, SenderType.AI, null, "AI Assistant",
                "Ya, saya menerima proyek.", "ai-re:5001", List.of(5001L),
                new AiReplyMetadata("offline", "retrieval-v1", null, null, null, 42L, List.of("career")), null, AT));
        kafka.send(topics.conversationEvents(), new AiTyping(102, false, "r-1"));

        PusherEvent reply = visitorClient.awaitEvent("private-conversation-102", "new-message");
        assertThat(data(reply)).isEqualTo(json("""
                {"id":5002,"seq":2,"conversationId":102,"content":"Ya, saya menerima proyek.","senderType":"ai",
                 "senderName":"AI Assistant","createdAt":"2026-01-28T09:15:30.123Z","isRead":false,"clientMessageId":"ai-re:5001",
                 "metadata":{"provider":"offline","model":"retrieval-v1","latencyMs":42,"sources":["career"]}}"""));
        List<PusherEvent> typing = visitorClient.awaitEvents("private-conversation-102", "ai-typing", 2);
        assertThat(typing).extracting(event -> data(event).get("isTyping").asBoolean()).containsExactly(true, false);
        assertThat(data(typing.get(0))).isEqualTo(json("{\"conversationId\":102,\"isTyping\":true,\"replyId\":\"r-1\"}"));
        assertThat(visitorClient.awaitEvents("private-conversation-102", "ai-reply-chunk", 2)).extracting(SelfHostedFanoutTest::data)
                .containsExactly(json("{\"conversationId\":102,\"replyId\":\"r-1\",\"index\":0,\"delta\":\"Ya, \"}"),
                        json("{\"conversationId\":102,\"replyId\":\"r-1\",\"index\":1,\"delta\":\"saya menerima proyek.\"}"));
        assertThat(data(adminClient.awaitEvent(ADMIN_CHANNEL, "new-message-alert")).get("senderType").asString()).isEqualTo("ai");
        assertThat(visitorClient.events()).extracting(PusherEvent::getEventName)
                .containsExactly("ai-typing", "ai-reply-chunk", "ai-reply-chunk", "new-message", "ai-typing");
    }

    @Test
    void readsStatusChangesAndHandOffsReachTheirChannels() {
        PusherTestClient adminClient = adminWatching(103);

        kafka.send(topics.conversationEvents(), visitorMessage(103, 5101, 1, "Can I talk to a real person please?"));
        kafka.send(topics.conversationEvents(), new AiHandedOff(103, "r-9", List.of(5101L), HandOffReason.VISITOR_ASKED_FOR_HUMAN,
                "I'll get the owner for you.", "visitor asked for a human", AT));
        kafka.send(topics.conversationEvents(), new MessagesRead(103, List.of(5101L), SenderType.ADMIN, AT));
        kafka.send(topics.conversationEvents(), new ConversationUpdated(103, ConversationStatus.ACTIVE, false, "Rina Kusuma", AT));

        assertThat(data(adminClient.awaitEvent(ADMIN_CHANNEL, "ai-handoff"))).isEqualTo(json("""
                {"conversationId":103,"replyId":"r-9","reason":"visitor_asked_for_human","detail":"visitor asked for a human",
                 "messagePreview":"Can I talk to a real person please?","inReplyTo":[5101],"handedOffAt":"2026-01-28T09:15:30.123Z"}"""));
        assertThat(data(adminClient.awaitEvent("private-conversation-103", "message-read"))).isEqualTo(json("""
                {"conversationId":103,"messageIds":[5101],"readerType":"admin","readAt":"2026-01-28T09:15:30.123Z"}"""));
        JsonNode updated = json("""
                {"conversationId":103,"status":"active","isAiHandled":false,"changedBy":"Rina Kusuma",
                 "updatedAt":"2026-01-28T09:15:30.123Z"}""");
        assertThat(data(adminClient.awaitEvent("private-conversation-103", "conversation-updated"))).isEqualTo(updated);
        assertThat(data(adminClient.awaitEvent(ADMIN_CHANNEL, "conversation-updated"))).isEqualTo(updated);
    }

    @Test
    void settingsChangesReachTheAdminChannel() {
        PusherTestClient adminClient = adminWatching(104);
        ChatSettings off = new ChatSettings(false, "gpt-4o-mini", 0.7, null, "Hi", "Away", "Away", null, 30);

        kafka.send(topics.settings(), new ChatSettingsChanged(off, "Rina Kusuma", List.of("aiEnabled"), AT));

        assertThat(data(adminClient.awaitEvent(ADMIN_CHANNEL, "ai-settings-changed"))).isEqualTo(json("""
                {"aiEnabled":false,"changedBy":"Rina Kusuma","changedFields":["aiEnabled"],"changedAt":"2026-01-28T09:15:30.123Z"}"""));
    }

    @Test
    void eachConversationsMessagesArriveInOrder() {
        PusherTestClient first = adminWatching(105);
        PusherTestClient second = adminWatching(106);

        for (int seq = 1; seq <= 25; seq++) {
            kafka.send(topics.conversationEvents(), visitorMessage(105, 6000 + seq, seq, "first #" + seq));
            kafka.send(topics.conversationEvents(), visitorMessage(106, 7000 + seq, seq, "second #" + seq));
        }

        List<Integer> expected = java.util.stream.IntStream.rangeClosed(1, 25).boxed().toList();
        assertThat(first.awaitEvents("private-conversation-105", "new-message", 25))
                .extracting(event -> data(event).get("seq").asInt()).containsExactlyElementsOf(expected);
        assertThat(second.awaitEvents("private-conversation-106", "new-message", 25))
                .extracting(event -> data(event).get("seq").asInt()).containsExactlyElementsOf(expected);
    }

    @Test
    void messageTooBigForPusherBecomesAReferenceTheClientFetches() {
        PusherTestClient adminClient = adminWatching(107);
        String longReply = "Panjang sekali. ".repeat(800);

        kafka.send(topics.conversationEvents(), new MessageCreated(107, 8001, 4, SenderType.AI, null, "AI Assistant", longReply,
                "ai-re:8000", List.of(8000L), null, null, AT));

        PusherEvent reference = adminClient.awaitEvent("private-conversation-107", "new-message");
        assertThat(data(reference)).isEqualTo(json("""
                {"id":8001,"seq":4,"conversationId":107,"senderType":"ai","createdAt":"2026-01-28T09:15:30.123Z","truncated":true}"""));
        JsonNode alert = data(adminClient.awaitEvent(ADMIN_CHANNEL, "new-message-alert"));
        assertThat(alert.get("messagePreview").asString()).hasSize(101).endsWith("…");
    }

    @Test
    void aRecordThatIsNotAnEventIsSkippedAndLaterEventsStillArrive() {
        PusherTestClient adminClient = adminWatching(108);
        double before = meters.counter("realtime.events.undecodable").count();

        kafka.sendRaw(topics.conversationEvents(), "108", "this is not an event".getBytes(StandardCharsets.UTF_8));
        kafka.send(topics.conversationEvents(), visitorMessage(108, 9001, 1, "still here"));

        assertThat(data(adminClient.awaitEvent("private-conversation-108", "new-message")).get("content").asString())
                .isEqualTo("still here");
        await().until(() -> meters.counter("realtime.events.undecodable").count() > before);
        assertThat(meters.counter("realtime.published", "mode", "self-hosted").count()).isPositive();
    }
}
