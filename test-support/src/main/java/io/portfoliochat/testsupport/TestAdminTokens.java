package io.portfoliochat.testsupport;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import io.portfoliochat.support.security.AdminPrincipal;
import io.portfoliochat.support.security.AdminTokens;
import io.portfoliochat.support.security.JwtProperties;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;

/** Admin tokens for tests: valid ones signed with the test secret, and every kind of bad one. */
public final class TestAdminTokens {

    /** The JWT secret every {@link ServiceIntegrationTest} context uses. */
    public static final String SECRET = "test-secret-for-integration-tests-only-0123456789abcdef";
    public static final String ISSUER = "portfolio-chat";
    public static final AdminPrincipal ADMIN = new AdminPrincipal(1, "Rina Kusuma", "rina@example.com");

    private TestAdminTokens() {
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    public static String valid() {
        return valid(ADMIN);
    }

    public static String valid(AdminPrincipal admin) {
        return new AdminTokens(new JwtProperties(SECRET, ISSUER, Duration.ofHours(1))).issue(admin).token();
    }

    public static String expired() {
        Clock twoHoursAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
        return new AdminTokens(new JwtProperties(SECRET, ISSUER, Duration.ofHours(1)), twoHoursAgo).issue(ADMIN).token();
    }

    public static String signedWithAnotherKey() {
        return new AdminTokens(new JwtProperties("another-secret-that-is-long-enough-0123456789", ISSUER, Duration.ofHours(1)))
                .issue(ADMIN).token();
    }

    public static String withWrongIssuer() {
        return new AdminTokens(new JwtProperties(SECRET, "someone-else", Duration.ofHours(1))).issue(ADMIN).token();
    }

    /** An unsigned token ({@code alg: none}) carrying admin claims: must never be accepted. */
    public static String unsigned() {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        String header = encoder.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        long exp = Instant.now().plus(Duration.ofHours(1)).getEpochSecond();
        String claims = encoder.encodeToString(("{\"iss\":\"" + ISSUER + "\",\"sub\":\"1\",\"name\":\"Rina\",\"role\":\"admin\",\"exp\":"
                + exp + "}").getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + ".";
    }

    /** Correctly signed and unexpired, but without the admin role claim. */
    public static String withoutAdminRole() {
        return Jwts.builder().issuer(ISSUER).subject("1")
                .expiration(Date.from(Instant.now().plus(Duration.ofHours(1))))
                .signWith(Keys.hmacShaKeyFor(SECRET.getBytes(StandardCharsets.UTF_8)), Jwts.SIG.HS256)
                .compact();
    }
}
