package io.portfoliochat.admin.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.portfoliochat.events.ConversationStarted;
import io.portfoliochat.events.ConversationStatus;
import io.portfoliochat.events.ConversationUpdated;
import io.portfoliochat.events.EventEnvelope;
import io.portfoliochat.events.MessageCreated;
import io.portfoliochat.events.SenderType;
import io.portfoliochat.support.kafka.TopicNames;
import io.portfoliochat.testsupport.EventsProbe;
import io.portfoliochat.testsupport.ServiceIntegrationTest;
import io.portfoliochat.testsupport.TestAdminTokens;
import io.portfoliochat.testsupport.TestEventSender;
import io.portfoliochat.testsupport.TestHttp;
import io.portfoliochat.testsupport.TestKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@ServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConversationControlIntegrationTest {

    private static final AtomicLong ids = new AtomicLong(1000);
    private static final String ADMIN_NAME = TestAdminTokens.ADMIN.name();

    @LocalServerPort
    int port;

    @Autowired
    TopicNames topicNames;

    @Autowired
    JdbcClient jdbc;

    EventsProbe events;
    TestEventSender chatService;

    @BeforeAll
    void connect() {
        events = EventsProbe.on(TestKafka.bootstrapServers(), topicNames.conversationEvents(), topicNames.conversationState());
        chatService = new TestEventSender(TestKafka.bootstrapServers());
    }

    @AfterAll
    void disconnect() {
        events.close();
        chatService.close();
    }

    @Test
    void takingOverPublishesTheChangeOnTheConversationAndStateTopics() {
        long id = startedConversation();

        TestHttp.Response response = patch(id, "{\"isAiHandled\": false}");
        Instant answered = Instant.now();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.data().get("id").asLong()).isEqualTo(id);
        assertThat(response.data().get("status").asString()).isEqualTo("active");
        assertThat(response.data().get("isAiHandled").asBoolean()).isFalse();
        EventsProbe.Received onConversationTopic = awaitUpdate(topicNames.conversationEvents(), id, false);
        EventsProbe.Received onStateTopic = awaitUpdate(topicNames.conversationState(), id, false);
        System.out.printf("take-over of conversation %d visible on Kafka %d ms after the PATCH answered%n", id,
                Math.max(0, Duration.between(answered, Instant.now()).toMillis()));
        ConversationUpdated update = (ConversationUpdated) onConversationTopic.envelope().payload();
        assertThat(update.status()).isEqualTo(ConversationStatus.ACTIVE);
        assertThat(update.changedBy()).isEqualTo(ADMIN_NAME);
        assertThat(onConversationTopic.key()).isEqualTo(Long.toString(id));
        assertThat(onStateTopic.key()).isEqualTo(Long.toString(id));
        assertThat(onStateTopic.envelope()).isEqualTo(onConversationTopic.envelope());
    }

    @Test
    void handingBackToTheAiPublishesAiHandledAgain() {
        long id = startedConversation();
        patch(id, "{\"isAiHandled\": false}");

        TestHttp.Response response = patch(id, "{\"isAiHandled\": true}");

        assertThat(response.data().get("isAiHandled").asBoolean()).isTrue();
        awaitUpdate(topicNames.conversationEvents(), id, true);
        awaitUpdate(topicNames.conversationState(), id, true);
    }

    @Test
    void resolvingAndClosingChangeTheStatusAndKeepTheAiHandling() {
        long id = startedConversation();

        TestHttp.Response resolved = patch(id, "{\"status\": \"resolved\"}");
        TestHttp.Response closed = patch(id, "{\"status\": \"closed\", \"isAiHandled\": false}");

        assertThat(resolved.data().get("status").asString()).isEqualTo("resolved");
        assertThat(resolved.data().get("isAiHandled").asBoolean()).isTrue();
        assertThat(closed.data().get("status").asString()).isEqualTo("closed");
        assertThat(closed.data().get("isAiHandled").asBoolean()).isFalse();
        List<ConversationUpdated> updates = events.awaitCount(ConversationUpdated.class, update -> update.conversationId() == id, 4,
                Duration.ofSeconds(20));
        assertThat(updates).extracting(ConversationUpdated::status)
                .containsExactly(ConversationStatus.RESOLVED, ConversationStatus.RESOLVED, ConversationStatus.CLOSED, ConversationStatus.CLOSED);
        assertThat(row(id)).isEqualTo(Map.of("status", "closed", "ai_handled", false, "updated_by", ADMIN_NAME));
    }

    @Test
    void aChangeToWhatIsAlreadySetAnswersButPublishesNothing() {
        long id = startedConversation();

        assertThat(patch(id, "{\"status\": \"active\", \"isAiHandled\": true}").status()).isEqualTo(200);
        patch(id, "{\"status\": \"resolved\"}");

        List<ConversationUpdated> updates = events.awaitCount(ConversationUpdated.class, update -> update.conversationId() == id, 2,
                Duration.ofSeconds(20));
        assertThat(updates).extracting(ConversationUpdated::status).containsOnly(ConversationStatus.RESOLVED);
    }

    @Test
    void anUnknownConversationIs404() {
        TestHttp.Response response = patch(987654321L, "{\"isAiHandled\": false}");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("success").asBoolean()).isFalse();
        assertThat(response.error()).isEqualTo("Conversation 987654321 does not exist");
    }

    @Test
    void aRedeliveredOrRepeatedConversationStartedDoesNotUndoATakeOver() {
        long id = ids.incrementAndGet();
        EventEnvelope<ConversationStarted> started = EventEnvelope.wrap(startedEvent(id));
        chatService.send(topicNames.conversationEvents(), started);
        awaitKnown(id);
        patch(id, "{\"isAiHandled\": false}");

        chatService.send(topicNames.conversationEvents(), started);
        EventEnvelope<ConversationStarted> again = chatService.send(topicNames.conversationEvents(), startedEvent(id));
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(again.eventId()));

        assertThat(row(id)).containsEntry("ai_handled", false);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM processed_event WHERE event_id = :id").param("id", started.eventId().toString())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void otherConversationEventsAndPoisonRecordsAreSkippedWithoutStoppingTheListener() {
        long other = ids.incrementAndGet();
        chatService.send(topicNames.conversationEvents(), new MessageCreated(other, 1, 1, SenderType.VISITOR, "v-1", "Budi",
                "Halo", null, null, null, null, Instant.now()));
        chatService.sendRaw(topicNames.conversationEvents(), Long.toString(other), "not an event".getBytes(StandardCharsets.UTF_8));

        long id = startedConversation();

        assertThat(patch(id, "{\"isAiHandled\": false}").status()).isEqualTo(200);
        assertThat(patch(other, "{\"isAiHandled\": false}").status()).isEqualTo(404);
    }

    @Test
    void concurrentChangesArePublishedInTheOrderTheyWereApplied() throws Exception {
        long id = startedConversation();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Integer>> changes = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String body = "{\"isAiHandled\": " + (i % 2 == 0) + "}";
            changes.add(() -> patch(id, body).status());
        }
        try {
            for (Future<Integer> status : pool.invokeAll(changes)) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        String marker = "{\"status\": \"resolved\"}";
        patch(id, marker);

        List<ConversationUpdated> published = events.awaitCount(ConversationUpdated.class,
                update -> update.conversationId() == id && update.status() == ConversationStatus.RESOLVED, 2, Duration.ofSeconds(30));
        List<ConversationUpdated> onConversationTopic = updatesOn(topicNames.conversationEvents(), id);
        for (int i = 1; i < onConversationTopic.size(); i++) {
            // Each published change differs from the one before it: changes were applied and published in the same order.
            assertThat(onConversationTopic.get(i)).usingRecursiveComparison().comparingOnlyFields("status", "aiHandled")
                    .isNotEqualTo(onConversationTopic.get(i - 1));
        }
        ConversationUpdated last = onConversationTopic.get(onConversationTopic.size() - 1);
        assertThat(row(id)).containsEntry("ai_handled", last.aiHandled()).containsEntry("status", "resolved");
        assertThat(published).isNotEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {}                                              | Nothing to update: send at least one of status, isAiHandled
            null                                            | Nothing to update: send at least one of status, isAiHandled
            "closed"                                        | Request body must be a JSON object
            {"status": "archived"}                          | Field 'status' must be one of active, resolved, closed
            {"status": "ACTIVE"}                            | Field 'status' must be one of active, resolved, closed
            {"status": 1}                                   | Field 'status' must be one of active, resolved, closed
            {"status": null}                                | Field 'status' must be one of active, resolved, closed
            {"isAiHandled": "false"}                        | Field 'isAiHandled' must be true or false
            {"isAiHandled": null}                           | Field 'isAiHandled' must be true or false
            {"aiHandled": false}                            | Unknown field 'aiHandled' (allowed: status, isAiHandled)
            {"isAiHandled": false, "status": "nope"}        | Field 'status' must be one of active, resolved, closed
            {"isAiHandled": false                           | Request body is not valid JSON
            """)
    void invalidChangesGetA400NamingTheProblemAndChangeNothing(String body, String message) {
        long id = startedConversation();

        TestHttp.Response response = admin().send("PATCH", "/api/chat/conversations/" + id, "application/json",
                body.getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("success").asBoolean()).isFalse();
        assertThat(response.error()).isEqualTo(message);
        assertThat(row(id)).isEqualTo(Map.of("status", "active", "ai_handled", true, "updated_by", "-"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            abc                     | Parameter 'id' must be a number
            99999999999999999999    | Parameter 'id' must be a number
            0                       | Conversation id must be a positive number
            -5                      | Conversation id must be a positive number
            """)
    void invalidConversationIdsGetA400(String id, String message) {
        TestHttp.Response response = admin().patchJson("/api/chat/conversations/" + id, "{\"isAiHandled\": false}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.error()).isEqualTo(message);
    }

    @Test
    void anEmptyBodyOrAnotherContentTypeIsRefused() {
        long id = startedConversation();

        TestHttp.Response empty = admin().send("PATCH", "/api/chat/conversations/" + id, "application/json", null);
        TestHttp.Response text = admin().send("PATCH", "/api/chat/conversations/" + id, "text/plain",
                "isAiHandled=false".getBytes(StandardCharsets.UTF_8));

        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.error()).startsWith("Nothing to update");
        assertThat(text.status()).isEqualTo(415);
        assertThat(row(id)).containsEntry("ai_handled", true);
    }

    private long startedConversation() {
        long id = ids.incrementAndGet();
        chatService.send(topicNames.conversationEvents(), startedEvent(id));
        awaitKnown(id);
        return id;
    }

    private static ConversationStarted startedEvent(long id) {
        return new ConversationStarted(id, "v-" + UUID.randomUUID(), "Budi", "budi@example.com", "Halo, apa tech stack-nya?",
                Instant.now());
    }

    private void awaitKnown(long id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT COUNT(*) FROM conversation_control WHERE conversation_id = :id")
                .param("id", id).query(Long.class).single() == 1);
    }

    private boolean processed(UUID eventId) {
        return jdbc.sql("SELECT COUNT(*) FROM processed_event WHERE event_id = :id").param("id", eventId.toString())
                .query(Long.class).single() == 1;
    }

    private Map<String, Object> row(long id) {
        return jdbc.sql("SELECT status, ai_handled, COALESCE(updated_by, '-') AS updated_by FROM conversation_control WHERE conversation_id = :id")
                .param("id", id)
                .query((rs, n) -> Map.<String, Object>of("status", rs.getString("status"), "ai_handled", rs.getBoolean("ai_handled"),
                        "updated_by", rs.getString("updated_by")))
                .single();
    }

    private EventsProbe.Received awaitUpdate(String topic, long id, boolean aiHandled) {
        return await().atMost(Duration.ofSeconds(20)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5))
                .until(() -> events.all().stream()
                .filter(received -> received.topic().equals(topic))
                .filter(received -> received.envelope().payload() instanceof ConversationUpdated update
                        && update.conversationId() == id && update.aiHandled() == aiHandled)
                .findFirst(), java.util.Optional::isPresent).orElseThrow();
    }

    private List<ConversationUpdated> updatesOn(String topic, long id) {
        return events.all().stream()
                .filter(received -> received.topic().equals(topic))
                .map(received -> received.envelope().payload())
                .filter(payload -> payload instanceof ConversationUpdated update && update.conversationId() == id)
                .map(ConversationUpdated.class::cast)
                .toList();
    }

    private TestHttp.Response patch(long id, String body) {
        return admin().patchJson("/api/chat/conversations/" + id, body);
    }

    private TestHttp admin() {
        return TestHttp.localhost(port).withHeader("Authorization", TestAdminTokens.bearer(TestAdminTokens.valid()));
    }
}
