package io.portfoliochat.system.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.portfoliochat.system.security.TargetSystem.Visitor;
import io.portfoliochat.testsupport.PusherTestClient;
import io.portfoliochat.testsupport.TestHttp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Who may listen to what, through the running system: Pusher channel authorization for every
 * channel and caller; subscriptions with forged or borrowed signatures; client events on channels
 * a socket did not join; WebSocket handshakes from browsers of other origins.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealtimeAuthorizationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    /** Channels (with {A}/{B} the two visitors' conversations) and the status per caller, in the order of {@link MatrixCaller}. */
    static final List<ChannelRow> CHANNELS = List.of(
            new ChannelRow("private-conversation-{A}", List.of(401, 200, 403, 401, 401, 401, 200)),
            new ChannelRow("private-conversation-{B}", List.of(401, 403, 200, 401, 401, 401, 200)),
            new ChannelRow("private-admin-notifications", List.of(401, 403, 403, 401, 401, 401, 200)),
            new ChannelRow("presence-admin-chat", List.of(401, 403, 403, 401, 401, 401, 200)),
            new ChannelRow("private-conversation-999999999", List.of(401, 403, 403, 401, 401, 401, 200)),
            new ChannelRow("private-anything-else", List.of(401, 403, 403, 401, 401, 401, 200)),
            new ChannelRow("presence-someone-else", List.of(401, 403, 403, 401, 401, 401, 403)),
            new ChannelRow("private-encrypted-conversation-{A}", List.of(401, 403, 403, 401, 401, 401, 403)),
            new ChannelRow("conversation-{A}", List.of(401, 403, 403, 401, 401, 401, 403)));

    private TargetSystem target;
    private Visitor visitorA;
    private Visitor visitorB;
    private String appKey;
    private PusherTestClient adminSocket;

    @BeforeAll
    void twoVisitorsAndTheOwnerListening() {
        target = TargetSystem.get();
        visitorA = target.visitorWithQuietConversation("Visitor A here");
        visitorB = target.visitorWithQuietConversation("Visitor B here");
        appKey = target.gateway().get("/api/chat/config").data().get("pusherKey").asString();
        adminSocket = target.system().pusher(Map.of("Authorization", target.adminAuthorization()));
        adminSocket.subscribePrivate(channelOf(visitorA), "client-typing", "new-message");
        adminSocket.subscribePrivate(channelOf(visitorB), "client-typing", "new-message");
        adminSocket.awaitSubscribed(channelOf(visitorA));
        adminSocket.awaitSubscribed(channelOf(visitorB));
    }

    @AfterAll
    void closeTheOwnersSocket() {
        if (adminSocket != null) {
            adminSocket.close();
        }
        System.out.println("Channel authorization matrix (POST /api/pusher/auth statuses):\n"
                + StatusTable.markdown("channel", CHANNELS, ChannelRow::channel, ChannelRow::statuses));
    }

    static Stream<Arguments> everyChannelForEveryCaller() {
        return StatusTable.everyRowForEveryCaller(CHANNELS);
    }

    @ParameterizedTest(name = "{0} for {1}")
    @MethodSource("everyChannelForEveryCaller")
    void channelAuthorizationFollowsTheMatrix(ChannelRow row, MatrixCaller caller) {
        String channel = row.channel().replace("{A}", visitorA.conversationId().toString())
                .replace("{B}", visitorB.conversationId().toString());
        int expected = row.statuses().get(caller.ordinal());

        TestHttp.Response response = target.gateway().postForm("/api/pusher/auth", "socket_id=1234.5678&channel_name=" + channel,
                caller.headers(target, visitorA, visitorB).toArray(String[]::new));

        assertThat(response.status()).as("%s for %s: %s", channel, caller, response).isEqualTo(expected);
        if (expected == 200) {
            assertThat(response.json().get("auth").asString()).startsWith(appKey + ":");
        } else {
            assertThat(response.json().get("success").asBoolean(true)).isFalse();
            assertThat(response.error()).isNotBlank();
        }
    }

    @Test
    void theOfficialClientOfAVisitorCannotSubscribeToAnotherConversation() {
        try (PusherTestClient socketOfA = target.system().pusher(Map.of("X-Session-Token", visitorA.token()))) {
            socketOfA.subscribePrivate(channelOf(visitorB), "new-message");

            String failure = socketOfA.awaitAuthFailure(channelOf(visitorB));

            assertThat(failure).contains("403");
            assertThat(socketOfA.isSubscribed(channelOf(visitorB))).isFalse();
        }
    }

    @Test
    void subscriptionsWithForgedOrBorrowedSignaturesAreRefusedAndReceiveNothing() {
        try (RawPusherSocket socketOfA = RawPusherSocket.connect(target.system().gatewayPort(), appKey, null)) {
            String channelB = channelOf(visitorB);
            String borrowedFromAdmin = target.gateway().postForm("/api/pusher/auth", "socket_id=" + adminSocket.socketId()
                    + "&channel_name=" + channelB, "Authorization", target.adminAuthorization()).json().get("auth").asString();
            String ownSignature = authorize(visitorA, socketOfA.socketId(), channelOf(visitorA));
            List<String> forgeries = List.of(appKey + ":" + "0".repeat(64), borrowedFromAdmin, ownSignature, "");

            for (String auth : forgeries) {
                socketOfA.send(Map.of("event", "pusher:subscribe", "data", Map.of("channel", channelB, "auth", auth)));
            }

            await().atMost(WAIT).until(() -> subscriptionErrors(socketOfA, channelB) == forgeries.size());
            assertThat(socketOfA.frames()).noneMatch(frame -> "pusher_internal:subscription_succeeded".equals(event(frame)));
            TestHttp.Response ownerWrites = target.gateway().postJson("/api/chat/send", Map.of("conversationId",
                    visitorB.conversationId(), "content", "Only for visitor B"), "Authorization", target.adminAuthorization());
            assertThat(ownerWrites.status()).isEqualTo(201);
            adminSocket.awaitEvent(channelB, "new-message", event -> event.getData().contains("Only for visitor B"));
            socketOfA.awaitEverythingSentSoFar();
            assertThat(socketOfA.frames()).noneMatch(frame -> frame.toString().contains("Only for visitor B"));
        }
    }

    @Test
    void clientEventsOnlyReachChannelsTheSenderJoinedAndNeverPassForServerEvents() {
        try (RawPusherSocket socketOfA = RawPusherSocket.connect(target.system().gatewayPort(), appKey, null)) {
            String channelA = channelOf(visitorA);
            socketOfA.send(Map.of("event", "pusher:subscribe", "data",
                    Map.of("channel", channelA, "auth", authorize(visitorA, socketOfA.socketId(), channelA))));
            socketOfA.awaitFrame(frame -> "pusher_internal:subscription_succeeded".equals(event(frame)));

            socketOfA.send(Map.of("event", "client-typing", "channel", channelOf(visitorB),
                    "data", Map.of("senderType", "admin", "isTyping", true, "marker", "into-b")));
            socketOfA.send(Map.of("event", "new-message", "channel", channelA,
                    "data", Map.of("senderType", "admin", "content", "forged owner message")));
            socketOfA.send(Map.of("event", "client-typing", "channel", channelA,
                    "data", Map.of("senderType", "visitor", "isTyping", true, "marker", "own-channel")));

            adminSocket.awaitEvent(channelA, "client-typing", event -> event.getData().contains("own-channel"));
            JsonNode refusedIntoB = socketOfA.awaitFrame(frame -> "pusher:error".equals(event(frame))
                    && frame.toString().contains("not subscribed"));
            JsonNode refusedServerEvent = socketOfA.awaitFrame(frame -> "pusher:error".equals(event(frame))
                    && frame.toString().contains("Unknown event"));
            assertThat(refusedIntoB).isNotNull();
            assertThat(refusedServerEvent).isNotNull();
            assertThat(adminSocket.events()).noneMatch(event -> event.getData() != null && event.getData().contains("into-b"))
                    .noneMatch(event -> event.getData() != null && event.getData().contains("forged owner message"));
        }
    }

    @Test
    void aBrowserOnAnotherOriginCannotOpenTheSocket() {
        int port = target.system().gatewayPort();

        assertThat(RawPusherSocket.refusedHandshakeStatus(port, appKey, "https://evil.example")).hasValue(403);
        assertThat(RawPusherSocket.refusedHandshakeStatus(port, appKey, "http://localhost:" + port + ".evil.example")).hasValue(403);
        assertThat(RawPusherSocket.refusedHandshakeStatus(port, appKey, "null")).hasValue(403);
        assertThat(RawPusherSocket.refusedHandshakeStatus(port, appKey, "http://localhost:" + port)).isEmpty();
        assertThat(RawPusherSocket.refusedHandshakeStatus(port, appKey, null)).as("servers and native clients send no Origin").isEmpty();
    }

    private String authorize(Visitor visitor, String socketId, String channel) {
        TestHttp.Response response = target.gateway().postForm("/api/pusher/auth", "socket_id=" + socketId + "&channel_name=" + channel,
                "X-Session-Token", visitor.token());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("auth").asString();
    }

    private static long subscriptionErrors(RawPusherSocket socket, String channel) {
        return socket.frames().stream().filter(frame -> "pusher:subscription_error".equals(event(frame))
                && channel.equals(frame.path("channel").asString())).count();
    }

    private static String event(JsonNode frame) {
        return frame.path("event").asString();
    }

    private static String channelOf(Visitor visitor) {
        return "private-conversation-" + visitor.conversationId();
    }

    record ChannelRow(String channel, List<Integer> statuses) {

        @Override
        public String toString() {
            return channel;
        }
    }
}
