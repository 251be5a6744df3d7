package io.portfoliochat.loadgen.traffic;

import io.portfoliochat.loadgen.pusher.PusherEvent;
import io.portfoliochat.loadgen.pusher.PusherSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The people on the system: the admin, logged in and subscribed to {@code private-admin-notifications}, and N
 * visitors, each with a session, a conversation (its first message) and a socket subscribed to its
 * conversation's channel, all through the gateway as a browser would.
 */
public final class Audience implements AutoCloseable {

    private static final int CONCURRENT_SETUPS = 32;
    private static final int MAX_CONNECT_ATTEMPTS = 5;
    private static final Duration SETUP_TIMEOUT = Duration.ofMinutes(5);

    private final GatewayClient api;
    private final HttpClient sockets;
    private final String pusherKey;
    private final Deliveries deliveries;
    private final Problems problems;
    private final String runId;
    private Participant admin;
    private final List<Participant> visitors = new ArrayList<>();

    public Audience(GatewayClient api, HttpClient sockets, String pusherKey, Deliveries deliveries, Problems problems, String runId) {
        this.api = api;
        this.sockets = sockets;
        this.pusherKey = pusherKey;
        this.deliveries = deliveries;
        this.problems = problems;
        this.runId = runId;
    }

    public void connectAdmin(String email, String password) {
        Map<String, String> credentials = GatewayClient.adminCredentials(api.adminToken(email, password));
        PusherSocket socket = connect("admin", deliveries.adminSocket(), credentials, "private-admin-notifications").join();
        admin = new Participant(Deliveries.ADMIN, credentials, 0, socket, new AtomicInteger());
    }

    /** Brings the number of connected visitors up to {@code count}. */
    public void connectVisitors(int count) {
        Semaphore slots = new Semaphore(CONCURRENT_SETUPS);
        List<CompletableFuture<Participant>> joining = new ArrayList<>();
        for (int index = visitors.size(); index < count; index++) {
            slots.acquireUninterruptibly();
            CompletableFuture<Participant> visitor = visitor(index);
            visitor.whenComplete((joined, failure) -> slots.release());
            joining.add(visitor);
        }
        CompletableFuture.allOf(joining.toArray(CompletableFuture[]::new)).orTimeout(SETUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
        joining.forEach(visitor -> visitors.add(visitor.join()));
    }

    private CompletableFuture<Participant> visitor(int index) {
        AtomicInteger sent = new AtomicInteger();
        return api.createSession().thenCompose(token -> {
            Map<String, String> credentials = GatewayClient.visitorCredentials(token);
            Participant unconnected = new Participant(index, credentials, 0, null, sent);
            return api.send(credentials, null, "Hi, I'm visitor " + index + " of the load test.", unconnected.nextClientMessageId(runId))
                    .thenCompose(first -> {
                        if (!first.accepted()) {
                            throw new IllegalStateException("visitor " + index + "'s first message failed: " + first.error());
                        }
                        return connect("visitor " + index, deliveries.visitorSocket(index), credentials,
                                "private-conversation-" + first.conversationId())
                                .thenApply(socket -> new Participant(index, credentials, first.conversationId(), socket, sent));
                    });
        });
    }

    private CompletableFuture<PusherSocket> connect(String name, Consumer<PusherEvent> listener, Map<String, String> credentials,
                                                    String channel) {
        return connect(name, listener, credentials, channel, 1);
    }

    /** Connects and subscribes; a refused or failed attempt (an overloaded stack answers 503) is retried, as a front end would. */
    private CompletableFuture<PusherSocket> connect(String name, Consumer<PusherEvent> listener, Map<String, String> credentials,
                                                    String channel, int attempt) {
        URI server = URI.create("ws://" + api.uri().getHost() + ":" + api.uri().getPort());
        CompletableFuture<PusherSocket> connected = PusherSocket.connect(sockets, server, pusherKey, name, listener,
                problem -> problems.record("socket", problem));
        return connected.thenCompose(socket -> socket.subscribe(channel,
                        (socketId, toAuthorize) -> api.authorizeChannel(credentials, socketId, toAuthorize)).thenApply(ok -> socket))
                .handle((socket, failure) -> {
                    if (failure == null) {
                        return CompletableFuture.completedFuture(socket);
                    }
                    connected.thenAccept(PusherSocket::close);
                    if (attempt >= MAX_CONNECT_ATTEMPTS) {
                        return CompletableFuture.<PusherSocket>failedFuture(failure);
                    }
                    problems.record("setup retry", name + ": " + failure.getMessage());
                    return CompletableFuture.supplyAsync(() -> null, CompletableFuture.delayedExecutor(attempt, TimeUnit.SECONDS))
                            .thenCompose(ignored -> connect(name, listener, credentials, channel, attempt + 1));
                })
                .thenCompose(next -> next);
    }

    public Participant admin() {
        return admin;
    }

    public List<Participant> visitors() {
        return visitors;
    }

    @Override
    public void close() {
        visitors.forEach(visitor -> visitor.socket().close());
        if (admin != null) {
            admin.socket().close();
        }
    }
}
