package io.portfoliochat.gateway.error;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import io.portfoliochat.gateway.DownstreamServices;
import io.portfoliochat.gateway.RecordedLogs;
import io.portfoliochat.testsupport.ServiceIntegrationTest;
import io.portfoliochat.testsupport.TestHttp;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * chat-service is down (nothing listens), admin-service answers too slowly for a short response
 * timeout, realtime-fanout-service drops the connection.
 */
@ServiceIntegrationTest(properties = "spring.cloud.gateway.server.webflux.httpclient.response-timeout=500ms")
class UpstreamFailureTest {

    static final DownstreamServices services = DownstreamServices.start();

    static {
        services.server(DownstreamServices.ADMIN).stubFor(any(anyUrl())
                .willReturn(aResponse().withFixedDelay(3_000).withStatus(200).withBody("{\"success\":true}")));
        services.server(DownstreamServices.REALTIME).stubFor(any(anyUrl())
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void downstream(DynamicPropertyRegistry registry) {
        services.register(registry);
        // Registered last, so it replaces the stub's address: nothing listens on this port.
        registry.add("CHAT_SERVICE_URL", () -> "http://127.0.0.1:" + DownstreamServices.unusedPort());
    }

    @AfterAll
    static void stopServices() {
        services.close();
    }

    @Test
    void aServiceThatIsDownIs503WithTheEnvelopeNamingIt() {
        TestHttp.Response response;
        List<String> logged;
        try (RecordedLogs logs = RecordedLogs.of(EnvelopeErrorWebExceptionHandler.class)) {
            response = gateway().postJson("/api/chat/session", "{}", "X-Correlation-Id", "down-1");
            logged = logs.lines();
        }

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.json().get("success").asBoolean()).isFalse();
        assertThat(response.error()).isEqualTo("chat-service is temporarily unavailable. Please try again in a moment.");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("<html");
        assertThat(logged).anySatisfy(line -> assertThat(line).startsWith("[down-1] POST /api/chat/session failed with 503: "));
    }

    @Test
    void everyRouteOfADownServiceIs503NotJustOne() {
        TestHttp.Response messages = gateway().get("/api/chat/messages?conversationId=1",
                "X-Session-Token", UUID.randomUUID().toString());

        assertThat(messages.status()).isEqualTo(503);
        assertThat(messages.error()).startsWith("chat-service is temporarily unavailable");
    }

    @Test
    void aServiceThatAnswersTooSlowlyIs504WithTheEnvelope() {
        TestHttp.Response response = gateway().get("/api/portfolio");

        assertThat(response.status()).isEqualTo(504);
        assertThat(response.error()).isEqualTo("admin-service did not answer in time. Please try again.");
    }

    @Test
    void aServiceThatDropsTheConnectionIs502WithTheEnvelope() {
        TestHttp.Response response = gateway().get("/api/chat/config");

        assertThat(response.status()).isEqualTo(502);
        assertThat(response.error()).isEqualTo("realtime-fanout-service broke off the connection. Please try again.");
    }

    private TestHttp gateway() {
        return DownstreamServices.gateway(port);
    }
}
