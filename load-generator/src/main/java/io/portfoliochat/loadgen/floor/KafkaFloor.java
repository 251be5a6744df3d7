package io.portfoliochat.loadgen.floor;

import io.portfoliochat.loadgen.report.Latencies;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * One bare Kafka hop on the stack's broker: a record produced (acks=all, idempotent, linger 0: the services'
 * producer settings) to a fresh one-partition topic until a plain consumer in this JVM polled it. Records are
 * the size of an event envelope.
 */
public final class KafkaFloor {

    private static final int RECORD_BYTES = 600;

    private KafkaFloor() {
    }

    public static Latencies measure(String bootstrapServers, double ratePerSecond, Duration duration, AtomicBoolean stop) {
        String topic = "loadgen.floor-" + System.currentTimeMillis();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            try {
                return roundTrips(bootstrapServers, topic, ratePerSecond, duration, stop);
            } finally {
                admin.deleteTopics(Set.of(topic));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("The Kafka floor could not be measured: " + e.getMessage(), e);
        }
    }

    private static Latencies roundTrips(String bootstrapServers, String topic, double ratePerSecond, Duration duration,
                                        AtomicBoolean stop) throws InterruptedException {
        Latencies latencies = new Latencies();
        int warmup = (int) Math.max(20, ratePerSecond);
        long total = warmup + Math.round(ratePerSecond * duration.toMillis() / 1000.0);
        CountDownLatch received = new CountDownLatch((int) total);
        TopicPartition partition = new TopicPartition(topic, 0);
        AtomicBoolean consuming = new AtomicBoolean(true);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
             KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                     ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                     ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                     ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            consumer.position(partition);
            Thread reader = new Thread(() -> {
                long seen = 0;
                while (consuming.get()) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        long latencyNanos = System.nanoTime() - ByteBuffer.wrap(record.value()).getLong();
                        if (seen++ >= warmup) {
                            latencies.add(latencyNanos / 1000);
                        }
                        received.countDown();
                    }
                }
            }, "kafka-floor-consumer");
            reader.start();
            long interval = Math.round(1e9 / ratePerSecond);
            long start = System.nanoTime();
            for (long i = 0; i < total && !stop.get(); i++) {
                long wait = start + i * interval - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                byte[] value = new byte[RECORD_BYTES];
                ByteBuffer.wrap(value).putLong(System.nanoTime());
                producer.send(new ProducerRecord<>(topic, value));
            }
            received.await(stop.get() ? 2 : 30, TimeUnit.SECONDS);
            consuming.set(false);
            reader.join(5000);
        }
        return latencies;
    }
}
