package io.portfoliochat.gateway.headers;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Puts the security headers on every response just before it is committed, so they also cover
 * error envelopes and replace whatever a service sent.
 */
final class SecurityHeadersWebFilter implements WebFilter, Ordered {

    private final SecurityHeadersProperties properties;

    SecurityHeadersWebFilter(SecurityHeadersProperties properties) {
        this.properties = properties;
    }

    @Override
    public int getOrder() {
        return ClientConnectionWebFilter.ORDER + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        boolean secure = ClientConnection.of(exchange).secure();
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", properties.referrerPolicy());
            headers.set("Content-Security-Policy", properties.contentSecurityPolicy());
            headers.set("Permissions-Policy", properties.permissionsPolicy());
            headers.set("Cross-Origin-Opener-Policy", "same-origin");
            if (secure) {
                headers.set("Strict-Transport-Security", "max-age=" + properties.hstsMaxAge().toSeconds());
            } else {
                headers.remove("Strict-Transport-Security");
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }
}
