package io.portfoliochat.gateway.bodysize;

import io.portfoliochat.gateway.error.RequestRejected;
import io.portfoliochat.gateway.routing.RouteMetadata;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies over the limit with 413 before a service sees a byte of them. A declared
 * {@code Content-Length} is checked at once; a body of unknown length (chunked) is read up to the
 * limit and kept in memory (at most the limit per request), so the service receives it whole or
 * not at all.
 */
@Component
class BodySizeLimitFilter implements GlobalFilter, Ordered {

    static final int ORDER = -100;

    private final BodySizeProperties properties;

    BodySizeLimitFilter(BodySizeProperties properties, GatewayProperties gatewayProperties) {
        this.properties = properties;
        gatewayProperties.getRoutes().forEach(BodySizeLimitFilter::requireValidSize);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        long declaredLength = headers.getContentLength();
        boolean chunked = headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
        if (declaredLength <= 0 && !chunked) {
            return chain.filter(exchange);
        }
        DataSize limit = RouteMetadata.value(exchange, RouteMetadata.MAX_BODY_SIZE).map(DataSize::parse)
                .orElse(properties.maxBodySize());
        if (declaredLength > limit.toBytes()) {
            return Mono.error(tooLarge(limit));
        }
        if (!chunked) {
            return chain.filter(exchange);
        }
        ServerHttpRequest limited = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return limit(super.getBody(), limit);
            }
        };
        return ServerWebExchangeUtils.cacheRequestBody(exchange.mutate().request(limited).build(),
                cached -> chain.filter(exchange.mutate().request(cached).build()));
    }

    private static Flux<DataBuffer> limit(Flux<DataBuffer> body, DataSize limit) {
        return Flux.defer(() -> {
            long[] seen = {0};
            return body.handle((buffer, sink) -> {
                seen[0] += buffer.readableByteCount();
                if (seen[0] > limit.toBytes()) {
                    DataBufferUtils.release(buffer);
                    sink.error(tooLarge(limit));
                } else {
                    sink.next(buffer);
                }
            });
        });
    }

    private static RequestRejected tooLarge(DataSize limit) {
        return new RequestRejected(HttpStatus.CONTENT_TOO_LARGE,
                "The request body is too large: at most " + describe(limit) + " is accepted here", new HttpHeaders());
    }

    private static String describe(DataSize size) {
        return size.toBytes() % 1024 == 0 ? size.toKilobytes() + " KB" : size.toBytes() + " bytes";
    }

    private static void requireValidSize(RouteDefinition route) {
        Object size = route.getMetadata().get(RouteMetadata.MAX_BODY_SIZE);
        if (size != null) {
            try {
                DataSize.parse(size.toString().trim());
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new IllegalStateException("Gateway route '" + route.getId() + "' has an invalid "
                        + RouteMetadata.MAX_BODY_SIZE + " '" + size + "' (e.g. 256KB)", e);
            }
        }
    }
}
