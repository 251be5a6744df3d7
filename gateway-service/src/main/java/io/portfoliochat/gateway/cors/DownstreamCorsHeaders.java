package io.portfoliochat.gateway.cors;

import java.util.Locale;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * The gateway alone answers CORS: {@code Access-Control-*} headers in a service's response are
 * dropped, so a browser never sees two (conflicting) {@code Access-Control-Allow-Origin} values.
 */
final class DownstreamCorsHeaders implements HttpHeadersFilter {

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders kept = new HttpHeaders();
        input.forEach((name, values) -> {
            if (!name.toLowerCase(Locale.ROOT).startsWith("access-control-")) {
                kept.addAll(name, values);
            }
        });
        return kept;
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.RESPONSE;
    }
}
