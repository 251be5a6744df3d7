package io.portfoliochat.gateway.ratelimit;

import io.portfoliochat.gateway.ratelimit.RateLimitProperties.Quota;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import reactor.core.publisher.Mono;

/**
 * Counts in Redis, and in this instance's memory while Redis fails or is slow: a Redis outage must
 * not take the chat down. Limits then hold per instance instead of across all of them. The switch
 * each way is logged once.
 */
final class RedisLimiterWithLocalFallback implements SlidingWindowLimiter {

    private static final Logger log = LoggerFactory.getLogger(RedisLimiterWithLocalFallback.class);

    private final SlidingWindowLimiter redis;
    private final SlidingWindowLimiter local;
    private final Duration redisTimeout;
    private final AtomicBoolean countingLocally = new AtomicBoolean();

    RedisLimiterWithLocalFallback(SlidingWindowLimiter redis, SlidingWindowLimiter local, Duration redisTimeout) {
        this.redis = redis;
        this.local = local;
        this.redisTimeout = redisTimeout;
    }

    @Override
    public Mono<Decision> tryAcquire(String key, List<Quota> quotas) {
        return redis.tryAcquire(key, quotas)
                .timeout(redisTimeout)
                .doOnNext(decision -> {
                    if (countingLocally.compareAndSet(true, false)) {
                        log.info("Redis answers again: rate limits are shared by all gateway instances again");
                    }
                })
                .onErrorResume(failure -> {
                    if (countingLocally.compareAndSet(false, true)) {
                        log.warn("Redis is unavailable for rate limiting ({}); counting in this instance's memory "
                                + "until it answers again", describe(failure));
                    }
                    return local.tryAcquire(key, quotas);
                });
    }

    private static String describe(Throwable failure) {
        Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
