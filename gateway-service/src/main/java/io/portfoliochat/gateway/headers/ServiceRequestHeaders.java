package io.portfoliochat.gateway.headers;

import io.portfoliochat.gateway.auth.Caller;
import io.portfoliochat.gateway.correlation.Correlation;
import io.portfoliochat.support.security.AdminPrincipal;
import io.portfoliochat.support.web.CorrelationId;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriUtils;

/**
 * The headers a service receives with a proxied request (HTTP and WebSocket handshakes alike).
 * Runs last, on the outgoing headers: whatever a client sent that a service could mistake for
 * gateway-set identity or client address is dropped, then the gateway sets its own.
 *
 * <p>Services read: {@code X-Auth-Admin-Id} and {@code X-Auth-Admin-Name} (percent-encoded UTF-8)
 * when the gateway verified an admin token; {@code X-Forwarded-For} (exactly one address, the real
 * client), {@code X-Forwarded-Proto}, {@code X-Forwarded-Host}, {@code X-Forwarded-Port};
 * {@code X-Correlation-Id}.
 */
final class ServiceRequestHeaders implements HttpHeadersFilter, Ordered {

    static final String ADMIN_ID = "X-Auth-Admin-Id";
    static final String ADMIN_NAME = "X-Auth-Admin-Name";

    /** Identity a client must never be able to claim, compared in lower case. */
    static final Set<String> IDENTITY_HEADERS = Set.of(
            "x-auth-admin-id", "x-auth-admin-name", "x-auth-role", "x-visitor-id", "x-admin-id", "x-user-id",
            "x-forwarded-user", "x-forwarded-email", "x-forwarded-preferred-username", "x-remote-user", "remote-user",
            "x-authenticated-user", "x-principal");
    /** Any header starting with these is gateway-only: {@code X-Auth-*} (identity), {@code X-Forwarded-*}. */
    static final Set<String> GATEWAY_ONLY_PREFIXES = Set.of("x-auth-", "x-forwarded-");
    /** Other ways clients claim an address or a route; services must see only the gateway's word. */
    static final Set<String> ADDRESS_HEADERS = Set.of(
            "forwarded", "x-real-ip", "x-client-ip", "true-client-ip", "x-cluster-client-ip", "cf-connecting-ip",
            "fastly-client-ip", "x-original-forwarded-for", "x-correlation-id");

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders outgoing = new HttpHeaders();
        input.forEach((name, values) -> {
            if (!isGatewayOnly(name)) {
                outgoing.addAll(name, values);
            }
        });
        ClientConnection connection = ClientConnection.of(exchange);
        outgoing.set(ClientConnectionResolver.X_FORWARDED_FOR, connection.clientIp());
        outgoing.set(ClientConnectionResolver.X_FORWARDED_PROTO, connection.scheme());
        if (!connection.host().isEmpty()) {
            outgoing.set(ClientConnectionResolver.X_FORWARDED_HOST, connection.host());
        }
        outgoing.set(ClientConnectionResolver.X_FORWARDED_PORT, Integer.toString(connection.port()));
        outgoing.set(CorrelationId.HEADER, Correlation.idOf(exchange));
        Caller.of(exchange).flatMap(Caller::admin).ifPresent(admin -> setAdmin(outgoing, admin));
        return outgoing;
    }

    static boolean isGatewayOnly(String headerName) {
        String name = headerName.toLowerCase(Locale.ROOT);
        return IDENTITY_HEADERS.contains(name) || ADDRESS_HEADERS.contains(name)
                || GATEWAY_ONLY_PREFIXES.stream().anyMatch(name::startsWith);
    }

    private static void setAdmin(HttpHeaders outgoing, AdminPrincipal admin) {
        outgoing.set(ADMIN_ID, Long.toString(admin.id()));
        outgoing.set(ADMIN_NAME, UriUtils.encode(admin.displayName(), StandardCharsets.UTF_8));
    }
}
