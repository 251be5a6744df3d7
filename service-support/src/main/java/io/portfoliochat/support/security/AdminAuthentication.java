package io.portfoliochat.support.security;

import io.portfoliochat.support.web.ApiException;
import java.util.Optional;

/**
 * Reads the admin from an {@code Authorization: Bearer} header. Every service checks the token
 * itself (defence in depth), even though the gateway already did.
 */
public class AdminAuthentication {

    public static final String BEARER_PREFIX = "Bearer ";

    private final AdminTokens tokens;

    public AdminAuthentication(AdminTokens tokens) {
        this.tokens = tokens;
    }

    /** The admin, or 401 with the reason. */
    public AdminPrincipal require(String authorizationHeader) {
        AdminTokens.Verification verification = check(authorizationHeader);
        return verification.admin().orElseThrow(() -> ApiException.unauthorized(verification.failure()));
    }

    /** Verifies the header's token; the failure says why (including a header that is not a Bearer one). */
    public AdminTokens.Verification check(String authorizationHeader) {
        if (authorizationHeader != null && !authorizationHeader.isBlank()
                && !authorizationHeader.regionMatches(true, 0, BEARER_PREFIX.trim(), 0, BEARER_PREFIX.trim().length())) {
            return AdminTokens.Verification.failed("Authorization must be 'Bearer <token>'");
        }
        return tokens.verify(bearerToken(authorizationHeader).orElse(null));
    }

    /** The admin when a header is present and valid; 401 when present but invalid; empty when absent. */
    public Optional<AdminPrincipal> optional(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(require(authorizationHeader));
    }

    public static Optional<String> bearerToken(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, BEARER_PREFIX, 0, BEARER_PREFIX.length())) {
            return Optional.empty();
        }
        String token = authorizationHeader.substring(BEARER_PREFIX.length()).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}
