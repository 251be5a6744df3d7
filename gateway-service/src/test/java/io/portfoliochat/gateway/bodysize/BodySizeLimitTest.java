package io.portfoliochat.gateway.bodysize;

import static org.assertj.core.api.Assertions.assertThat;

import io.portfoliochat.gateway.DownstreamServices;
import io.portfoliochat.gateway.GatewayWithStubbedServices;
import io.portfoliochat.testsupport.TestAdminTokens;
import io.portfoliochat.testsupport.TestHttp;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The default limit is 64 KB; {@code PUT /api/portfolio} allows 256 KB. */
class BodySizeLimitTest extends GatewayWithStubbedServices {

    static final int KB = 1024;

    @Test
    void anOversizeBodyWithContentLengthIs413WithTheEnvelopeAndNeverForwarded() {
        TestHttp.Response response = gateway().postJson("/api/chat/send", jsonOfSize(100 * KB),
                "X-Session-Token", UUID.randomUUID().toString());

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("success").asBoolean()).isFalse();
        assertThat(response.error()).isEqualTo("The request body is too large: at most 64 KB is accepted here");
        assertThat(services.totalReceived()).isZero();
    }

    @Test
    void anOversizeChunkedBodyIs413WithTheEnvelopeAndNeverForwarded() throws Exception {
        HttpResponse<String> response = sendChunked("POST", "/api/chat/send", jsonOfSize(100 * KB));

        assertThat(response.request().headers().firstValue("Content-Length")).isEmpty();
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(JsonMapper.builder().build().readTree(response.body()).get("error").asString())
                .isEqualTo("The request body is too large: at most 64 KB is accepted here");
        assertThat(services.totalReceived()).isZero();
    }

    @Test
    void aChunkedBodyWithinTheLimitReachesTheServiceWhole() throws Exception {
        String body = jsonOfSize(60 * KB);

        HttpResponse<String> response = sendChunked("POST", "/api/chat/send", body);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(services.received(DownstreamServices.CHAT)).singleElement()
                .satisfies(request -> assertThat(request.getBodyAsString()).isEqualTo(body));
    }

    @Test
    void theWholePortfolioMayBeLargerButStillHasALimit() {
        TestHttp admin = gateway()
                .withHeader("Authorization", TestAdminTokens.bearer(TestAdminTokens.valid()));
        String portfolio = jsonOfSize(200 * KB);

        assertThat(admin.putJson("/api/portfolio", portfolio).status()).isEqualTo(200);
        assertThat(services.received(DownstreamServices.ADMIN)).singleElement()
                .satisfies(request -> assertThat(request.getBodyAsString()).isEqualTo(portfolio));

        TestHttp.Response tooLarge = admin.putJson("/api/portfolio", jsonOfSize(300 * KB));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.error()).isEqualTo("The request body is too large: at most 256 KB is accepted here");
    }

    private HttpResponse<String> sendChunked(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Session-Token", UUID.randomUUID().toString())
                // An input stream has no known length, so the client sends Transfer-Encoding: chunked.
                .method(method, HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON document of exactly {@code bytes} bytes. */
    private static String jsonOfSize(int bytes) {
        String prefix = "{\"content\":\"";
        String suffix = "\"}";
        return prefix + "a".repeat(bytes - prefix.length() - suffix.length()) + suffix;
    }
}
