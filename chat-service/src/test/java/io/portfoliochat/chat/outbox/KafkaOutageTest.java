package io.portfoliochat.chat.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.portfoliochat.chat.ChatApi;
import io.portfoliochat.events.EventEnvelope;
import io.portfoliochat.events.MessageCreated;
import io.portfoliochat.support.kafka.TopicNames;
import io.portfoliochat.support.outbox.OutboxRelay;
import io.portfoliochat.testsupport.EventsProbe;
import io.portfoliochat.testsupport.ServiceIntegrationTest;
import io.portfoliochat.testsupport.TestHttp;
import io.portfoliochat.stack.KafkaBrokerProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service starts while its Kafka broker (a real broker process with its own data) is down.
 * Visitors keep chatting (201s); once the broker is up every event is published, in order per
 * conversation. Then the broker is killed with SIGKILL mid-flight and restarted: the same again.
 */
@ServiceIntegrationTest(properties = {
        "spring.kafka.bootstrap-servers=localhost:" + KafkaOutageTest.BROKER_PORT,
        "portfoliochat.outbox.max-backoff=500ms",
        "spring.kafka.producer.properties.max.block.ms=1000",
        "spring.kafka.producer.properties.request.timeout.ms=2000",
        "spring.kafka.producer.properties.delivery.timeout.ms=4000"})
class KafkaOutageTest {

    static final int BROKER_PORT = 39192;

    @TempDir
    static Path brokerData;

    @LocalServerPort
    int port;

    @Autowired
    TopicNames topics;

    @Autowired
    OutboxRelay relay;

    @Test
    void sendsSucceedWhileKafkaIsDownAndEveryEventIsPublishedInOrderWhenItReturns() {
        ChatApi api = new ChatApi(port);
        List<String> visitors = List.of(api.newSession(), api.newSession(), api.newSession());

        Map<Long, List<Long>> sentWhileDown = chat(api, visitors, 5, "before");
        assertThat(relay.backlog()).isGreaterThanOrEqualTo(sentWhileDown.values().stream().mapToInt(List::size).sum());

        try (KafkaBrokerProcess broker = KafkaBrokerProcess.inDirectory(brokerData, BROKER_PORT)) {
            broker.start();
            assertPublishedInOrder(broker, sentWhileDown);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> relay.backlog() == 0);

            broker.kill();
            Map<Long, List<Long>> sentWhileKilled = chat(api, visitors, 3, "after");
            broker.start();
            assertPublishedInOrder(broker, merge(sentWhileDown, sentWhileKilled));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> relay.backlog() == 0);
        }
    }

    private static Map<Long, List<Long>> merge(Map<Long, List<Long>> first, Map<Long, List<Long>> then) {
        Map<Long, List<Long>> merged = new LinkedHashMap<>();
        first.forEach((conversation, ids) -> merged.computeIfAbsent(conversation, c -> new ArrayList<>()).addAll(ids));
        then.forEach((conversation, ids) -> merged.computeIfAbsent(conversation, c -> new ArrayList<>()).addAll(ids));
        return merged;
    }

    /** Each visitor sends {@code rounds} messages, interleaved; returns the message ids per conversation. */
    private Map<Long, List<Long>> chat(ChatApi api, List<String> visitors, int rounds, String label) {
        Map<Long, List<Long>> ids = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (String visitor : visitors) {
                TestHttp.Response sent = api.visitorSends(visitor, label + " " + round);
                assertThat(sent.status()).as("send while Kafka is unavailable").isEqualTo(201);
                ids.computeIfAbsent(sent.data().get("conversationId").asLong(), c -> new ArrayList<>())
                        .add(sent.data().get("messageId").asLong());
            }
        }
        return ids;
    }

    private void assertPublishedInOrder(KafkaBrokerProcess broker, Map<Long, List<Long>> expected) {
        try (EventsProbe probe = EventsProbe.on(broker.bootstrapServers(), topics.conversationEvents())) {
            int total = expected.values().stream().mapToInt(List::size).sum();
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> distinctMessages(probe).size() >= total);
            for (Map.Entry<Long, List<Long>> conversation : expected.entrySet()) {
                List<Long> firstSeenOrder = new ArrayList<>();
                Set<Long> seen = new HashSet<>();
                for (EventsProbe.Received received : probe.all()) {
                    if (received.envelope().payload() instanceof MessageCreated created
                            && created.conversationId() == conversation.getKey() && seen.add(created.messageId())) {
                        firstSeenOrder.add(created.messageId());
                    }
                }
                assertThat(firstSeenOrder).as("conversation %s", conversation.getKey()).isEqualTo(conversation.getValue());
            }
        }
    }

    private static Set<java.util.UUID> distinctMessages(EventsProbe probe) {
        Set<java.util.UUID> ids = new HashSet<>();
        for (EventsProbe.Received received : probe.all()) {
            EventEnvelope<?> envelope = received.envelope();
            if (envelope.payload() instanceof MessageCreated) {
                ids.add(envelope.eventId());
            }
        }
        return ids;
    }
}
