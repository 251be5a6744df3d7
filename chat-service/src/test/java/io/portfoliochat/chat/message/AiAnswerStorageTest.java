package io.portfoliochat.chat.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.portfoliochat.chat.ChatApi;
import io.portfoliochat.events.AiHandedOff;
import io.portfoliochat.events.AiReplyGenerated;
import io.portfoliochat.events.AiReplyMetadata;
import io.portfoliochat.events.ConversationStatus;
import io.portfoliochat.events.ConversationUpdated;
import io.portfoliochat.events.EventEnvelope;
import io.portfoliochat.events.HandOffReason;
import io.portfoliochat.events.MessageCreated;
import io.portfoliochat.events.SenderType;
import io.portfoliochat.events.Topics;
import io.portfoliochat.support.kafka.TopicNames;
import io.portfoliochat.testsupport.EventsProbe;
import io.portfoliochat.testsupport.ServiceIntegrationTest;
import io.portfoliochat.testsupport.TestEventSender;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import tools.jackson.databind.JsonNode;

@ServiceIntegrationTest
class AiAnswerStorageTest {

    private static final AiReplyMetadata METADATA =
            new AiReplyMetadata("offline", "offline-retrieval-v1", null, null, null, 12L, List.of("techStack[0]"));

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TopicNames topics;

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    ChatApi api;
    TestEventSender sender;
    String token;
    long conversationId;
    long visitorMessageId;
    long handledBefore;

    @BeforeEach
    void aVisitorAsked() {
        api = new ChatApi(port);
        sender = new TestEventSender(kafka);
        token = api.newSession();
        var sent = api.visitorSends(token, "What does Rina use?");
        conversationId = sent.data().get("conversationId").asLong();
        visitorMessageId = sent.data().get("messageId").asLong();
        handledBefore = handledAiEvents();
    }

    @AfterEach
    void tearDown() {
        sender.close();
    }

    @Test
    void anAiReplyIsStoredAsAnAiMessageWithItsMetadataAndAnnounced() {
        try (EventsProbe probe = EventsProbe.on(kafka, topics.conversationEvents())) {
            sender.send(topics.conversationEvents(), reply("r-1", "She uses Go and TypeScript."));

            MessageCreated announced = probe.await(MessageCreated.class,
                    e -> e.conversationId() == conversationId && e.senderType() == SenderType.AI);
            assertThat(announced.seq()).isEqualTo(2);
            assertThat(announced.content()).isEqualTo("She uses Go and TypeScript.");
            assertThat(announced.inReplyTo()).containsExactly(visitorMessageId);
            assertThat(announced.aiMetadata().model()).isEqualTo("offline-retrieval-v1");

            JsonNode stored = api.visitorReads(token, "conversationId=" + conversationId).data().get("messages").get(1);
            assertThat(stored.get("senderType").asString()).isEqualTo("ai");
            assertThat(stored.get("senderName").asString()).isEqualTo("AI Assistant");
            assertThat(stored.get("metadata").get("provider").asString()).isEqualTo("offline");
            assertThat(stored.get("metadata").get("latencyMs").asLong()).isEqualTo(12);
            assertThat(stored.get("metadata").get("replyId").asString()).isEqualTo("r-1");
        }
    }

    @Test
    void theSameReplyEventDeliveredTwiceIsStoredOnce() {
        EventEnvelope<AiReplyGenerated> envelope = EventEnvelope.wrap(reply("r-2", "Once only."));
        sender.send(topics.conversationEvents(), envelope);
        sender.send(topics.conversationEvents(), envelope);
        sender.send(topics.conversationEvents(), reply("r-3", "A different event, after both."));
        awaitHandled(2);

        assertThat(aiMessages()).isEqualTo(1);
    }

    @Test
    void twoInstancesAnsweringTheSameVisitorMessageStoreOneAnswer() {
        sender.send(topics.conversationEvents(), reply("instance-a", "First answer."));
        sender.send(topics.conversationEvents(), reply("instance-b", "Second answer."));
        awaitHandled(2);

        assertThat(aiMessages()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT content FROM message WHERE sender_type = 'ai' AND conversation_id = :c")
                .param("c", conversationId).query(String.class).single()).isEqualTo("First answer.");
    }

    @Test
    void aReplyArrivingAfterTheAdminTookOverIsDropped() {
        sender.send(topics.conversationEvents(),
                new ConversationUpdated(conversationId, ConversationStatus.ACTIVE, false, "Rina", Instant.now()));
        sender.send(topics.conversationEvents(), reply("late", "Too late."));
        awaitHandled(1);

        assertThat(aiMessages()).isZero();
    }

    @Test
    void aHandOffNoticeIsStoredForTheVisitorWithItsReason() {
        sender.send(topics.conversationEvents(), new AiHandedOff(conversationId, "h-1", List.of(visitorMessageId),
                HandOffReason.UNKNOWN_ANSWER, "I've passed your question to Rina.", "no fact matched", Instant.now()));

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> aiMessages() == 1);
        JsonNode notice = api.visitorReads(token, "conversationId=" + conversationId).data().get("messages").get(1);
        assertThat(notice.get("content").asString()).isEqualTo("I've passed your question to Rina.");
        assertThat(notice.get("metadata").get("handOff").asBoolean()).isTrue();
        assertThat(notice.get("metadata").get("handOffReason").asString()).isEqualTo("unknown_answer");
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheConsumerKeepsGoing() {
        sender.sendRaw(topics.conversationEvents(), Long.toString(conversationId), "{not an event".getBytes(StandardCharsets.UTF_8));
        sender.send(topics.conversationEvents(), reply("after-poison", "Still working."));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> aiMessages() == 1);
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, byte[]>(
                KafkaTestUtils.consumerProps(kafka, "dlt-check-" + System.nanoTime()),
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topics.physical(Topics.deadLetter(Topics.CONVERSATION_EVENTS))));
            ConsumerRecord<String, byte[]> dead = KafkaTestUtils.getSingleRecord(consumer,
                    topics.physical(Topics.deadLetter(Topics.CONVERSATION_EVENTS)), Duration.ofSeconds(30));
            assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{not an event");
            assertThat(new String(dead.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8))
                    .contains("not a valid event envelope");
        }
    }

    private AiReplyGenerated reply(String replyId, String content) {
        return new AiReplyGenerated(conversationId, replyId, List.of(visitorMessageId), content, METADATA, Instant.now());
    }

    /** Every AI event gets exactly one idempotency row when handled, whether stored or dropped. */
    private void awaitHandled(long distinctAiEvents) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> handledAiEvents() == handledBefore + distinctAiEvents);
    }

    private long handledAiEvents() {
        return jdbc.sql("SELECT COUNT(*) FROM processed_event").query(Long.class).single();
    }

    private long aiMessages() {
        return jdbc.sql("SELECT COUNT(*) FROM message WHERE sender_type = 'ai' AND conversation_id = :c")
                .param("c", conversationId).query(Long.class).single();
    }
}
