package io.portfoliochat.gateway.auth;

import io.portfoliochat.support.security.AdminPrincipal;
import java.util.Optional;
import org.springframework.web.server.ServerWebExchange;

/**
 * Who the gateway let through on a route that needs identity: the admin whose token it verified,
 * or a visitor's session token (well-formed; the owning service checks that it is known).
 */
public record Caller(Optional<AdminPrincipal> admin, Optional<String> sessionToken) {

    static final String ATTRIBUTE = Caller.class.getName();

    static Caller ofAdmin(AdminPrincipal admin) {
        return new Caller(Optional.of(admin), Optional.empty());
    }

    static Caller ofVisitor(String sessionToken) {
        return new Caller(Optional.empty(), Optional.of(sessionToken));
    }

    /** The caller of this request; empty on public routes. */
    public static Optional<Caller> of(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(ATTRIBUTE));
    }
}
