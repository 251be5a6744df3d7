package io.portfoliochat.admin.login;

import io.portfoliochat.support.web.ApiException;
import java.time.Duration;
import org.springframework.http.HttpStatus;

/** 429: too many failed logins; answered with a Retry-After header. */
class LoginThrottledException extends ApiException {

    private final long retryAfterSeconds;

    LoginThrottledException(Duration wait) {
        this(Math.max(1, (wait.toMillis() + 999) / 1000));
    }

    private LoginThrottledException(long retryAfterSeconds) {
        super(HttpStatus.TOO_MANY_REQUESTS, "Too many failed login attempts. Try again in " + describe(retryAfterSeconds) + ".");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    private static String describe(long seconds) {
        if (seconds < 120) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = (seconds + 59) / 60;
        return minutes + " minutes";
    }
}
