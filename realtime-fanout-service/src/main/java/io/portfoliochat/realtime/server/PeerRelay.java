package io.portfoliochat.realtime.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.portfoliochat.realtime.fanout.LiveTopicReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Connects the instances of a scaled-out self-hosted server through a Kafka topic that every instance
 * reads from its start. What only this instance saw (an HTTP API publish, a client event, a member
 * joining or leaving) is written there; the peers apply it to their own sockets. Each instance also
 * repeats its presence list regularly (and when a new instance says hello), so a crashed instance's
 * members disappear after {@code peerTimeout}. Local delivery never waits for Kafka: relay messages are
 * sent from a bounded queue, and dropped (counted) when Kafka cannot keep up.
 */
final class PeerRelay implements Peers, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeerRelay.class);

    private final String self;
    private final String topic;
    private final KafkaTemplate<String, byte[]> kafka;
    private final ChannelRegistry registry;
    private final JsonMapper json;
    private final ClusterProperties properties;
    private final LiveTopicReader reader;
    private final Map<String, Long> peersLastSeenNanos = new ConcurrentHashMap<>();
    private final Counter dropped;
    private ThreadPoolExecutor sender;
    private ScheduledExecutorService scheduler;
    private volatile boolean running;

    PeerRelay(String self, String topic, KafkaTemplate<String, byte[]> kafka, ChannelRegistry registry, JsonMapper json,
              ClusterProperties properties, Map<String, Object> consumerProperties, MeterRegistry meters) {
        this.self = self;
        this.topic = topic;
        this.kafka = kafka;
        this.registry = registry;
        this.json = json;
        this.properties = properties;
        this.reader = new LiveTopicReader("realtime-peer-relay", List.of(topic), consumerProperties, Instant.now(), this::received);
        this.dropped = Counter.builder("realtime.relay.dropped")
                .description("Messages for peer instances that could not be sent").register(meters);
    }

    /** True once this instance reads what its peers write. */
    boolean listening() {
        return reader.assigned();
    }

    @Override
    public void channelEvent(String channel, String frame, String excludeSocketId) {
        ObjectNode message = message("event").put("channel", channel).put("frame", frame);
        if (excludeSocketId != null) {
            message.put("exclude", excludeSocketId);
        }
        send(channel, () -> message);
    }

    @Override
    public void presenceChanged(String channel, PresenceMember member, boolean present) {
        ObjectNode message = message("presence").put("channel", channel).put("present", present);
        message.set("member", member(member));
        send(channel, () -> message);
    }

    /**
     * The snapshot is taken on the sender thread, so it is ordered after every presence change queued
     * before it and reflects them; a change queued after it arrives later and is idempotent.
     */
    private void sendSnapshot() {
        send(self, () -> {
            ObjectNode message = message("sync");
            ObjectNode channels = message.putObject("channels");
            registry.localPresence().forEach((channel, members) -> {
                ArrayNode list = channels.putArray(channel);
                members.forEach(member -> list.add(member(member)));
            });
            return message;
        });
    }

    private void expireSilentPeers() {
        long now = System.nanoTime();
        peersLastSeenNanos.forEach((peer, lastSeen) -> {
            if (now - lastSeen > properties.peerTimeout().toNanos()) {
                log.info("Peer instance {} went silent; dropping its presence members", peer);
                peersLastSeenNanos.remove(peer);
                registry.forgetPeer(peer);
            }
        });
    }

    private void received(List<ConsumerRecord<String, byte[]>> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            JsonNode message;
            try {
                message = json.readTree(record.value());
            } catch (JacksonException | IllegalArgumentException e) {
                log.warn("Skipping a relay record that is not JSON at offset {}", record.offset());
                continue;
            }
            String origin = text(message, "origin");
            if (origin == null || origin.equals(self)) {
                continue;
            }
            boolean newPeer = peersLastSeenNanos.put(origin, System.nanoTime()) == null;
            apply(origin, message);
            if (newPeer && !"sync".equals(text(message, "type"))) {
                sendSnapshot();
            }
        }
    }

    private void apply(String origin, JsonNode message) {
        String type = String.valueOf(text(message, "type"));
        String channel = text(message, "channel");
        switch (type) {
            case "event" -> {
                String frame = text(message, "frame");
                if (channel != null && frame != null) {
                    registry.deliver(channel, frame, text(message, "exclude"));
                }
            }
            case "presence" -> {
                PresenceMember member = memberOf(message.get("member"));
                if (channel != null && member.userId() != null) {
                    registry.peerPresence(origin, channel, member, message.path("present").asBoolean(false));
                }
            }
            case "sync" -> {
                Map<String, List<PresenceMember>> channels = new LinkedHashMap<>();
                JsonNode listed = message.get("channels");
                if (listed != null && listed.isObject()) {
                    for (Map.Entry<String, JsonNode> entry : listed.properties()) {
                        List<PresenceMember> members = new ArrayList<>();
                        entry.getValue().forEach(member -> {
                            PresenceMember parsed = memberOf(member);
                            if (parsed.userId() != null) {
                                members.add(parsed);
                            }
                        });
                        channels.put(entry.getKey(), members);
                    }
                }
                registry.peerSnapshot(origin, channels);
            }
            case "hello" -> sendSnapshot();
            default -> log.debug("Ignoring relay message of type {}", type);
        }
    }

    private ObjectNode message(String type) {
        return json.createObjectNode().put("type", type).put("origin", self);
    }

    private ObjectNode member(PresenceMember member) {
        ObjectNode node = json.createObjectNode().put("user_id", member.userId());
        if (member.userInfo() != null) {
            node.set("user_info", member.userInfo());
        }
        return node;
    }

    private static PresenceMember memberOf(JsonNode node) {
        JsonNode info = node == null ? null : node.get("user_info");
        return new PresenceMember(node == null ? null : text(node, "user_id"), info == null || info.isNull() ? null : info);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isString() ? value.asString() : null;
    }

    private void send(String key, Supplier<ObjectNode> message) {
        if (!running) {
            return;
        }
        try {
            sender.execute(() -> {
                try {
                    kafka.send(topic, key, json.writeValueAsBytes(message.get())).whenComplete((result, failure) -> {
                        if (failure != null) {
                            relayFailed(failure);
                        }
                    });
                } catch (RuntimeException e) {
                    relayFailed(e);
                }
            });
        } catch (RejectedExecutionException e) {
            dropped.increment();
        }
    }

    private void relayFailed(Throwable failure) {
        dropped.increment();
        log.warn("Could not relay a message to peer instances: {}", failure.getMessage());
    }

    @Override
    public void start() {
        sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(properties.relayQueue()),
                runnable -> daemon(runnable, "realtime-peer-relay-sender"));
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "realtime-peer-relay-sync"));
        running = true;
        reader.start();
        send(self, () -> message("hello"));
        long every = properties.presenceSyncEvery().toMillis();
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                sendSnapshot();
                expireSilentPeers();
            } catch (RuntimeException e) {
                log.warn("Presence sync failed: {}", e.getMessage());
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        reader.stop();
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (sender != null) {
            sender.shutdown();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
