package io.portfoliochat.gateway.routing;

import java.util.Optional;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.web.server.ServerWebExchange;

/**
 * The facts each route declares in its {@code metadata} (application.yml) and the features read:
 * which service owns it, who may call it, which rate limit and body size apply.
 */
public final class RouteMetadata {

    /** Name of the owning service, used in error messages and logs ({@code chat-service}). */
    public static final String SERVICE = "service";
    /** Who may call the route: {@code public}, {@code visitor-or-admin} or {@code admin}. */
    public static final String ACCESS = "access";
    /** The rate-limited action the route performs: {@code messages}, {@code sessions}, {@code logins}. */
    public static final String RATE_LIMIT = "rate-limit";
    /** Overrides the default request body limit for the route, e.g. {@code 256KB}. */
    public static final String MAX_BODY_SIZE = "max-body-size";

    private RouteMetadata() {
    }

    /** The route the gateway matched for this request, if any. */
    public static Optional<Route> routeOf(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR));
    }

    public static Optional<String> value(Route route, String key) {
        Object value = route.getMetadata().get(key);
        return value == null ? Optional.empty() : Optional.of(value.toString().trim()).filter(text -> !text.isEmpty());
    }

    public static Optional<String> value(ServerWebExchange exchange, String key) {
        return routeOf(exchange).flatMap(route -> value(route, key));
    }

    /** The owning service of the matched route, for messages such as "chat-service is temporarily unavailable". */
    public static Optional<String> serviceOf(ServerWebExchange exchange) {
        return value(exchange, SERVICE);
    }
}
