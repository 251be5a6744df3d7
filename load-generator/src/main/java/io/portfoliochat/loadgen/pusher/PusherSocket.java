package io.portfoliochat.loadgen.pusher;

import io.portfoliochat.loadgen.WallClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A lean Pusher Channels protocol 7 client on {@link java.net.http.WebSocket}: asynchronous, no thread of its
 * own, so a thousand of them share the HTTP client's few threads (the official Java client costs threads per
 * connection). It reads {@code pusher:connection_established}, subscribes to private channels with an
 * authorization from the app's auth endpoint, answers {@code pusher:ping}, and hands every channel event to
 * a consumer, stamped with its arrival time before anything is parsed.
 */
public final class PusherSocket implements WebSocket.Listener {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String name;
    private final Consumer<PusherEvent> events;
    private final Consumer<String> problems;
    private final CompletableFuture<String> established = new CompletableFuture<>();
    private final Map<String, CompletableFuture<Void>> subscriptions = new ConcurrentHashMap<>();
    private final StringBuilder partial = new StringBuilder();
    private final Object sendLock = new Object();
    private CompletableFuture<WebSocket> lastSend;
    private volatile WebSocket webSocket;
    private volatile boolean closing;

    private PusherSocket(String name, Consumer<PusherEvent> events, Consumer<String> problems) {
        this.name = name;
        this.events = events;
        this.problems = problems;
    }

    /**
     * Opens {@code ws://host:port/app/{key}?protocol=7} and completes once the server sent the socket id.
     *
     * @param name     how problems name this socket
     * @param events   receives every channel event (not the protocol's own), on an HTTP client thread
     * @param problems receives unexpected closes, errors and protocol errors
     */
    public static CompletableFuture<PusherSocket> connect(HttpClient http, URI server, String appKey, String name,
                                                          Consumer<PusherEvent> events, Consumer<String> problems) {
        PusherSocket socket = new PusherSocket(name, events, problems);
        URI uri = server.resolve("/app/" + appKey + "?protocol=7&client=portfoliochat-load-generator&version=1.0");
        return http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).buildAsync(uri, socket)
                .thenCompose(ws -> socket.established.thenApply(socketId -> socket));
    }

    public String socketId() {
        return established.getNow(null);
    }

    /**
     * Subscribes to a private channel: {@code authorize} turns (socket id, channel) into the {@code auth} value
     * (the app's auth endpoint); completes on {@code pusher_internal:subscription_succeeded}.
     */
    public CompletableFuture<Void> subscribe(String channel, ChannelAuthorizer authorize) {
        CompletableFuture<Void> done = subscriptions.computeIfAbsent(channel, c -> new CompletableFuture<>());
        authorize.authorize(socketId(), channel).thenCompose(auth -> {
            ObjectNode data = JSON.createObjectNode().put("channel", channel).put("auth", auth);
            ObjectNode frame = JSON.createObjectNode().put("event", "pusher:subscribe");
            frame.set("data", data);
            return send(JSON.writeValueAsString(frame));
        }).whenComplete((ignored, failure) -> {
            if (failure != null) {
                done.completeExceptionally(failure);
            }
        });
        return done;
    }

    public void close() {
        closing = true;
        WebSocket current = webSocket;
        if (current != null) {
            synchronized (sendLock) {
                CompletableFuture<WebSocket> previous = lastSend == null ? CompletableFuture.completedFuture(current) : lastSend;
                lastSend = previous.handle((ws, failure) -> current)
                        .thenCompose(ws -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "done"))
                        .exceptionally(failure -> {
                            current.abort();
                            return current;
                        });
            }
        }
    }

    /** java.net.http allows one outstanding send per socket: sends are chained. */
    private CompletableFuture<WebSocket> send(String text) {
        synchronized (sendLock) {
            CompletableFuture<WebSocket> previous = lastSend == null ? CompletableFuture.completedFuture(webSocket) : lastSend;
            lastSend = previous.handle((ws, failure) -> webSocket).thenCompose(ws -> ws.sendText(text, true));
            return lastSend;
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        this.webSocket = webSocket;
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        long arrivedAt = WallClock.micros();
        partial.append(data);
        if (last) {
            String frame = partial.toString();
            partial.setLength(0);
            handle(frame, arrivedAt);
        }
        webSocket.request(1);
        return null;
    }

    private void handle(String text, long arrivedAt) {
        JsonNode frame;
        try {
            frame = JSON.readTree(text);
        } catch (RuntimeException e) {
            problems.accept(name + ": unreadable frame " + abbreviate(text));
            return;
        }
        String event = frame.path("event").asString("");
        String channel = frame.path("channel").isMissingNode() ? null : frame.path("channel").asString();
        JsonNode data = frame.path("data");
        switch (event) {
            case "pusher:connection_established" -> established.complete(
                    JSON.readTree(data.asString()).path("socket_id").asString());
            case "pusher:ping" -> send("{\"event\":\"pusher:pong\",\"data\":{}}");
            case "pusher:pong" -> {
            }
            case "pusher_internal:subscription_succeeded" -> subscriptions
                    .computeIfAbsent(channel, c -> new CompletableFuture<>()).complete(null);
            case "pusher:subscription_error" -> subscriptions.computeIfAbsent(channel, c -> new CompletableFuture<>())
                    .completeExceptionally(new IllegalStateException(name + ": subscription to " + channel + " refused: " + data));
            case "pusher:error" -> problems.accept(name + ": pusher:error " + data);
            default -> events.accept(new PusherEvent(channel, event, data.isString() ? data.asString() : data.toString(), arrivedAt));
        }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        if (!closing) {
            problems.accept(name + ": closed by the server (" + statusCode + " " + reason + ")");
        }
        established.completeExceptionally(new IllegalStateException(name + " closed: " + statusCode + " " + reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        if (!closing) {
            problems.accept(name + ": " + error);
        }
        established.completeExceptionally(error);
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    /** Produces the {@code auth} value of a private-channel subscription. */
    @FunctionalInterface
    public interface ChannelAuthorizer {
        CompletableFuture<String> authorize(String socketId, String channel);
    }
}
