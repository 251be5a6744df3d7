package io.portfoliochat.system.security;

import io.portfoliochat.support.security.AdminPrincipal;
import io.portfoliochat.support.security.AdminTokens;
import io.portfoliochat.support.security.JwtProperties;
import io.portfoliochat.testsupport.TestAdminTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The callers of the authorization matrix: nobody, two visitors (A owns the conversation under
 * test, B has its own), three kinds of forged or stale admin token, and the real admin.
 */
enum MatrixCaller {
    ANONYMOUS("anonymous"),
    VISITOR_A("visitor A"),
    VISITOR_B("visitor B"),
    EXPIRED_JWT("expired JWT"),
    ALG_NONE_JWT("alg=none JWT"),
    OTHER_KEY_JWT("JWT of another key"),
    ADMIN("admin");

    private final String label;

    MatrixCaller(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** The headers this caller sends against the running system. */
    List<String> headers(TargetSystem target, TargetSystem.Visitor a, TargetSystem.Visitor b) {
        return switch (this) {
            case ANONYMOUS -> List.of();
            case VISITOR_A -> List.of("X-Session-Token", a.token());
            case VISITOR_B -> List.of("X-Session-Token", b.token());
            case EXPIRED_JWT -> List.of("Authorization", "Bearer " + expiredToken(target));
            case ALG_NONE_JWT -> List.of("Authorization", "Bearer " + TestAdminTokens.unsigned());
            case OTHER_KEY_JWT -> List.of("Authorization", "Bearer " + TestAdminTokens.signedWithAnotherKey());
            case ADMIN -> List.of("Authorization", target.adminAuthorization());
        };
    }

    /** Signed with the stack's own JWT secret and issuer, for the stack's admin, but two hours old. */
    private static String expiredToken(TargetSystem target) {
        Clock twoHoursAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
        JwtProperties stackKey = new JwtProperties(target.secrets().jwtSecret(), TestAdminTokens.ISSUER, Duration.ofHours(1));
        return new AdminTokens(stackKey, twoHoursAgo)
                .issue(new AdminPrincipal(1, "Portfolio Owner", target.secrets().adminEmail())).token();
    }

    @Override
    public String toString() {
        return label;
    }
}
