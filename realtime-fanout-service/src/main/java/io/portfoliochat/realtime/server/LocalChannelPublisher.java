package io.portfoliochat.realtime.server;

import io.portfoliochat.realtime.fanout.ChannelEvent;
import io.portfoliochat.realtime.fanout.RealtimePublisher;
import java.util.List;

/**
 * Self-hosted mode: the fan-out's events go straight to this instance's sockets. Peers are not told:
 * every instance reads the events from Kafka itself.
 */
final class LocalChannelPublisher implements RealtimePublisher {

    private final ChannelRegistry registry;
    private final Frames frames;
    private final SocketServerMetrics metrics;

    LocalChannelPublisher(ChannelRegistry registry, Frames frames, SocketServerMetrics metrics) {
        this.registry = registry;
        this.frames = frames;
        this.metrics = metrics;
    }

    @Override
    public void publish(List<ChannelEvent> events) {
        for (ChannelEvent event : events) {
            registry.deliver(event.channel(), frames.channelEvent(event.channel(), event.name(), event.data()), (String) null);
        }
        metrics.published(events.size());
    }
}
