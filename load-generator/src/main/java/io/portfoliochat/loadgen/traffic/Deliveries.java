package io.portfoliochat.loadgen.traffic;

import io.portfoliochat.loadgen.pusher.PusherEvent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What arrived on which socket: for each message id the first arrival time and how often it came, for
 * {@code new-message} on each visitor's conversation channel and {@code new-message-alert} on the admin's
 * notification channel. Other events are only counted.
 */
public final class Deliveries {

    public static final int ADMIN = -1;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<Integer, Map<Long, Arrival>> messagesBySocket = new ConcurrentHashMap<>();
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong lastFrameAt = new AtomicLong();

    /** The listener of visitor {@code index}'s socket. */
    Consumer<PusherEvent> visitorSocket(int index) {
        return event -> record(index, event, "new-message", "id");
    }

    Consumer<PusherEvent> adminSocket() {
        return event -> record(ADMIN, event, "new-message-alert", "messageId");
    }

    private void record(int socket, PusherEvent event, String messageEvent, String idField) {
        frames.incrementAndGet();
        lastFrameAt.set(event.arrivedAt());
        if (!messageEvent.equals(event.event())) {
            return;
        }
        JsonNode data = JSON.readTree(event.data());
        long id = data.path(idField).asLong();
        messagesBySocket.computeIfAbsent(socket, s -> new ConcurrentHashMap<>())
                .compute(id, (key, seen) -> seen == null ? new Arrival(event.arrivedAt(), 1) : seen.again());
    }

    /** The first arrival of a message on a socket, or null. */
    public Arrival arrival(int socket, long messageId) {
        Map<Long, Arrival> arrivals = messagesBySocket.get(socket);
        return arrivals == null ? null : arrivals.get(messageId);
    }

    /** Every frame received so far, protocol frames excluded. */
    public long frames() {
        return frames.get();
    }

    /** Wall-clock microseconds of the latest frame. */
    public long lastFrameAt() {
        return lastFrameAt.get();
    }

    /**
     * @param firstAt wall-clock microseconds of the first arrival
     * @param times   how often the message came on that socket (more than once: a duplicate)
     */
    public record Arrival(long firstAt, int times) {

        Arrival again() {
            return new Arrival(firstAt, times + 1);
        }
    }
}
