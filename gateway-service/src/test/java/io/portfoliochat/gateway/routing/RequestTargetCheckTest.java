package io.portfoliochat.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.portfoliochat.gateway.GatewayWithStubbedServices;
import io.portfoliochat.testsupport.TestHttp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Request targets the gateway cannot read as a service would are refused with 400 and the envelope
 * before anything is routed: broken percent-escapes used to get an empty 400, escapes of invalid
 * UTF-8 reached the services and failed there with a 500.
 */
class RequestTargetCheckTest extends GatewayWithStubbedServices {

    @ParameterizedTest
    @ValueSource(strings = {"/api/chat/messages?conversationId=1&limit=50", "/api/portfolio", "/chat/", "/",
            "/app/portfolio-chat-key?protocol=7&client=js&version=8.4.0&flash=false", "/api/chat/config?x=%E2%82%AC",
            "/api/chat/conversations?status=active&page=2", "/assets/app.js?v=1.2.3", "/apps/app-1/events?auth_key=k&body_md5=a1"})
    void ordinaryTargetsPass(String target) {
        assertThat(RequestTargetCheck.problemWith(target)).isEmpty();
    }

    @Test
    void aBrokenPercentEscapeInTheQueryIs400WithTheEnvelope() throws IOException {
        String response = rawExchange("GET /api/portfolio?x=%ZZ HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

        assertThat(response).startsWith("HTTP/1.1 400 ").contains("content-type: application/json")
                .endsWith("{\"success\":false,\"error\":\"" + RequestTargetCheck.INVALID_QUERY + "\"}");
        assertThat(services.totalReceived()).isZero();
    }

    @Test
    void aBrokenPercentEscapeInThePathIs400WithTheEnvelope() throws IOException {
        String response = rawExchange("GET /api/ch%ZZt HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

        assertThat(response).startsWith("HTTP/1.1 400 ").endsWith("\"" + RequestTargetCheck.INVALID_PATH + "\"}");
        assertThat(services.totalReceived()).isZero();
    }

    @Test
    void escapesOfInvalidUtf8NeverReachAService() {
        TestHttp.Response query = gateway().get("/api/portfolio?status=%C3%28");
        TestHttp.Response path = gateway().get("/api/chat/conversations/%FF%FE", "Authorization", "Bearer x");

        assertThat(query.status()).isEqualTo(400);
        assertThat(query.error()).isEqualTo(RequestTargetCheck.INVALID_QUERY);
        assertThat(path.status()).isEqualTo(400);
        assertThat(path.error()).isEqualTo(RequestTargetCheck.INVALID_PATH);
        assertThat(services.totalReceived()).isZero();
    }

    @Test
    void rawBytesOutsideAsciiAreRefused() throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes("GET /api/portfolio?x=".getBytes(StandardCharsets.US_ASCII));
        request.write(0xFF);
        request.writeBytes(" HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

        String response = rawExchange(request.toByteArray());

        assertThat(response).startsWith("HTTP/1.1 400 ").endsWith("\"" + RequestTargetCheck.INVALID_QUERY + "\"}");
        assertThat(services.totalReceived()).isZero();
    }

    @Test
    void aValidUtf8EscapeIsForwarded() {
        TestHttp.Response response = gateway().get("/api/portfolio?q=%E2%82%AC");

        assertThat(response.status()).isEqualTo(200);
        assertThat(services.totalReceived()).isEqualTo(1);
    }

    private String rawExchange(byte[] request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
