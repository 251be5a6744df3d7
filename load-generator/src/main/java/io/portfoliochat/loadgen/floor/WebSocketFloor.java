package io.portfoliochat.loadgen.floor;

import io.portfoliochat.loadgen.report.Latencies;
import jakarta.servlet.http.HttpServlet;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;

/**
 * A bare WebSocket round trip on this machine: the client the load generator uses (java.net.http) sends a
 * frame to an echo endpoint on the container realtime-fanout-service runs on (embedded Tomcat), and times the
 * echo. One round trip is two hops, as many as the pipeline's last leg (realtime-fanout-service → gateway →
 * browser).
 */
public final class WebSocketFloor implements AutoCloseable {

    private final Tomcat tomcat;
    private final int port;

    private WebSocketFloor(Tomcat tomcat, int port) {
        this.tomcat = tomcat;
        this.port = port;
    }

    /** Starts the echo server on a free port of the loopback interface. */
    public static WebSocketFloor start(Path workDirectory) {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(workDirectory.toAbsolutePath().toString());
        tomcat.setHostname("127.0.0.1");
        tomcat.setPort(0);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        Context context = tomcat.addContext("", null);
        context.addServletContainerInitializer(new WsSci(), Set.of(Echo.class));
        Tomcat.addServlet(context, "nothing", new HttpServlet() {
        });
        context.addServletMappingDecoded("/", "nothing");
        try {
            tomcat.start();
        } catch (LifecycleException e) {
            throw new IllegalStateException("The WebSocket echo server did not start", e);
        }
        int port = tomcat.getConnector().getLocalPort();
        if (port <= 0) {
            throw new IllegalStateException("The WebSocket echo server did not start (see the log above)");
        }
        return new WebSocketFloor(tomcat, port);
    }

    public Latencies measure(HttpClient http, double ratePerSecond, Duration duration, AtomicBoolean stop) {
        Latencies latencies = new Latencies();
        int warmup = (int) Math.max(20, ratePerSecond);
        long total = warmup + Math.round(ratePerSecond * duration.toMillis() / 1000.0);
        CountDownLatch echoed = new CountDownLatch((int) total);
        AtomicLong seen = new AtomicLong();
        WebSocket.Listener listener = new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                long now = System.nanoTime();
                partial.append(data);
                if (last) {
                    long sent = Long.parseLong(partial.substring(0, partial.indexOf(" ")));
                    partial.setLength(0);
                    if (seen.getAndIncrement() >= warmup) {
                        latencies.add((now - sent) / 1000);
                    }
                    echoed.countDown();
                }
                socket.request(1);
                return null;
            }
        };
        WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port + "/echo"), listener).join();
        // Padding to the size of a typical pushed event.
        String padding = " " + "x".repeat(400);
        long interval = Math.round(1e9 / ratePerSecond);
        long start = System.nanoTime();
        CompletableFuture<WebSocket> previous = CompletableFuture.completedFuture(socket);
        for (long i = 0; i < total && !stop.get(); i++) {
            long wait = start + i * interval - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            previous.join();
            previous = socket.sendText(System.nanoTime() + padding, true);
        }
        try {
            echoed.await(stop.get() ? 2 : 30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> socket).join();
        return latencies;
    }

    @Override
    public void close() {
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException e) {
            throw new UncheckedIOException(new IOException("Stopping the echo server failed", e));
        }
    }

    /** Sends every text frame straight back. */
    @ServerEndpoint("/echo")
    public static final class Echo {

        @OnMessage
        public void echo(String text, Session session) throws IOException {
            session.getBasicRemote().sendText(text);
        }
    }
}
