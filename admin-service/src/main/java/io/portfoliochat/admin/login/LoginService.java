package io.portfoliochat.admin.login;

import io.micrometer.core.instrument.MeterRegistry;
import io.portfoliochat.admin.account.AdminAccounts;
import io.portfoliochat.support.security.AdminPrincipal;
import io.portfoliochat.support.security.AdminTokens;
import io.portfoliochat.support.web.ApiException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

@Service
class LoginService {

    static final String INVALID_CREDENTIALS = "Invalid email or password";
    private static final Logger log = LoggerFactory.getLogger(LoginService.class);

    private final AdminAccounts accounts;
    private final AdminTokens tokens;
    private final LoginThrottle throttle;
    private final MeterRegistry meters;

    LoginService(AdminAccounts accounts, AdminTokens tokens, LoginThrottle throttle, ObjectProvider<MeterRegistry> meters) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.throttle = throttle;
        this.meters = meters.getIfAvailable();
    }

    LoginResponse login(LoginRequest request, String clientAddress) {
        String email = AdminAccounts.normalizeEmail(request.email());
        LoginThrottle.Attempt attempt;
        try {
            attempt = throttle.begin(email, clientAddress);
        } catch (LoginThrottledException e) {
            count("throttled");
            log.warn("Admin login refused: too many failures (from {}, retry after {} s)", clientAddress, e.retryAfterSeconds());
            throw e;
        }
        try (attempt) {
            Optional<AdminPrincipal> admin = accounts.authenticate(email, request.password());
            if (admin.isEmpty()) {
                attempt.failed();
                count("failure");
                log.info("Admin login failed (from {})", clientAddress);
                throw ApiException.unauthorized(INVALID_CREDENTIALS);
            }
            attempt.succeeded();
            count("success");
            AdminTokens.IssuedToken token = tokens.issue(admin.get());
            log.info("Admin {} logged in (from {})", admin.get().id(), clientAddress);
            return new LoginResponse(token.token(), token.expiresAt(),
                    new LoginResponse.Admin(admin.get().id(), admin.get().name(), admin.get().email()));
        }
    }

    private void count(String outcome) {
        if (meters != null) {
            meters.counter("admin.login.attempts", "outcome", outcome).increment();
        }
    }
}
