package io.portfoliochat.support.security;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import javax.crypto.SecretKey;

/**
 * Issues and verifies admin JWTs (HS256). Verification insists on the signature, the algorithm,
 * the issuer, an expiry in the future and the admin claims; anything else is rejected.
 */
public class AdminTokens {

    public static final int MIN_SECRET_BYTES = 32;
    private static final String CLAIM_NAME = "name";
    private static final String CLAIM_EMAIL = "email";
    private static final String CLAIM_ROLE = "role";
    private static final String ROLE_ADMIN = "admin";

    private final SecretKey key;
    private final String issuer;
    private final java.time.Duration ttl;
    private final Clock clock;

    public AdminTokens(JwtProperties properties) {
        this(properties, Clock.systemUTC());
    }

    public AdminTokens(JwtProperties properties, Clock clock) {
        byte[] secret = properties.secret() == null ? new byte[0] : properties.secret().getBytes(StandardCharsets.UTF_8);
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("The JWT secret must be at least " + MIN_SECRET_BYTES
                    + " bytes (256 bits); set JWT_SECRET");
        }
        this.key = Keys.hmacShaKeyFor(secret);
        this.issuer = properties.issuer();
        this.ttl = properties.ttl();
        this.clock = clock;
    }

    public IssuedToken issue(AdminPrincipal admin) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(ttl);
        String token = Jwts.builder()
                .issuer(issuer)
                .subject(Long.toString(admin.id()))
                .claim(CLAIM_NAME, admin.name())
                .claim(CLAIM_EMAIL, admin.email())
                .claim(CLAIM_ROLE, ROLE_ADMIN)
                .issuedAt(Date.from(now))
                .expiration(Date.from(expiresAt))
                .signWith(key, Jwts.SIG.HS256)
                .compact();
        return new IssuedToken(token, expiresAt);
    }

    /** Verifies a token; the failure says why in words fit for a 401 response. */
    public Verification verify(String token) {
        if (token == null || token.isBlank()) {
            return Verification.failed("Missing admin token");
        }
        try {
            Claims claims = Jwts.parser()
                    .verifyWith(key)
                    .requireIssuer(issuer)
                    .clock(() -> Date.from(clock.instant()))
                    .build()
                    .parseSignedClaims(token)
                    .getPayload();
            if (claims.getExpiration() == null) {
                return Verification.failed("Admin token has no expiry");
            }
            if (!ROLE_ADMIN.equals(claims.get(CLAIM_ROLE, String.class))) {
                return Verification.failed("Token is not an admin token");
            }
            long id = Long.parseLong(claims.getSubject());
            return new Verification(Optional.of(new AdminPrincipal(id,
                    claims.get(CLAIM_NAME, String.class), claims.get(CLAIM_EMAIL, String.class))), null);
        } catch (ExpiredJwtException e) {
            return Verification.failed("Admin token has expired; please log in again");
        } catch (JwtException | IllegalArgumentException e) {
            return Verification.failed("Admin token is not valid");
        }
    }

    /** The token and when it stops working. */
    public record IssuedToken(String token, Instant expiresAt) {
    }

    /** Either the admin, or the reason the token was refused. */
    public record Verification(Optional<AdminPrincipal> admin, String failure) {

        public static Verification failed(String reason) {
            return new Verification(Optional.empty(), reason);
        }

        public boolean valid() {
            return admin.isPresent();
        }
    }
}
