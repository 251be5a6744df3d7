package io.portfoliochat.realtime.server;

import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;

/**
 * One client socket: its Pusher socket id, subscriptions, presence identities, heartbeat state, and an
 * outbound queue written asynchronously one frame at a time. Any thread may {@link #send} without
 * blocking; a client that falls too far behind is disconnected (4100, "over capacity": clients
 * reconnect after a back-off and fetch what they missed) instead of slowing everyone else down.
 */
final class Connection {

    static final int CLOSE_OVER_CAPACITY = 4100;
    static final int CLOSE_RECONNECT = 4200;
    static final int CLOSE_PONG_TIMEOUT = 4201;

    private static final Logger log = LoggerFactory.getLogger(Connection.class);
    /** True while this thread is inside {@link #pump()}: a write completing inline must not recurse. */
    private static final ThreadLocal<Boolean> PUMPING = ThreadLocal.withInitial(() -> Boolean.FALSE);

    /** Outbound back-pressure limits and the per-connection client-event rate. */
    record Limits(int maxQueuedFrames, long maxQueuedBytes, int clientEventsPerSecond) {
    }

    private final String socketId;
    private final FrameSink sink;
    private final Limits limits;
    /** Runs closes and pings: both may block for a while on a stuck socket (Tomcat writes them synchronously). */
    private final Executor control;
    private final Runnable frameWritten;
    private final Consumer<CloseStatus> closedByServer;
    private final Queue<String> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queuedFrames = new AtomicInteger();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile CloseStatus closeWhenFlushed;
    private volatile CloseStatus closedWith;

    private final Set<String> channels = ConcurrentHashMap.newKeySet();
    /** Presence channel → the user id this socket joined it as. */
    private final Map<String, String> presenceUsers = new ConcurrentHashMap<>();

    private volatile long lastActivityNanos = System.nanoTime();
    private volatile long pingSentNanos;
    private long clientEventWindowStartNanos;
    private int clientEventsInWindow;

    Connection(String socketId, FrameSink sink, Limits limits, Executor control, Runnable frameWritten,
               Consumer<CloseStatus> closedByServer) {
        this.socketId = socketId;
        this.sink = sink;
        this.limits = limits;
        this.control = control;
        this.frameWritten = frameWritten;
        this.closedByServer = closedByServer;
    }

    String socketId() {
        return socketId;
    }

    Set<String> channels() {
        return channels;
    }

    Map<String, String> presenceUsers() {
        return presenceUsers;
    }

    boolean isOpen() {
        return !closed.get();
    }

    /** How it was closed by the server, or null. */
    CloseStatus closedWith() {
        return closedWith;
    }

    /** Queues a frame; never blocks. */
    void send(String frame) {
        if (closed.get() || closeWhenFlushed != null) {
            return;
        }
        int frames = queuedFrames.incrementAndGet();
        long bytes = queuedBytes.addAndGet(frame.length());
        if (frames > limits.maxQueuedFrames() || bytes > limits.maxQueuedBytes()) {
            log.info("Disconnecting slow client {}: {} frame(s) / {} byte(s) waiting", socketId, frames, bytes);
            close(new CloseStatus(CLOSE_OVER_CAPACITY, "Over capacity: the client is not reading fast enough"));
            return;
        }
        queue.add(frame);
        pump();
    }

    /** Sends a last frame (an error), then closes once it is written. */
    void sendThenClose(String frame, CloseStatus status) {
        send(frame);
        closeWhenFlushed = status;
        pump();
    }

    void close(CloseStatus status) {
        if (closed.compareAndSet(false, true)) {
            closedWith = status;
            queue.clear();
            queuedFrames.set(0);
            queuedBytes.set(0);
            closedByServer.accept(status);
            control.execute(() -> sink.close(status));
        }
    }

    /** The container reports the socket closed (by either side). */
    void closedByTransport() {
        closed.set(true);
        queue.clear();
    }

    private void pump() {
        boolean outermost = !PUMPING.get();
        PUMPING.set(Boolean.TRUE);
        try {
            while (!closed.get() && !queue.isEmpty() && writing.compareAndSet(false, true)) {
                String frame = queue.poll();
                if (frame == null) {
                    writing.set(false);
                    continue;
                }
                queuedFrames.decrementAndGet();
                queuedBytes.addAndGet(-frame.length());
                try {
                    sink.sendText(frame, this::written);
                } catch (RuntimeException e) {
                    written(e);
                }
            }
        } finally {
            if (outermost) {
                PUMPING.set(Boolean.FALSE);
            }
        }
        CloseStatus pendingClose = closeWhenFlushed;
        if (pendingClose != null && queue.isEmpty() && !writing.get()) {
            close(pendingClose);
        }
    }

    private void written(Throwable failure) {
        if (failure != null) {
            log.debug("Writing to {} failed: {}", socketId, failure.toString());
            close(new CloseStatus(CLOSE_RECONNECT, "Write failed"));
            return;
        }
        frameWritten.run();
        writing.set(false);
        if (!PUMPING.get()) {
            pump();
        }
    }

    /** Any frame from the client shows it is alive. */
    void touched() {
        lastActivityNanos = System.nanoTime();
        pingSentNanos = 0;
    }

    /**
     * The heartbeat: pings a connection silent for {@code activityTimeout} (a WebSocket ping, which every
     * client answers, and a {@code pusher:ping}, which pusher-js answers), closes it with 4201 when nothing
     * came back within {@code pongTimeout}.
     */
    void checkAlive(long nowNanos, long activityTimeoutNanos, long pongTimeoutNanos, String pingFrame) {
        if (closed.get()) {
            return;
        }
        long pingSent = pingSentNanos;
        if (pingSent == 0) {
            if (nowNanos - lastActivityNanos >= activityTimeoutNanos) {
                pingSentNanos = nowNanos;
                send(pingFrame);
                control.execute(sink::sendPing);
            }
        } else if (nowNanos - pingSent >= pongTimeoutNanos) {
            log.debug("Closing {}: no pong within {} ms", socketId, TimeUnit.NANOSECONDS.toMillis(pongTimeoutNanos));
            close(new CloseStatus(CLOSE_PONG_TIMEOUT, "Pong reply not received"));
        }
    }

    /** At most {@code clientEventsPerSecond} client events per second (a fixed one-second window). */
    synchronized boolean allowClientEvent(long nowNanos) {
        if (nowNanos - clientEventWindowStartNanos >= TimeUnit.SECONDS.toNanos(1)) {
            clientEventWindowStartNanos = nowNanos;
            clientEventsInWindow = 0;
        }
        if (clientEventsInWindow >= limits.clientEventsPerSecond()) {
            return false;
        }
        clientEventsInWindow++;
        return true;
    }
}
