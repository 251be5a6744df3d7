package io.portfoliochat.realtime.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;
import org.springframework.web.socket.CloseStatus;

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

    /** Connections the server closed, by reason: over-capacity (slow client), pong-timeout, write-failed... */
    void closedByServer(CloseStatus status) {
        String reason = switch (status.getCode()) {
            case Connection.CLOSE_OVER_CAPACITY -> "over-capacity";
            case Connection.CLOSE_RECONNECT -> "write-failed";
            case Connection.CLOSE_PONG_TIMEOUT -> "pong-timeout";
            case PusherProtocolHandler.ERROR_UNAUTHORIZED_CONNECTION -> "unauthorized";
            default -> Integer.toString(status.getCode());
        };
        Counter.builder("realtime.connections.dropped").tag("reason", reason)
                .description("Connections closed by the server").register(meters).increment();
    }

    void published(int events) {
        published.increment(events);
    }

    void clientEvent() {
        clientEvents.increment();
    }
}
