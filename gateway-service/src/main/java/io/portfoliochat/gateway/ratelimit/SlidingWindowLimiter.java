package io.portfoliochat.gateway.ratelimit;

import io.portfoliochat.gateway.ratelimit.RateLimitProperties.Quota;
import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Counts requests per key over sliding windows: a request is admitted (and counted) only when,
 * for every quota, fewer than {@code limit} admitted requests of the key lie within the last
 * {@code window}. Refused requests are not counted.
 */
interface SlidingWindowLimiter {

    Mono<Decision> tryAcquire(String key, List<Quota> quotas);

    /** Admitted, or refused by a quota with the time until the caller may try again. */
    record Decision(boolean admitted, Quota refusedBy, Duration retryAfter) {

        static final Decision ADMITTED = new Decision(true, null, Duration.ZERO);

        static Decision refused(Quota quota, Duration retryAfter) {
            return new Decision(false, quota, retryAfter);
        }

        /** Whole seconds for {@code Retry-After}, rounded up so a caller who waits that long gets in. */
        long retryAfterSeconds() {
            long millis = retryAfter.toMillis();
            return Math.max(1, (millis + 999) / 1000);
        }
    }
}
