package io.portfoliochat.realtime.server;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;

/**
 * Writes through the Jakarta WebSocket container's asynchronous endpoint, so a client that reads slowly
 * never blocks the thread that delivers events.
 */
final class JakartaFrameSink implements FrameSink {

    private static final Logger log = LoggerFactory.getLogger(JakartaFrameSink.class);

    private final WebSocketSession session;
    private final RemoteEndpoint.Async remote;

    private JakartaFrameSink(WebSocketSession session, RemoteEndpoint.Async remote) {
        this.session = session;
        this.remote = remote;
    }

    static JakartaFrameSink of(WebSocketSession session, Duration sendTimeout) {
        Session nativeSession = session instanceof NativeWebSocketSession wrapper ? wrapper.getNativeSession(Session.class) : null;
        if (nativeSession == null) {
            throw new IllegalStateException("The built-in Pusher server needs a Jakarta WebSocket container (Tomcat)");
        }
        RemoteEndpoint.Async remote = nativeSession.getAsyncRemote();
        remote.setSendTimeout(sendTimeout.toMillis());
        return new JakartaFrameSink(session, remote);
    }

    @Override
    public void sendText(String text, Consumer<Throwable> done) {
        remote.sendText(text, result -> done.accept(result.isOK() ? null : result.getException()));
    }

    @Override
    public void sendPing() {
        try {
            remote.sendPing(ByteBuffer.allocate(0));
        } catch (IOException | RuntimeException e) {
            log.debug("Ping to {} failed: {}", session.getId(), e.getMessage());
        }
    }

    @Override
    public void close(CloseStatus status) {
        try {
            session.close(status);
        } catch (IOException | RuntimeException e) {
            log.debug("Closing {} failed: {}", session.getId(), e.getMessage());
        }
    }
}
