package io.portfoliochat.gateway.cors;

import io.portfoliochat.support.web.ApiException;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.InvalidUrlException;
import reactor.core.publisher.Mono;

/**
 * CORS for every path, before routing: a preflight from an allowed origin is answered here; a
 * cross-origin request (preflight or not) from any other origin is refused with a 403 envelope and
 * no {@code Access-Control-Allow-Origin}. Same-origin requests and requests without an
 * {@code Origin} pass untouched.
 */
final class EnvelopeCorsWebFilter implements WebFilter, Ordered {

    private final CorsConfiguration configuration;
    private final CorsProcessor processor = new DefaultCorsProcessor();

    EnvelopeCorsWebFilter(CorsConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public int getOrder() {
        // After the correlation id, client connection and security headers, before everything else.
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String origin = exchange.getRequest().getHeaders().getFirst(HttpHeaders.ORIGIN);
        boolean crossOrigin;
        try {
            crossOrigin = CorsUtils.isCorsRequest(exchange.getRequest());
        } catch (InvalidUrlException malformedOrigin) {
            // Spring cannot even parse it (e.g. a port that is not a number): certainly not an allowed origin.
            return Mono.error(ApiException.forbidden("Requests from origin " + origin + " are not allowed"));
        }
        if (!crossOrigin) {
            return chain.filter(exchange);
        }
        if (!processor.process(configuration, exchange)) {
            return Mono.error(ApiException.forbidden(CorsUtils.isPreFlightRequest(exchange.getRequest())
                    && configuration.checkOrigin(origin) != null
                    ? "This cross-origin request is not allowed (method or headers)"
                    : "Requests from origin " + origin + " are not allowed"));
        }
        return CorsUtils.isPreFlightRequest(exchange.getRequest()) ? Mono.empty() : chain.filter(exchange);
    }
}
