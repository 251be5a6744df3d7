package io.portfoliochat.gateway.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.portfoliochat.gateway.GatewayWithStubbedServices;
import io.portfoliochat.testsupport.TestHttp;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Requests the HTTP server refuses before any route is looked at still get the envelope. */
class ProtocolErrorEnvelopesTest extends GatewayWithStubbedServices {

    @Test
    void headersThatAreTooLargeAre431WithTheEnvelope() {
        TestHttp.Response response = gateway().get("/api/portfolio", "X-Padding", "a".repeat(20_000));

        assertThat(response.status()).isEqualTo(431);
        assertThat(response.header("Content-Type")).hasValue("application/json");
        assertThat(response.error()).isEqualTo("The request headers are too large");
        assertThat(services.totalReceived()).isZero();
    }

    @Test
    void aUrlThatIsTooLongIs414WithTheEnvelope() {
        TestHttp.Response response = gateway().get("/api/portfolio?padding=" + "a".repeat(10_000));

        assertThat(response.status()).isEqualTo(414);
        assertThat(response.error()).isEqualTo("The request URL is too long");
        assertThat(services.totalReceived()).isZero();
    }

    @Test
    void anUnparsableRequestIs400WithTheEnvelope() throws IOException {
        String response = rawExchange("GET /api/portfolio HTTP/1.1\r\nHost: localhost\r\nThis is not a header\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 400 ").contains("content-type: application/json")
                .endsWith("{\"success\":false,\"error\":\"The request is malformed\"}");
        assertThat(services.totalReceived()).isZero();
    }

    @Test
    void ordinaryResponsesAreLeftAlone() {
        TestHttp.Response page = gateway().send("HEAD", "/chat", null, null);
        TestHttp.Response api = gateway().get("/api/portfolio");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.bodyBytes()).isEmpty();
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.data().get("service").asString()).isEqualTo("admin-service");
    }

    /** Sends raw bytes (no client would send a malformed request) and reads until the server closes. */
    private String rawExchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
