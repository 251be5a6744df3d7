package io.portfoliochat.system.security;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A WebSocket speaking the Pusher protocol by hand, for what the official clients never send: forged
 * subscription signatures, client events on channels it did not join, server event names. Records
 * every frame it receives.
 */
final class RawPusherSocket implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebSocket socket;
    private final List<JsonNode> frames;

    private RawPusherSocket(WebSocket socket, List<JsonNode> frames) {
        this.socket = socket;
        this.frames = frames;
    }

    /** Connects through the gateway, with an {@code Origin} header when one is given, and waits for the socket id. */
    static RawPusherSocket connect(int port, String appKey, String origin) {
        List<JsonNode> frames = new CopyOnWriteArrayList<>();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (origin != null) {
            builder.header("Origin", origin);
        }
        WebSocket socket = builder.buildAsync(URI.create("ws://localhost:" + port + "/app/" + appKey
                + "?protocol=7&client=security-tests&version=1.0"), new Recorder(frames)).join();
        RawPusherSocket pusher = new RawPusherSocket(socket, frames);
        pusher.awaitFrame(frame -> "pusher:connection_established".equals(frame.path("event").asString()));
        return pusher;
    }

    /** The HTTP status of a refused handshake, or empty when the handshake succeeded. */
    static Optional<Integer> refusedHandshakeStatus(int port, String appKey, String origin) {
        try (RawPusherSocket accepted = connect(port, appKey, origin)) {
            return Optional.empty();
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return Optional.of(refused.getResponse().statusCode());
            }
            throw e;
        }
    }

    String socketId() {
        JsonNode established = awaitFrame(frame -> "pusher:connection_established".equals(frame.path("event").asString()));
        return JSON.readTree(established.get("data").asString()).get("socket_id").asString();
    }

    void send(String json) {
        socket.sendText(json, true).join();
    }

    void send(Object frame) {
        send(JSON.writeValueAsString(frame));
    }

    List<JsonNode> frames() {
        return List.copyOf(frames);
    }

    JsonNode awaitFrame(Predicate<JsonNode> matching) {
        return await().atMost(WAIT).until(() -> frames.stream().filter(matching).findFirst(), Optional::isPresent).orElseThrow();
    }

    /** Every frame the server had queued for this socket before now has arrived once this returns. */
    void awaitEverythingSentSoFar() {
        int pongs = (int) frames.stream().filter(frame -> "pusher:pong".equals(frame.path("event").asString())).count();
        send("{\"event\":\"pusher:ping\",\"data\":{}}");
        await().atMost(WAIT).until(() -> frames.stream().filter(frame -> "pusher:pong".equals(frame.path("event").asString()))
                .count() > pongs);
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        socket.abort();
    }

    private static final class Recorder implements WebSocket.Listener {

        private final List<JsonNode> frames;
        private final StringBuilder partial = new StringBuilder();

        Recorder(List<JsonNode> frames) {
            this.frames = frames;
        }

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
    }
}
