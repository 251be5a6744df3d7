package io.portfoliochat.gateway.headers;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Settles the {@link ClientConnection} once, before anything needs the client's address. */
final class ClientConnectionWebFilter implements WebFilter, Ordered {

    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    private final ClientConnectionResolver resolver;

    ClientConnectionWebFilter(ClientConnectionResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getAttributes().put(ClientConnection.ATTRIBUTE, resolver.resolve(exchange.getRequest()));
        return chain.filter(exchange);
    }
}
