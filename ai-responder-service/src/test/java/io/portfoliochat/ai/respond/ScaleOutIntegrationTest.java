package io.portfoliochat.ai.respond;

import static io.portfoliochat.ai.AiEventsFixture.WAIT;
import static io.portfoliochat.ai.AiEventsFixture.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.portfoliochat.ai.AiServiceTestBase;
import io.portfoliochat.ai.AiResponderApplication;
import io.portfoliochat.ai.state.AiState;
import io.portfoliochat.events.AiReplyGenerated;
import io.portfoliochat.events.MessageCreated;
import io.portfoliochat.events.Topics;
import io.portfoliochat.testsupport.ServiceIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Two instances of the service in one consumer group on a real broker: they split the
 * conversation topic's partitions, both answer, and every visitor message gets exactly one reply.
 */
@ServiceIntegrationTest(properties = "portfoliochat.ai.burst-window=50ms")
class ScaleOutIntegrationTest extends AiServiceTestBase {

    @Autowired
    Environment environment;
    @Autowired
    KafkaListenerEndpointRegistry registry;

    ConfigurableApplicationContext second;

    @BeforeAll
    void secondInstance() {
        second = new SpringApplicationBuilder(AiResponderApplication.class)
                .profiles("test")
                .properties(
                        "server.port=0",
                        "spring.kafka.bootstrap-servers=" + environment.getProperty("spring.kafka.bootstrap-servers"),
                        "portfoliochat.kafka.topic-prefix=" + environment.getProperty("portfoliochat.kafka.topic-prefix"),
                        "portfoliochat.security.jwt.secret=" + environment.getProperty("portfoliochat.security.jwt.secret"),
                        "portfoliochat.ai.burst-window=50ms")
                .run();
        await().atMost(WAIT).until(() -> assigned(registry) > 0 && assigned(second.getBean(KafkaListenerEndpointRegistry.class)) > 0
                && assigned(registry) + assigned(second.getBean(KafkaListenerEndpointRegistry.class)) == Topics.CONVERSATION_PARTITIONS);
        AiState secondState = second.getBean(AiState.class);
        await().atMost(WAIT).until(() -> secondState.portfolio().ownerName().isPresent());
    }

    @AfterAll
    void stopSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void twoInstancesShareTheConversationsAndEveryMessageGetsExactlyOneReply() {
        List<Long> conversations = conversationsOnEveryPartition(2);
        List<Long> questions = new ArrayList<>();
        String[] texts = {"Where is Rina based?", "Does Rina know Go?", "What are her hobbies?", "Which projects has she built?"};
        for (int i = 0; i < conversations.size(); i++) {
            MessageCreated message = events.visitorSays(conversations.get(i), 1, texts[i % texts.length]);
            questions.add(message.messageId());
        }

        await().atMost(WAIT).until(() -> questions.stream().allMatch(id -> events.probe().events(AiReplyGenerated.class)
                .stream().anyMatch(reply -> reply.inReplyTo().contains(id))));

        for (long id : questions) {
            assertThat(events.probe().events(AiReplyGenerated.class).stream().filter(r -> r.inReplyTo().contains(id)).count())
                    .as("replies to message %d", id).isEqualTo(1);
        }
        assertThat(replied(meters)).isPositive();
        assertThat(replied(second.getBean(MeterRegistry.class))).isPositive();
        assertThat(replied(meters) + replied(second.getBean(MeterRegistry.class))).isEqualTo(questions.size());
    }

    /** Conversation ids whose keys land on every partition, {@code perPartition} of each (Kafka's default partitioner). */
    private static List<Long> conversationsOnEveryPartition(int perPartition) {
        Map<Integer, Integer> counts = new HashMap<>();
        List<Long> chosen = new ArrayList<>();
        while (chosen.size() < perPartition * Topics.CONVERSATION_PARTITIONS) {
            long id = newId();
            byte[] key = Topics.conversationKey(id).getBytes(StandardCharsets.UTF_8);
            int partition = Utils.toPositive(Utils.murmur2(key)) % Topics.CONVERSATION_PARTITIONS;
            if (counts.merge(partition, 1, Integer::sum) <= perPartition) {
                chosen.add(id);
            }
        }
        return chosen;
    }

    private static int assigned(KafkaListenerEndpointRegistry registry) {
        MessageListenerContainer container = registry.getListenerContainer("ai-responder");
        return container == null || container.getAssignedPartitions() == null ? 0 : container.getAssignedPartitions().size();
    }

    private static double replied(MeterRegistry registry) {
        return registry.find(ReplyPipeline.OUTCOMES_METRIC).tag("outcome", "replied").counters().stream()
                .mapToDouble(Counter::count).sum();
    }
}
