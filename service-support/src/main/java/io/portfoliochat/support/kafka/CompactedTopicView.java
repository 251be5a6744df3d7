package io.portfoliochat.support.kafka;

import io.portfoliochat.events.DomainEvent;
import io.portfoliochat.events.EventCodec;
import io.portfoliochat.events.EventEnvelope;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The latest event per key of a compacted topic, kept in memory: read from the beginning on start
 * (no consumer group, so every instance sees everything) and followed afterwards. This is how a
 * service rebuilds state it does not own, such as the settings or the portfolio. Listeners are
 * called for every record, in topic order, on the view's own thread.
 */
public class CompactedTopicView implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CompactedTopicView.class);

    private final String topic;
    private final Map<String, Object> consumerProperties;
    private final EventCodec codec;
    private final Map<String, EventEnvelope<DomainEvent>> latest = new ConcurrentHashMap<>();
    private final List<Consumer<EventEnvelope<DomainEvent>>> listeners = new CopyOnWriteArrayList<>();
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread reader;

    public CompactedTopicView(String topic, Map<String, Object> baseConsumerProperties, EventCodec codec) {
        this.topic = topic;
        this.codec = codec;
        Map<String, Object> properties = new HashMap<>(baseConsumerProperties);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.remove(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "view-" + topic + "-" + ProcessHandle.current().pid());
        this.consumerProperties = properties;
    }

    /** Called for every event read, including the initial load. Register before {@link #start()}. */
    public void addListener(Consumer<EventEnvelope<DomainEvent>> listener) {
        listeners.add(listener);
    }

    public Optional<EventEnvelope<DomainEvent>> latest(String key) {
        return Optional.ofNullable(latest.get(key));
    }

    public Map<String, EventEnvelope<DomainEvent>> snapshot() {
        return Map.copyOf(latest);
    }

    /** True once everything that was on the topic at start-up has been read. */
    public boolean caughtUp() {
        return caughtUp.getCount() == 0;
    }

    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public String topic() {
        return topic;
    }

    @Override
    public void start() {
        running = true;
        reader = new Thread(this::run, "view-" + topic);
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (reader != null) {
            try {
                reader.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(consumerProperties)) {
                consumer = kafka;
                follow(kafka);
            } catch (WakeupException e) {
                return;
            } catch (KafkaException | IllegalStateException e) {
                if (!running) {
                    return;
                }
                log.warn("Reading {} failed, starting over: {}", topic, e.getMessage());
                pause(Duration.ofSeconds(1));
            }
        }
    }

    private void follow(KafkaConsumer<String, byte[]> kafka) {
        List<TopicPartition> partitions = awaitPartitions(kafka);
        if (partitions.isEmpty()) {
            return;
        }
        kafka.assign(partitions);
        kafka.seekToBeginning(partitions);
        Map<TopicPartition, Long> endAtStart = kafka.endOffsets(partitions);
        while (running) {
            for (ConsumerRecord<String, byte[]> record : kafka.poll(Duration.ofMillis(200))) {
                apply(record);
            }
            if (!caughtUp()) {
                boolean all = endAtStart.entrySet().stream().allMatch(end -> kafka.position(end.getKey()) >= end.getValue());
                if (all) {
                    caughtUp.countDown();
                    log.info("Loaded {} key(s) from {}", latest.size(), topic);
                }
            }
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            latest.remove(record.key());
            return;
        }
        EventEnvelope<DomainEvent> envelope;
        try {
            envelope = codec.decode(record.value());
        } catch (RuntimeException e) {
            log.error("Skipping an undecodable record at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            return;
        }
        String key = record.key() != null ? record.key() : envelope.key();
        latest.put(key, envelope);
        for (Consumer<EventEnvelope<DomainEvent>> listener : listeners) {
            try {
                listener.accept(envelope);
            } catch (RuntimeException e) {
                log.error("A listener of {} failed on event {}", topic, envelope.eventId(), e);
            }
        }
    }

    private List<TopicPartition> awaitPartitions(KafkaConsumer<String, byte[]> kafka) {
        while (running) {
            try {
                List<PartitionInfo> infos = kafka.partitionsFor(topic, Duration.ofSeconds(3));
                if (infos != null && !infos.isEmpty()) {
                    return infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
                }
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                log.debug("Topic {} not available yet: {}", topic, e.getMessage());
            }
            pause(Duration.ofSeconds(1));
        }
        return List.of();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
