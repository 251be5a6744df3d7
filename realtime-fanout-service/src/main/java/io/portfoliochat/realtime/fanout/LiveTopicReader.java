package io.portfoliochat.realtime.fanout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
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
 * Reads every partition of some topics from a point in time on, without a consumer group, so that every
 * instance of the service sees every record (each self-hosted instance serves its own sockets). Records
 * are handed over in partition order on the reader's own thread; a failing handler is logged and the
 * reader goes on. After a broker hiccup it resumes where it was.
 */
public final class LiveTopicReader implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveTopicReader.class);

    private final String name;
    private final List<String> topics;
    private final Map<String, Object> consumerProperties;
    private final Instant from;
    private final Consumer<List<ConsumerRecord<String, byte[]>>> handler;
    private final Map<TopicPartition, Long> nextOffsets = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile boolean assigned;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    public LiveTopicReader(String name, List<String> topics, Map<String, Object> baseConsumerProperties, Instant from,
                           Consumer<List<ConsumerRecord<String, byte[]>>> handler) {
        this.name = name;
        this.topics = List.copyOf(topics);
        this.from = from;
        this.handler = handler;
        Map<String, Object> properties = new HashMap<>(baseConsumerProperties);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.remove(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        // The topics are created with their partitioning by the service; never let a metadata request create them.
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, name + "-" + ProcessHandle.current().pid() + "-" + System.identityHashCode(this));
        this.consumerProperties = properties;
    }

    /** True once all partitions are assigned and positioned: records written from now on will be read. */
    public boolean assigned() {
        return assigned;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(5000);
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
                assigned = false;
                log.warn("{}: reading {} failed, resuming: {}", name, topics, e.getMessage());
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
        position(kafka, partitions);
        assigned = true;
        while (running) {
            ConsumerRecords<String, byte[]> polled = kafka.poll(Duration.ofMillis(500));
            if (polled.isEmpty()) {
                continue;
            }
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(polled.count());
            polled.forEach(records::add);
            try {
                handler.accept(records);
            } catch (RuntimeException e) {
                log.error("{}: handling {} record(s) failed", name, records.size(), e);
            }
            for (ConsumerRecord<String, byte[]> record : records) {
                nextOffsets.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
            }
        }
    }

    private void position(KafkaConsumer<String, byte[]> kafka, List<TopicPartition> partitions) {
        Map<TopicPartition, Long> byTime = new HashMap<>();
        for (TopicPartition partition : partitions) {
            Long next = nextOffsets.get(partition);
            if (next != null) {
                kafka.seek(partition, next);
            } else {
                byTime.put(partition, from.toEpochMilli());
            }
        }
        if (byTime.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndTimestamp> offsets = kafka.offsetsForTimes(byTime, Duration.ofSeconds(10));
        for (TopicPartition partition : byTime.keySet()) {
            OffsetAndTimestamp offset = offsets.get(partition);
            if (offset != null) {
                kafka.seek(partition, offset.offset());
            } else {
                kafka.seekToEnd(List.of(partition));
                kafka.position(partition);
            }
        }
    }

    private List<TopicPartition> awaitPartitions(KafkaConsumer<String, byte[]> kafka) {
        while (running) {
            List<TopicPartition> partitions = currentPartitions(kafka);
            if (partitions != null) {
                return partitions;
            }
            log.debug("{}: waiting for topics {}", name, topics);
            pause(Duration.ofSeconds(1));
        }
        return List.of();
    }

    /** Every partition of every topic, or null while one of the topics does not exist yet. */
    private List<TopicPartition> currentPartitions(KafkaConsumer<String, byte[]> kafka) {
        List<TopicPartition> partitions = new ArrayList<>();
        try {
            for (String topic : topics) {
                List<PartitionInfo> infos = kafka.partitionsFor(topic, Duration.ofSeconds(3));
                if (infos == null || infos.isEmpty()) {
                    return null;
                }
                for (PartitionInfo info : infos) {
                    partitions.add(new TopicPartition(topic, info.partition()));
                }
            }
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            return null;
        }
        return partitions;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
