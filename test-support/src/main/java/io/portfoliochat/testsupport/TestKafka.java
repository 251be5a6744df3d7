package io.portfoliochat.testsupport;

import io.portfoliochat.events.Topics;
import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.kafka.KafkaContainer;

/**
 * A real Kafka broker for the tests, shared by every test class of a JVM.
 *
 * <p>In order: {@code TEST_KAFKA_BOOTSTRAP_SERVERS}; a Testcontainers Kafka when a Docker engine
 * is present; otherwise spring-kafka-test's embedded KRaft broker (a real broker in this JVM).
 */
public final class TestKafka {

    private static String bootstrapServers;

    private TestKafka() {
    }

    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            bootstrapServers = start();
        }
        return bootstrapServers;
    }

    private static String start() {
        String fromEnvironment = System.getenv("TEST_KAFKA_BOOTSTRAP_SERVERS");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        if (DockerAvailability.available()) {
            KafkaContainer container = new KafkaContainer("apache/kafka-native:3.8.0");
            container.start();
            return container.getBootstrapServers();
        }
        EmbeddedKafkaKraftBroker broker = newEmbeddedBroker();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "embedded-kafka-shutdown"));
        return broker.getBrokersAsString();
    }

    /**
     * An embedded broker in this JVM on a free port. (It cannot keep a fixed port across restarts:
     * for a broker that goes down and comes back, use {@link io.portfoliochat.stack.KafkaBrokerProcess}.)
     */
    public static EmbeddedKafkaKraftBroker newEmbeddedBroker() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, Topics.CONVERSATION_PARTITIONS);
        broker.brokerProperties(Map.of(
                "auto.create.topics.enable", "true",
                "group.initial.rebalance.delay.ms", "0",
                "offsets.topic.num.partitions", "5",
                "log.cleaner.backoff.ms", "1000"));
        broker.afterPropertiesSet();
        return broker;
    }
}
