package io.portfoliochat.realtime.fanout;

import java.util.List;

/**
 * Pushes channel events to clients: to Pusher Channels in Pusher mode, to this instance's own sockets in
 * self-hosted mode. Events are pushed in the order given.
 */
public interface RealtimePublisher {

    void publish(List<ChannelEvent> events);
}
