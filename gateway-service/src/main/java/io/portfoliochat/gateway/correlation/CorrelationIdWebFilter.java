package io.portfoliochat.gateway.correlation;

import io.portfoliochat.gateway.routing.RouteMetadata;
import io.portfoliochat.support.web.CorrelationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Settles the request's correlation id first of all, returns it to the caller and writes one access
 * log line per request with it (time until the response headers). Services receive it with the
 * other gateway-set headers.
 */
@Component
class CorrelationIdWebFilter implements WebFilter, Ordered {

    private static final Logger accessLog = LoggerFactory.getLogger("io.portfoliochat.gateway.access");

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String correlationId = Correlation.idOf(exchange);
        long startedAt = System.nanoTime();
        // At commit time the status is final (also for errors, which are rendered outside the filter
        // chain), and setting the header then means a service's echo of the id never duplicates it.
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(CorrelationId.HEADER, correlationId);
            logAccess(exchange, startedAt);
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    private static void logAccess(ServerWebExchange exchange, long startedAt) {
        ServerHttpRequest request = exchange.getRequest();
        String path = request.getPath().value();
        if (path.startsWith("/actuator/") || !accessLog.isInfoEnabled()) {
            return;
        }
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        long millis = (System.nanoTime() - startedAt) / 1_000_000;
        String service = RouteMetadata.serviceOf(exchange).map(name -> " via " + name).orElse("");
        Correlation.log(exchange, () -> accessLog.info("{} {} -> {}{} in {} ms", request.getMethod(), path,
                status == null ? "-" : status.value(), service, millis));
    }
}
