package io.portfoliochat.realtime.server;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;

/** Checks every connection a few times per timeout: pings the silent ones, closes the dead ones (4201). */
final class Heartbeat implements SmartLifecycle {

    private final PusherProtocolHandler handler;
    private final Frames frames;
    private final long activityTimeoutNanos;
    private final long pongTimeoutNanos;
    private final Duration checkEvery;
    private ScheduledExecutorService scheduler;

    Heartbeat(PusherProtocolHandler handler, Frames frames, SocketServerProperties properties) {
        this.handler = handler;
        this.frames = frames;
        this.activityTimeoutNanos = properties.activityTimeout().toNanos();
        this.pongTimeoutNanos = properties.pongTimeout().toNanos();
        long quarter = Math.min(properties.activityTimeout().toMillis(), properties.pongTimeout().toMillis()) / 4;
        this.checkEvery = Duration.ofMillis(Math.max(100, Math.min(5000, quarter)));
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "pusher-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::check, checkEvery.toMillis(), checkEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void check() {
        long now = System.nanoTime();
        for (Connection connection : handler.connections()) {
            connection.checkAlive(now, activityTimeoutNanos, pongTimeoutNanos, frames.ping());
        }
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null && !scheduler.isShutdown();
    }
}
