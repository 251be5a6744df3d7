package io.portfoliochat.loadgen.traffic;

import io.portfoliochat.loadgen.WallClock;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The public HTTP API, through the gateway, as a front end calls it. */
public final class GatewayClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String SESSION_HEADER = "X-Session-Token";

    private final HttpClient http;
    private final URI gateway;

    public GatewayClient(HttpClient http, URI gateway) {
        this.http = http;
        this.gateway = gateway;
    }

    public URI uri() {
        return gateway;
    }

    public CompletableFuture<String> createSession() {
        return post("/api/chat/session", Map.of(), Map.of())
                .thenApply(response -> data(response, 200, "create a session").get("sessionToken").asString());
    }

    public String adminToken(String email, String password) {
        JsonNode data = data(post("/api/admin/login", Map.of("email", email, "password", password), Map.of()).join(), 200,
                "log in as the admin");
        return data.get("token").asString();
    }

    public String pusherKey() {
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/chat/config")).timeout(TIMEOUT).GET().build();
        return data(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).join(), 200, "read the client config")
                .get("pusherKey").asString();
    }

    /**
     * {@code POST /api/chat/send}; the result carries the send time and the 201's fields, or the failure.
     *
     * @param credentials {@code X-Session-Token} of a visitor or {@code Authorization} of the admin
     */
    public CompletableFuture<SendOutcome> send(Map<String, String> credentials, Long conversationId, String content,
                                               String clientMessageId) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (conversationId != null) {
            body.put("conversationId", conversationId);
        }
        body.put("content", content);
        body.put("clientMessageId", clientMessageId);
        long postedAt = WallClock.micros();
        return post("/api/chat/send", body, credentials).handle((response, failure) -> {
            long answeredAt = WallClock.micros();
            if (failure != null) {
                return SendOutcome.failed(clientMessageId, postedAt, answeredAt, failure.getClass().getSimpleName() + ": "
                        + failure.getMessage());
            }
            if (response.statusCode() != 201) {
                return SendOutcome.failed(clientMessageId, postedAt, answeredAt, "HTTP " + response.statusCode() + " "
                        + abbreviate(response.body()));
            }
            JsonNode data = JSON.readTree(response.body()).get("data");
            return new SendOutcome(clientMessageId, postedAt, answeredAt, data.get("messageId").asLong(),
                    data.get("conversationId").asLong(), data.get("seq").asLong(),
                    WallClock.micros(Instant.parse(data.get("createdAt").asString())),
                    data.get("aiResponsePending").asBoolean(), null);
        });
    }

    /** {@code POST /api/pusher/auth} as pusher-js does it: a form, the caller's credentials as headers. */
    public CompletableFuture<String> authorizeChannel(Map<String, String> credentials, String socketId, String channel) {
        String form = "socket_id=" + URLEncoder.encode(socketId, StandardCharsets.UTF_8)
                + "&channel_name=" + URLEncoder.encode(channel, StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve("/api/pusher/auth")).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        credentials.forEach(request::header);
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() != 200) {
                throw new IllegalStateException("authorizing " + channel + ": HTTP " + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body()).get("auth").asString();
        });
    }

    /** Every stored message of a conversation, oldest first ({@code GET /api/chat/messages}, page by page). */
    public List<JsonNode> allMessages(Map<String, String> credentials, long conversationId) {
        List<JsonNode> all = new ArrayList<>();
        long after = 0;
        while (true) {
            HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve("/api/chat/messages?conversationId="
                    + conversationId + "&limit=100&after=" + after)).timeout(TIMEOUT).GET();
            credentials.forEach(request::header);
            JsonNode page = data(http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).join(), 200,
                    "read conversation " + conversationId);
            page.get("messages").forEach(all::add);
            if (!page.get("hasMore").asBoolean()) {
                return all;
            }
            after = page.get("nextCursor").asLong();
        }
    }

    private CompletableFuture<HttpResponse<String>> post(String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path)).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        headers.forEach(request::header);
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode data(HttpResponse<String> response, int expected, String what) {
        if (response.statusCode() != expected) {
            throw new IllegalStateException("Could not " + what + ": HTTP " + response.statusCode() + " " + abbreviate(response.body()));
        }
        return JSON.readTree(response.body()).get("data");
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }

    public static Map<String, String> visitorCredentials(String sessionToken) {
        return Map.of(SESSION_HEADER, sessionToken);
    }

    public static Map<String, String> adminCredentials(String jwt) {
        return Map.of("Authorization", "Bearer " + jwt);
    }
}
