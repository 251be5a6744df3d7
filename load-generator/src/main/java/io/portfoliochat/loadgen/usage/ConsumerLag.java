package io.portfoliochat.loadgen.usage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far each consumer group is behind on the conversation topic, sampled every second: records written but
 * not yet committed by the group. A group whose lag grows is the stage that cannot keep up.
 */
public final class ConsumerLag implements AutoCloseable {

    private final Admin admin;
    private final String topic;
    private final List<String> groups;
    private final Map<String, long[]> lag = new LinkedHashMap<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "consumer-lag");
        thread.setDaemon(true);
        return thread;
    });

    private ConsumerLag(String bootstrapServers, String topic, List<String> groups) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.topic = topic;
        this.groups = groups;
        groups.forEach(group -> lag.put(group, new long[] {0, 0, 0}));
        sampler.scheduleWithFixedDelay(this::sample, 0, 1, TimeUnit.SECONDS);
    }

    public static ConsumerLag watch(String bootstrapServers, String topic, List<String> groups) {
        return new ConsumerLag(bootstrapServers, topic, groups);
    }

    /** Per group: {@code {average, peak}} records behind over the samples. */
    public Map<String, double[]> finish() {
        sampler.shutdownNow();
        Map<String, double[]> result = new LinkedHashMap<>();
        synchronized (lag) {
            lag.forEach((group, samples) -> result.put(group,
                    new double[] {samples[1] == 0 ? 0 : samples[0] / (double) samples[1], samples[2]}));
        }
        return result;
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        admin.close();
    }

    private void sample() {
        try {
            Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get(5, TimeUnit.SECONDS).get(topic).partitions()
                    .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS);
            for (String group : groups) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
                long behind = 0;
                for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end : ends.entrySet()) {
                    OffsetAndMetadata position = committed.get(end.getKey());
                    behind += end.getValue().offset() - (position == null ? 0 : position.offset());
                }
                synchronized (lag) {
                    long[] samples = lag.get(group);
                    samples[0] += behind;
                    samples[1]++;
                    samples[2] = Math.max(samples[2], behind);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // a missed sample; the next one counts
        }
    }
}
