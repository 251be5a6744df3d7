package io.portfoliochat.realtime.testing;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bare WebSocket client (the JDK's) speaking the Pusher protocol by hand, for what the official clients
 * never send: bad keys, forged signatures, floods of client events. Records every frame and the close.
 */
public final class RawSocket implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final WebSocket socket;

    private RawSocket(URI uri, String origin) throws Exception {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (origin != null) {
            builder.header("Origin", origin);
        }
        socket = builder.buildAsync(uri, new Listener()).get(20, TimeUnit.SECONDS);
    }

    public static RawSocket open(int port, String path) throws Exception {
        return new RawSocket(URI.create("ws://localhost:" + port + path), null);
    }

    public static RawSocket open(int port, String path, String origin) throws Exception {
        return new RawSocket(URI.create("ws://localhost:" + port + path), origin);
    }

    /** Connects to {@code /app/{key}} with protocol 7 and waits for the socket id. */
    public static RawSocket connected(int port, String appKey) throws Exception {
        RawSocket socket = open(port, "/app/" + appKey + "?protocol=7&client=raw&version=1.0");
        socket.socketId();
        return socket;
    }

    public String socketId() {
        JsonNode established = awaitFrame(frame -> "pusher:connection_established".equals(event(frame)));
        return JSON.readTree(established.get("data").asString()).get("socket_id").asString();
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    public void send(JsonNode frame) {
        send(JSON.writeValueAsString(frame));
    }

    public List<JsonNode> frames() {
        return List.copyOf(frames);
    }

    public List<JsonNode> frames(String event) {
        return frames.stream().filter(frame -> event.equals(event(frame))).toList();
    }

    public JsonNode awaitFrame(Predicate<JsonNode> matching) {
        return await().atMost(WAIT).until(() -> frames.stream().filter(matching).findFirst(), Optional::isPresent).orElseThrow();
    }

    public JsonNode awaitEvent(String event) {
        return awaitFrame(frame -> event.equals(event(frame)));
    }

    public JsonNode awaitEvent(String event, String channel) {
        return awaitFrame(frame -> event.equals(event(frame)) && channel.equals(frame.path("channel").asString("")));
    }

    public int awaitClose() {
        return closeCode.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    public boolean isClosed() {
        return closeCode.isDone();
    }

    public static String event(JsonNode frame) {
        JsonNode event = frame.get("event");
        return event == null ? null : event.asString();
    }

    /** The frame's data, decoded when it is a JSON-encoded string. */
    public static JsonNode data(JsonNode frame) {
        JsonNode data = frame.get("data");
        return data != null && data.isString() ? JSON.readTree(data.asString()) : data;
    }

    @Override
    public void close() {
        if (!closeCode.isDone()) {
            socket.abort();
        }
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(JSON.readTree(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeCode.complete(-1);
        }
    }
}
