package io.portfoliochat.gateway.auth;

import io.portfoliochat.gateway.error.RequestRejected;
import io.portfoliochat.gateway.routing.RouteMetadata;
import io.portfoliochat.support.security.AdminAuthentication;
import io.portfoliochat.support.web.ApiException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Auth at the edge, by the route's {@code access} metadata: admin routes need a valid admin JWT;
 * visitor routes need a well-formed {@code X-Session-Token} unless a valid admin token comes
 * instead. Everything else is answered 401 before a service is bothered. A route without a valid
 * {@code access} stops the gateway from starting, and is treated as admin-only should one appear.
 */
@Component
class EdgeAuthenticationFilter implements GlobalFilter, Ordered {

    static final int ORDER = -300;
    static final String SESSION_TOKEN_HEADER = "X-Session-Token";
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final AdminAuthentication adminAuthentication;

    EdgeAuthenticationFilter(AdminAuthentication adminAuthentication, GatewayProperties gatewayProperties) {
        this.adminAuthentication = adminAuthentication;
        gatewayProperties.getRoutes().forEach(EdgeAuthenticationFilter::requireValidAccess);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Access access = RouteMetadata.value(exchange, RouteMetadata.ACCESS).flatMap(Access::fromMetadata)
                .orElse(Access.ADMIN);
        try {
            identify(access, exchange.getRequest().getHeaders())
                    .ifPresent(caller -> exchange.getAttributes().put(Caller.ATTRIBUTE, caller));
        } catch (ApiException rejected) {
            return Mono.error(rejected.status() == HttpStatus.UNAUTHORIZED ? withChallenge(rejected) : rejected);
        }
        return chain.filter(exchange);
    }

    private Optional<Caller> identify(Access access, HttpHeaders headers) {
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        return switch (access) {
            case PUBLIC -> Optional.empty();
            case ADMIN -> Optional.of(Caller.ofAdmin(adminAuthentication.require(authorization)));
            case VISITOR_OR_ADMIN -> Optional.of(adminAuthentication.optional(authorization)
                    .map(Caller::ofAdmin)
                    .orElseGet(() -> Caller.ofVisitor(requireSessionToken(headers.getFirst(SESSION_TOKEN_HEADER)))));
        };
    }

    private static String requireSessionToken(String token) {
        if (token == null || token.isBlank()) {
            throw ApiException.unauthorized("A session token is required: send the X-Session-Token header "
                    + "(create one with POST /api/chat/session)");
        }
        String trimmed = token.trim();
        if (!UUID_TEXT.matcher(trimmed).matches()) {
            throw ApiException.unauthorized("The session token is not valid: X-Session-Token must be a UUID");
        }
        return UUID.fromString(trimmed).toString();
    }

    private static RequestRejected withChallenge(ApiException rejected) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"portfolio-chat\"");
        return new RequestRejected(rejected.status(), rejected.getMessage(), headers);
    }

    private static void requireValidAccess(RouteDefinition route) {
        Object access = route.getMetadata().get(RouteMetadata.ACCESS);
        if (access == null || Access.fromMetadata(access.toString().trim()).isEmpty()) {
            throw new IllegalStateException("Gateway route '" + route.getId() + "' must declare metadata "
                    + RouteMetadata.ACCESS + " as one of: " + Access.allowedValues() + " (found: " + access + ")");
        }
    }
}
