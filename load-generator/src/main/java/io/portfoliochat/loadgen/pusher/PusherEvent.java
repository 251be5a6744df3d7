package io.portfoliochat.loadgen.pusher;

/**
 * A channel event as it arrived on a socket.
 *
 * @param data      the event's data (Pusher carries it as a JSON-encoded string)
 * @param arrivedAt wall-clock microseconds when the frame was complete on the client, before parsing
 */
public record PusherEvent(String channel, String event, String data, long arrivedAt) {
}
