package io.portfoliochat.realtime.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;

/** What the built-in server reports: open connections, frames written, events published, client events. */
final class SocketServerMetrics {

    private final Counter framesWritten;
    private final Counter published;
    private final Counter clientEvents;

    private final MeterRegistry meters;

    SocketServerMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.framesWritten = Counter.builder("realtime.messages.delivered")
                .description("Frames written to WebSocket clients").register(meters);
        this.published = Counter.builder("realtime.published").tag("mode", "self-hosted")
                .description("Events published to channels").register(meters);
        this.clientEvents = Counter.builder("realtime.client.events")
                .description("Client events relayed between sockets").register(meters);
    }

    void watchConnections(Supplier<Number> openConnections) {
        Gauge.builder("realtime.connections", openConnections).description("Open WebSocket connections").register(meters);
    }

    void frameWritten() {
        framesWritten.increment();
    }

    void published(int events) {
        published.increment(events);
    }

    void clientEvent() {
        clientEvents.increment();
    }
}
