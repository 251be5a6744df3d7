package io.portfoliochat.support.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Admin JWT settings shared by the issuer (admin-service) and every verifier.
 *
 * @param secret HS256 key, at least 32 bytes (256 bits); from {@code JWT_SECRET}
 * @param issuer the {@code iss} every token must carry
 * @param ttl    how long an issued token stays valid
 */
@ConfigurationProperties("portfoliochat.security.jwt")
public record JwtProperties(String secret, String issuer, Duration ttl) {

    public JwtProperties {
        issuer = issuer == null || issuer.isBlank() ? "portfolio-chat" : issuer;
        ttl = ttl == null ? Duration.ofHours(12) : ttl;
    }
}
