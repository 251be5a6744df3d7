package io.portfoliochat.realtime.fanout;

/**
 * One Pusher event on one channel: what a subscribed client receives.
 *
 * @param data the event data as a JSON document (Pusher carries it as a string)
 */
public record ChannelEvent(String channel, String name, String data) {
}
