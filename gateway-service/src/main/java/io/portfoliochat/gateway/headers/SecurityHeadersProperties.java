package io.portfoliochat.gateway.headers;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Security headers on every response (API, static UI, errors).
 *
 * @param contentSecurityPolicy fits the static reference UI: own scripts and styles only, and
 *                              connections to this origin (HTTP and WebSocket) and Pusher Channels
 * @param permissionsPolicy     browser features the pages never need
 * @param referrerPolicy        how much of the URL other sites learn
 * @param hstsMaxAge            {@code Strict-Transport-Security} max-age, sent only over HTTPS
 */
@ConfigurationProperties("portfoliochat.gateway.security-headers")
record SecurityHeadersProperties(String contentSecurityPolicy, String permissionsPolicy, String referrerPolicy,
                                 Duration hstsMaxAge) {

    SecurityHeadersProperties {
        contentSecurityPolicy = orDefault(contentSecurityPolicy, "default-src 'self'; script-src 'self'; "
                + "style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src 'self' ws: wss: https://*.pusher.com wss://*.pusher.com; "
                + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'");
        permissionsPolicy = orDefault(permissionsPolicy,
                "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
        referrerPolicy = orDefault(referrerPolicy, "strict-origin-when-cross-origin");
        hstsMaxAge = hstsMaxAge == null ? Duration.ofDays(365) : hstsMaxAge;
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
