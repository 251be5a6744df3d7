package io.portfoliochat.testsupport;

import io.portfoliochat.events.DomainEvent;
import io.portfoliochat.events.EventCodec;
import io.portfoliochat.events.EventEnvelope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/**
 * Reads topics from the beginning in the background and lets a test wait for events:
 * "this stimulus publishes that event". Close it at the end of the test.
 */
public final class EventsProbe implements AutoCloseable {

    private final EventCodec codec = new EventCodec();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread poller;
    private volatile boolean running = true;

    /** One decoded event and where it was on the topic. */
    public record Received(String topic, int partition, long offset, String key, EventEnvelope<DomainEvent> envelope) {
    }

    private EventsProbe(String bootstrapServers, List<String> topics) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.consumer = new KafkaConsumer<>(properties);
        this.poller = new Thread(() -> run(topics), "events-probe");
        this.poller.setDaemon(true);
        this.poller.start();
    }

    public static EventsProbe on(String bootstrapServers, String... topics) {
        return new EventsProbe(bootstrapServers, List.of(topics));
    }

    private void run(List<String> topics) {
        try {
            List<TopicPartition> assigned = awaitPartitions(topics);
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                    EventEnvelope<DomainEvent> envelope;
                    try {
                        envelope = codec.decode(record.value());
                    } catch (RuntimeException notAnEvent) {
                        continue;
                    }
                    received.add(new Received(record.topic(), record.partition(), record.offset(), record.key(), envelope));
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ZERO);
        }
    }

    private List<TopicPartition> awaitPartitions(List<String> topics) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> infos = List.of();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (running && infos.isEmpty() && System.nanoTime() < deadline) {
                try {
                    infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
                } catch (org.apache.kafka.common.errors.TimeoutException notYetCreated) {
                    infos = null;
                }
                if (infos == null || infos.isEmpty()) {
                    infos = List.of();
                    sleep();
                }
            }
            infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        }
        return partitions;
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public List<Received> all() {
        return List.copyOf(received);
    }

    /** Every event payload of a type, in arrival order. */
    public <T extends DomainEvent> List<T> events(Class<T> type) {
        return received.stream().map(r -> r.envelope().payload()).filter(type::isInstance).map(type::cast).toList();
    }

    public <T extends DomainEvent> T await(Class<T> type, Predicate<T> matching) {
        return await(type, matching, Duration.ofSeconds(20));
    }

    public <T extends DomainEvent> T await(Class<T> type, Predicate<T> matching, Duration timeout) {
        return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(20))
                .until(() -> events(type).stream().filter(matching).findFirst(), java.util.Optional::isPresent)
                .orElseThrow();
    }

    /** Waits until at least {@code count} matching events arrived and returns them all. */
    public <T extends DomainEvent> List<T> awaitCount(Class<T> type, Predicate<T> matching, int count, Duration timeout) {
        return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(20))
                .until(() -> events(type).stream().filter(matching).toList(), list -> list.size() >= count);
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            poller.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
