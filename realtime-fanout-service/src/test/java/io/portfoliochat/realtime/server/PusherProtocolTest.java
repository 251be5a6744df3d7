package io.portfoliochat.realtime.server;

import static io.portfoliochat.realtime.testing.RawSocket.data;
import static io.portfoliochat.realtime.testing.RawSocket.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.pusher.rest.Pusher;
import io.portfoliochat.realtime.channel.PusherSignatures;
import io.portfoliochat.realtime.mode.AppCredentials;
import io.portfoliochat.realtime.testing.RawSocket;
import io.portfoliochat.realtime.testing.RealtimeTestSupport;
import io.portfoliochat.testsupport.ServiceIntegrationTest;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ServerHandshake;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The protocol details the official clients never exercise: refused connections, forged or malformed
 * subscriptions, client-event rules and rate limit, heartbeat, sign-in, origins, presence limits.
 */
@ServiceIntegrationTest(properties = {
        "portfoliochat.realtime.server.activity-timeout=2s",
        "portfoliochat.realtime.server.pong-timeout=2s",
        "portfoliochat.realtime.server.max-presence-members=3",
        "portfoliochat.realtime.allowed-origins=https://portfolio.example"})
class PusherProtocolTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    AppCredentials credentials;

    @Autowired
    PusherSignatures signatures;

    private static ObjectNode frame(String event, Map<String, ?> data) {
        ObjectNode frame = JSON.createObjectNode().put("event", event);
        frame.set("data", JSON.valueToTree(data));
        return frame;
    }

    @Test
    void unknownAppKeyIsReportedWithError4001AndClosedWith4001() throws Exception {
        try (RawSocket socket = RawSocket.open(port, "/app/not-our-key?protocol=7")) {
            JsonNode error = socket.awaitEvent("pusher:error");
            assertThat(error.get("data").get("code").asInt()).isEqualTo(4001);
            assertThat(socket.awaitClose()).isEqualTo(4001);
        }
    }

    @Test
    void unsupportedOrMissingProtocolVersionIsReportedWith4007() throws Exception {
        for (String query : new String[] {"?protocol=3", "?protocol=8", "?client=js", "?protocol=seven"}) {
            try (RawSocket socket = RawSocket.open(port, "/app/" + credentials.key() + query)) {
                assertThat(socket.awaitEvent("pusher:error").get("data").get("code").asInt()).as(query).isEqualTo(4007);
                assertThat(socket.awaitClose()).as(query).isEqualTo(4007);
            }
        }
    }

    @Test
    void connectionEstablishedCarriesASocketIdAndTheActivityTimeout() throws Exception {
        try (RawSocket socket = RawSocket.open(port, "/app/" + credentials.key() + "?protocol=5&client=java-client&version=2.4.4")) {
            JsonNode established = socket.awaitEvent("pusher:connection_established");
            assertThat(established.get("data").isString()).as("data is a JSON-encoded string").isTrue();
            JsonNode data = data(established);
            assertThat(data.get("socket_id").asString()).matches("\\d+\\.\\d+");
            assertThat(data.get("activity_timeout").asInt()).isEqualTo(2);
        }
    }

    @Test
    void pingWithoutDataIsAnsweredWithPong() throws Exception {
        try (RawSocket socket = RawSocket.connected(port, credentials.key())) {
            socket.send("{\"event\":\"pusher:ping\"}");
            assertThat(data(socket.awaitEvent("pusher:pong")).isObject()).isTrue();
        }
    }

    @Test
    void subscriptionWithAWrongSignatureIsRefusedWithoutClosingTheConnection() throws Exception {
        try (RawSocket socket = RawSocket.connected(port, credentials.key())) {
            String otherSocketsAuth = signatures.channelAuth("1.1", "private-admin-notifications");
            socket.send(frame("pusher:subscribe", Map.of("channel", "private-admin-notifications", "auth", otherSocketsAuth)));

            JsonNode refusal = socket.awaitEvent("pusher:subscription_error", "private-admin-notifications");
            assertThat(refusal.get("data").get("type").asString()).isEqualTo("AuthError");
            assertThat(refusal.get("data").get("status").asInt()).isEqualTo(401);

            socket.send(frame("pusher:subscribe", Map.of("channel", "private-admin-notifications",
                    "auth", signatures.channelAuth(socket.socketId(), "private-admin-notifications"))));
            socket.awaitEvent("pusher_internal:subscription_succeeded", "private-admin-notifications");
            assertThat(socket.isClosed()).isFalse();
        }
    }

    @Test
    void subscribeDataMayBeAJsonEncodedString() throws Exception {
        try (RawSocket socket = RawSocket.connected(port, credentials.key())) {
            ObjectNode subscribe = JSON.createObjectNode().put("event", "pusher:subscribe")
                    .put("data", "{\"channel\":\"encoded-data\"}");
            socket.send(subscribe);
            socket.awaitEvent("pusher_internal:subscription_succeeded", "encoded-data");
        }
    }

    @Test
    void invalidChannelNamesAreRefused() throws Exception {
        try (RawSocket socket = RawSocket.connected(port, credentials.key())) {
            socket.send(frame("pusher:subscribe", Map.of("channel", "no spaces allowed")));
            socket.send(frame("pusher:subscribe", Map.of("channel", "x".repeat(165))));
            socket.send(frame("pusher:subscribe", Map.of()));
            await().until(() -> socket.frames("pusher:subscription_error").size() == 3);
            assertThat(socket.frames("pusher:subscription_error"))
                    .allSatisfy(error -> assertThat(error.get("data").get("type").asString()).isEqualTo("InvalidChannel"));
        }
    }

    @Test
    void presenceChannelDataMustNameAUser() throws Exception {
        try (RawSocket socket = RawSocket.connected(port, credentials.key())) {
            String channelData = "{\"user_info\":{\"name\":\"nobody\"}}";
            socket.send(frame("pusher:subscribe", Map.of("channel", "presence-admin-chat", "channel_data", channelData,
                    "auth", signatures.presenceAuth(socket.socketId(), "presence-admin-chat", channelData))));
            JsonNode refusal = socket.awaitEvent("pusher:subscription_error", "presence-admin-chat");
            assertThat(refusal.get("data").get("type").asString()).isEqualTo("InvalidChannelData");
        }
    }

    @Test
    void presenceChannelsHoldAtMostTheConfiguredNumberOfUsers() throws Exception {
        RawSocket[] members = new RawSocket[4];
        try {
            for (int user = 0; user < 4; user++) {
                members[user] = joinPresence("presence-limited", Integer.toString(user + 1));
            }
            for (int user = 0; user < 3; user++) {
                members[user].awaitEvent("pusher_internal:subscription_succeeded", "presence-limited");
            }
            JsonNode refusal = members[3].awaitEvent("pusher:subscription_error", "presence-limited");
            assertThat(refusal.get("data").get("type").asString()).isEqualTo("LimitReached");
            RawSocket sameUserAgain = joinPresence("presence-limited", "1");
            JsonNode succeeded = sameUserAgain.awaitEvent("pusher_internal:subscription_succeeded", "presence-limited");
            assertThat(data(succeeded).get("presence").get("count").asInt()).isEqualTo(3);
            sameUserAgain.close();
        } finally {
            for (RawSocket member : members) {
                if (member != null) {
                    member.close();
                }
            }
        }
    }

    private RawSocket joinPresence(String channel, String userId) throws Exception {
        RawSocket socket = RawSocket.connected(port, credentials.key());
        String channelData = "{\"user_id\":\"" + userId + "\",\"user_info\":{\"name\":\"User " + userId + "\"}}";
        socket.send(frame("pusher:subscribe", Map.of("channel", channel, "channel_data", channelData,
                "auth", signatures.presenceAuth(socket.socketId(), channel, channelData))));
        return socket;
    }

    @Test
    void clientEventsAreRefusedOnPublicChannelsAndChannelsNotSubscribed() throws Exception {
        try (RawSocket socket = RawSocket.connected(port, credentials.key())) {
            socket.send(frame("pusher:subscribe", Map.of("channel", "public-board")));
            socket.awaitEvent("pusher_internal:subscription_succeeded", "public-board");

            ObjectNode onPublic = frame("client-typing", Map.of("isTyping", true)).put("channel", "public-board");
            socket.send(onPublic);
            ObjectNode notSubscribed = frame("client-typing", Map.of("isTyping", true)).put("channel", "private-conversation-9");
            socket.send(notSubscribed);

            await().until(() -> socket.frames("pusher:error").size() == 2);
            assertThat(socket.frames("pusher:error")).extracting(error -> error.get("data").get("message").asString())
                    .anySatisfy(message -> assertThat(message).contains("only allowed on private and presence channels"))
                    .anySatisfy(message -> assertThat(message).contains("not subscribed"));
            assertThat(socket.isClosed()).isFalse();
        }
    }

    @Test
    void clientEventsAreLimitedPerSecondWithError4301AndTheConnectionStaysOpen() throws Exception {
        try (RawSocket sender = subscribedPrivate("private-conversation-77");
             RawSocket receiver = subscribedPrivate("private-conversation-77")) {
            int burst = 100;
            for (int i = 0; i < burst; i++) {
                sender.send(frame("client-typing", Map.of("n", i)).put("channel", "private-conversation-77"));
            }
            JsonNode limited = sender.awaitFrame(frame -> "pusher:error".equals(event(frame))
                    && frame.get("data").get("code").asInt() == 4301);
            assertThat(limited.get("data").get("message").asString()).contains("10 client events per second");

            sender.send("{\"event\":\"pusher:ping\",\"data\":{}}");
            sender.awaitEvent("pusher:pong");
            assertThat(sender.isClosed()).isFalse();
            JsonNode first = receiver.awaitEvent("client-typing", "private-conversation-77");
            assertThat(first.get("data").get("n").asInt()).isZero();
            assertThat(receiver.frames("client-typing").size()).isLessThan(burst);
            assertThat(sender.frames("client-typing")).as("never echoed to the sender").isEmpty();
        }
    }

    private RawSocket subscribedPrivate(String channel) throws Exception {
        RawSocket socket = RawSocket.connected(port, credentials.key());
        socket.send(frame("pusher:subscribe", Map.of("channel", channel, "auth", signatures.channelAuth(socket.socketId(), channel))));
        socket.awaitEvent("pusher_internal:subscription_succeeded", channel);
        return socket;
    }

    @Test
    void unsubscribedSocketsNoLongerReceiveTheChannel() throws Exception {
        try (RawSocket socket = RawSocket.connected(port, credentials.key())) {
            socket.send(frame("pusher:subscribe", Map.of("channel", "left-channel")));
            socket.send(frame("pusher:subscribe", Map.of("channel", "kept-channel")));
            socket.awaitEvent("pusher_internal:subscription_succeeded", "kept-channel");
            socket.send(frame("pusher:unsubscribe", Map.of("channel", "left-channel")));
            socket.send("{\"event\":\"pusher:ping\"}");
            socket.awaitEvent("pusher:pong");

            Pusher api = RealtimeTestSupport.httpApi(port, credentials);
            api.trigger("left-channel", "news", Map.of("n", 1));
            api.trigger("kept-channel", "news", Map.of("n", 2));

            socket.awaitEvent("news", "kept-channel");
            assertThat(socket.frames("news")).extracting(frame -> frame.get("channel").asString()).containsExactly("kept-channel");
        }
    }

    @Test
    void signinWithAValidSignatureSucceedsAndAForgedOneClosesWith4009() throws Exception {
        try (RawSocket socket = RawSocket.connected(port, credentials.key())) {
            String userData = "{\"id\":\"1\",\"name\":\"Rina\"}";
            socket.send(frame("pusher:signin", Map.of("user_data", userData, "auth", signatures.userAuth(socket.socketId(), userData))));
            assertThat(data(socket.awaitEvent("pusher:signin_success")).get("user_data").asString()).isEqualTo(userData);
        }
        try (RawSocket socket = RawSocket.connected(port, credentials.key())) {
            socket.send(frame("pusher:signin", Map.of("user_data", "{\"id\":\"1\"}", "auth", credentials.key() + ":forged")));
            assertThat(socket.awaitEvent("pusher:error").get("data").get("code").asInt()).isEqualTo(4009);
            assertThat(socket.awaitClose()).isEqualTo(4009);
        }
    }

    @Test
    void malformedMessagesGetAnErrorAndTheConnectionStaysOpen() throws Exception {
        try (RawSocket socket = RawSocket.connected(port, credentials.key())) {
            socket.send("not json at all");
            socket.send("[1,2,3]");
            socket.send("{\"event\":\"my-own-event\"}");
            await().until(() -> socket.frames("pusher:error").size() == 3);
            socket.send("{\"event\":\"pusher:ping\"}");
            socket.awaitEvent("pusher:pong");
        }
    }

    @Test
    void openConnectionsAndWrittenFramesAreExposedAsMetrics() throws Exception {
        try (RawSocket socket = RawSocket.connected(port, credentials.key())) {
            String metrics = io.portfoliochat.testsupport.TestHttp.localhost(port).get("/actuator/prometheus").body();
            assertThat(metrics).containsPattern("realtime_connections\\{[^}]*\\} [1-9]")
                    .contains("realtime_messages_delivered_total").contains("realtime_published_total");
        }
    }

    @Test
    void browsersFromOriginsNotAllowedAreRefusedAtTheHandshake() throws Exception {
        String path = "/app/" + credentials.key() + "?protocol=7";
        assertThatThrownBy(() -> RawSocket.open(port, path, "https://evil.example")).hasStackTraceContaining("403");
        try (RawSocket allowed = RawSocket.open(port, path, "https://portfolio.example")) {
            allowed.awaitEvent("pusher:connection_established");
        }
    }

    @Test
    void silentConnectionIsPingedAndClosedWith4201WhileOneThatAnswersStaysOpen() throws Exception {
        SilentClient silent = new SilentClient(URI.create("ws://localhost:" + port + "/app/" + credentials.key() + "?protocol=7"));
        assertThat(silent.connectBlocking(20, TimeUnit.SECONDS)).isTrue();
        try (RawSocket answering = RawSocket.connected(port, credentials.key())) {
            int code = silent.closeCode.get(30, TimeUnit.SECONDS);
            assertThat(code).isEqualTo(4201);
            assertThat(silent.texts).anySatisfy(text -> assertThat(text).contains("pusher:ping"));
            answering.awaitEvent("pusher:ping");
            assertThat(answering.isClosed()).as("a client that answers ping frames is kept").isFalse();
        }
    }

    /** Java-WebSocket client that neither sends anything nor answers ping frames. */
    private static final class SilentClient extends WebSocketClient {

        private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
        private final java.util.List<String> texts = new CopyOnWriteArrayList<>();

        SilentClient(URI uri) {
            super(uri);
            setConnectionLostTimeout(0);
        }

        @Override
        public void onWebsocketPing(WebSocket conn, Framedata frame) {
            // deliberately no pong
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
        }

        @Override
        public void onMessage(String message) {
            texts.add(message);
        }

        @Override
        public void onMessage(ByteBuffer bytes) {
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            closeCode.complete(code);
        }

        @Override
        public void onError(Exception ex) {
        }
    }
}
