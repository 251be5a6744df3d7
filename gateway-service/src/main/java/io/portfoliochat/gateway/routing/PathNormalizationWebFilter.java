package io.portfoliochat.gateway.routing;

import io.portfoliochat.support.web.ApiException;
import java.util.List;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses paths a service could resolve differently from the gateway: dot segments
 * ({@code /app/../internal/...}), encoded dots, slashes or backslashes, empty segments and
 * matrix parameters. The gateway matches routes on the raw path, while the services' servlet
 * containers normalise it; without this, a public route could reach an internal endpoint.
 */
final class PathNormalizationWebFilter implements WebFilter, Ordered {

    private static final List<String> FORBIDDEN = List.of("%2e", "%2f", "%5c", "%00", "\\", ";", "//");

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 30;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!isNormalised(exchange.getRequest().getURI().getRawPath())) {
            return Mono.error(ApiException.badRequest("The request path is not valid"));
        }
        return chain.filter(exchange);
    }

    static boolean isNormalised(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return true;
        }
        String path = rawPath.toLowerCase(Locale.ROOT);
        if (FORBIDDEN.stream().anyMatch(path::contains)) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
