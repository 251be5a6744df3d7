package io.portfoliochat.realtime.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.pusher.rest.Pusher;
import com.pusher.rest.data.Result;
import io.portfoliochat.realtime.channel.PusherSignatures;
import io.portfoliochat.realtime.mode.AppCredentials;
import io.portfoliochat.realtime.testing.RawSocket;
import io.portfoliochat.realtime.testing.RealtimeTestSupport;
import io.portfoliochat.testsupport.ServiceIntegrationTest;
import io.portfoliochat.testsupport.TestHttp;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Pusher's HTTP API on the self-hosted server: signed requests only, Pusher's limits and status codes. */
@ServiceIntegrationTest
class PusherHttpApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    AppCredentials credentials;

    /** Signs like the official libraries, at any time and with any secret. */
    private TestHttp.Response signed(String method, String path, String body, long timestamp, String secret) {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        String query = "auth_key=" + credentials.key() + "&auth_timestamp=" + timestamp + "&auth_version=1.0"
                + (bytes.length > 0 ? "&body_md5=" + PusherSignatures.md5Hex(bytes) : "");
        String signature = new PusherSignatures(credentials.key(), secret).sign(method + "\n" + path + "\n" + query);
        return TestHttp.localhost(port).send(method, path + "?" + query + "&auth_signature=" + signature,
                body == null ? null : "application/json", body == null ? null : bytes);
    }

    private TestHttp.Response signed(String method, String path, String body) {
        return signed(method, path, body, Instant.now().getEpochSecond(), credentials.secret());
    }

    private String events() {
        return "/apps/" + credentials.appId() + "/events";
    }

    private static String event(String channel, String data) {
        return JSON.writeValueAsString(Map.of("name", "news", "channels", List.of(channel), "data", data));
    }

    @Test
    void signedEventIsAcceptedWithAnEmptyObjectAndDelivered() throws Exception {
        try (RawSocket socket = RawSocket.connected(port, credentials.key())) {
            socket.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"api-news\"}}");
            socket.awaitEvent("pusher_internal:subscription_succeeded", "api-news");

            TestHttp.Response response = signed("POST", events(), event("api-news", "{\"headline\":\"hi\"}"));

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{}");
            JsonNode delivered = socket.awaitEvent("news", "api-news");
            assertThat(delivered.get("data").asString()).as("data passed on unchanged, as a string").isEqualTo("{\"headline\":\"hi\"}");
        }
    }

    @Test
    void requestsSignedWithAnotherSecretStaleOrUnsignedAre401() {
        String body = event("api-news", "{}");
        assertUnauthorized(signed("POST", events(), body, Instant.now().getEpochSecond(), "not-the-secret"), "Invalid signature");
        assertUnauthorized(signed("POST", events(), body, Instant.now().getEpochSecond() - 700, credentials.secret()), "Timestamp expired");
        assertUnauthorized(TestHttp.localhost(port).postJson(events(), body), "auth_key");
    }

    @Test
    void bodyThatDoesNotMatchItsMd5Is401() {
        byte[] body = event("api-news", "{}").getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        String query = "auth_key=" + credentials.key() + "&auth_timestamp=" + now + "&auth_version=1.0&body_md5="
                + PusherSignatures.md5Hex("something else".getBytes(StandardCharsets.UTF_8));
        String signature = new PusherSignatures(credentials.key(), credentials.secret()).sign("POST\n" + events() + "\n" + query);
        TestHttp.Response response = TestHttp.localhost(port).send("POST", events() + "?" + query + "&auth_signature=" + signature,
                "application/json", body);
        assertUnauthorized(response, "body_md5");
    }

    private static void assertUnauthorized(TestHttp.Response response, String reason) {
        assertThat(response.status()).as(response.body()).isEqualTo(401);
        assertThat(response.json().get("success").asBoolean()).isFalse();
        assertThat(response.error()).contains(reason);
    }

    @Test
    void unknownAppIdIs404() {
        TestHttp.Response response = signed("POST", "/apps/someone-else/events", event("api-news", "{}"));
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.error()).contains("Unknown app id");
    }

    @Test
    void dataLargerThanTenKilobytesIs413() {
        TestHttp.Response response = signed("POST", events(), event("api-news", "x".repeat(10 * 1024 + 1)));
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.error()).contains("10240");
        assertThat(signed("POST", events(), event("api-news", "x".repeat(10 * 1024))).status()).isEqualTo(200);
    }

    @Test
    void malformedBodiesAre400WithAMessage() {
        List<String> channels101 = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            channels101.add("c" + i);
        }
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("not json", "not valid JSON");
        cases.put("[]", "must be a JSON object");
        cases.put("{\"channels\":[\"a\"],\"data\":\"{}\"}", "name is required");
        cases.put("{\"name\":\"e\",\"channels\":[\"a\"],\"data\":{\"an\":\"object\"}}", "data is required and must be a string");
        cases.put("{\"name\":\"e\",\"channels\":[],\"data\":\"{}\"}", "channels must be a non-empty array");
        cases.put("{\"name\":\"e\",\"data\":\"{}\"}", "channels (or channel) is required");
        cases.put("{\"name\":\"e\",\"channels\":[\"no spaces\"],\"data\":\"{}\"}", "Invalid channel");
        cases.put(JSON.writeValueAsString(Map.of("name", "e", "channels", channels101, "data", "{}")), "at most 100 channels");
        cases.put("{\"name\":\"e\",\"channel\":\"a\",\"data\":\"{}\",\"socket_id\":\"abc\"}", "socket_id");
        cases.forEach((body, message) -> {
            TestHttp.Response response = signed("POST", events(), body);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.error()).as(body).contains(message);
        });
    }

    @Test
    void batchesHoldOneToTenEvents() {
        String batches = "/apps/" + credentials.appId() + "/batch_events";
        StringBuilder eleven = new StringBuilder("{\"batch\":[");
        for (int i = 0; i < 11; i++) {
            eleven.append(i == 0 ? "" : ",").append("{\"channel\":\"c\",\"name\":\"e\",\"data\":\"{}\"}");
        }
        eleven.append("]}");
        assertThat(signed("POST", batches, eleven.toString()).error()).contains("at most 10");
        assertThat(signed("POST", batches, "{\"batch\":[]}").status()).isEqualTo(400);
        assertThat(signed("POST", batches, "{\"batch\":[{\"channel\":\"c\",\"name\":\"e\",\"data\":\"" + "y".repeat(10241) + "\"}]}")
                .status()).isEqualTo(413);
        assertThat(signed("POST", batches, "{\"batch\":[{\"channel\":\"c\",\"name\":\"e\",\"data\":\"{}\"}]}").body()).isEqualTo("{}");
    }

    @Test
    void channelQueriesThroughPusherHttpJavaReportOccupancyAndPresenceUsers() throws Exception {
        PusherSignatures signatures = new PusherSignatures(credentials.key(), credentials.secret());
        try (RawSocket member = RawSocket.connected(port, credentials.key())) {
            String channelData = "{\"user_id\":\"7\",\"user_info\":{\"name\":\"Rina\"}}";
            member.send(JSON.writeValueAsString(Map.of("event", "pusher:subscribe", "data", Map.of("channel", "presence-admin-chat",
                    "channel_data", channelData, "auth", signatures.presenceAuth(member.socketId(), "presence-admin-chat", channelData)))));
            member.awaitEvent("pusher_internal:subscription_succeeded", "presence-admin-chat");

            Pusher api = RealtimeTestSupport.httpApi(port, credentials);
            Result channels = api.get("/channels", Map.of("filter_by_prefix", "presence-", "info", "user_count"));
            assertThat(channels.getStatus()).isEqualTo(Result.Status.SUCCESS);
            assertThat(JSON.readTree(channels.getMessage()).get("channels").get("presence-admin-chat").get("user_count").asInt())
                    .isEqualTo(1);

            Result channel = api.get("/channels/presence-admin-chat", Map.of("info", "user_count,subscription_count"));
            JsonNode info = JSON.readTree(channel.getMessage());
            assertThat(info.get("occupied").asBoolean()).isTrue();
            assertThat(info.get("subscription_count").asInt()).isEqualTo(1);

            Result users = api.get("/channels/presence-admin-chat/users");
            assertThat(JSON.readTree(users.getMessage()).get("users").get(0).get("id").asString()).isEqualTo("7");

            Result notPresence = api.get("/channels/public-news/users");
            assertThat(notPresence.getHttpStatus()).isEqualTo(400);
            api.close();
        }
    }

    @Test
    void eventsAskingForInfoGetTheChannelsSubscriptionCounts() {
        TestHttp.Response response = signed("POST", events(),
                "{\"name\":\"e\",\"channels\":[\"nobody-here\"],\"data\":\"{}\",\"info\":\"subscription_count\"}");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("channels").get("nobody-here").get("subscription_count").asInt()).isZero();
    }
}
