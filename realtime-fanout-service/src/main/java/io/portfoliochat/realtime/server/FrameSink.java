package io.portfoliochat.realtime.server;

import java.util.function.Consumer;
import org.springframework.web.socket.CloseStatus;

/** The wire side of a connection: asynchronous writes, one frame at a time. */
interface FrameSink {

    /**
     * Starts writing a text frame without blocking. {@code done} is called exactly once, possibly before this
     * method returns, with null on success or the failure.
     */
    void sendText(String text, Consumer<Throwable> done);

    /** A WebSocket ping frame; every RFC 6455 client answers with a pong. */
    void sendPing();

    /** Closes the connection; may block briefly, so it is never called on a delivery thread. */
    void close(CloseStatus status);
}
