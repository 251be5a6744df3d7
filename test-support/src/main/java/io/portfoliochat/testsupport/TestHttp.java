package io.portfoliochat.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for tests that sends exactly the bytes it is given (malformed JSON included)
 * and reads the JSON envelope back.
 */
public final class TestHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final Map<String, String> defaultHeaders = new LinkedHashMap<>();

    public TestHttp(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public static TestHttp localhost(int port) {
        return new TestHttp("http://localhost:" + port);
    }

    /** A copy that adds a header to every request. */
    public TestHttp withHeader(String name, String value) {
        TestHttp copy = new TestHttp(baseUrl);
        copy.defaultHeaders.putAll(defaultHeaders);
        copy.defaultHeaders.put(name, value);
        return copy;
    }

    public Response get(String path, String... headers) {
        return send("GET", path, null, null, headers);
    }

    public Response delete(String path, String... headers) {
        return send("DELETE", path, null, null, headers);
    }

    public Response postJson(String path, Object body, String... headers) {
        return send("POST", path, "application/json", toJson(body), headers);
    }

    public Response putJson(String path, Object body, String... headers) {
        return send("PUT", path, "application/json", toJson(body), headers);
    }

    public Response patchJson(String path, Object body, String... headers) {
        return send("PATCH", path, "application/json", toJson(body), headers);
    }

    public Response postForm(String path, String form, String... headers) {
        return send("POST", path, "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8), headers);
    }

    /**
     * Sends any method, content type and raw body.
     *
     * @param headers alternating names and values
     */
    public Response send(String method, String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        defaultHeaders.forEach(builder::header);
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] toJson(Object body) {
        if (body == null) {
            return null;
        }
        if (body instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (body instanceof byte[] bytes) {
            return bytes;
        }
        return JSON.writeValueAsBytes(body);
    }

    /** A response: status, headers and body, with the JSON envelope at hand. */
    public record Response(int status, Map<String, List<String>> headers, byte[] bodyBytes) {

        public String body() {
            return new String(bodyBytes, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            return JSON.readTree(bodyBytes);
        }

        /** The {@code data} of a success envelope. */
        public JsonNode data() {
            return json().get("data");
        }

        /** The {@code error} message of a failure envelope. */
        public String error() {
            JsonNode error = json().get("error");
            return error == null ? null : error.asString();
        }

        public Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .flatMap(entry -> entry.getValue().stream())
                    .findFirst();
        }

        @Override
        public String toString() {
            return status + " " + body();
        }
    }
}
