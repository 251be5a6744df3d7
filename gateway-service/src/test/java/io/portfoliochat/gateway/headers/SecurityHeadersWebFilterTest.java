package io.portfoliochat.gateway.headers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class SecurityHeadersWebFilterTest {

    private final SecurityHeadersWebFilter filter =
            new SecurityHeadersWebFilter(new SecurityHeadersProperties(null, null, null, Duration.ofDays(180)));

    @Test
    void sendsStrictTransportSecurityOnlyToClientsThatUsedHttps() {
        assertThat(responseHeadersFor(new ClientConnection("203.0.113.7", "https", "chat.example.com"))
                .getFirst("Strict-Transport-Security")).isEqualTo("max-age=15552000");
        assertThat(responseHeadersFor(new ClientConnection("203.0.113.7", "http", "chat.example.com"))
                .containsHeader("Strict-Transport-Security")).isFalse();
    }

    @Test
    void replacesWhatTheResponseAlreadyCarried() {
        HttpHeaders headers = responseHeadersFor(new ClientConnection("203.0.113.7", "http", "chat.example.com"),
                "X-Frame-Options", "ALLOWALL");

        assertThat(headers.get("X-Frame-Options")).containsExactly("DENY");
        assertThat(headers.getFirst("Content-Security-Policy")).startsWith("default-src 'self'");
    }

    private HttpHeaders responseHeadersFor(ClientConnection connection, String... presetHeader) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/chat"));
        exchange.getAttributes().put(ClientConnection.ATTRIBUTE, connection);
        if (presetHeader.length == 2) {
            exchange.getResponse().getHeaders().add(presetHeader[0], presetHeader[1]);
        }
        filter.filter(exchange, chained -> chained.getResponse().setComplete()).block(Duration.ofSeconds(5));
        return exchange.getResponse().getHeaders();
    }
}
