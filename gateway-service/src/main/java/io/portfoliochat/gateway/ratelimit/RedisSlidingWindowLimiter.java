package io.portfoliochat.gateway.ratelimit;

import io.portfoliochat.gateway.ratelimit.RateLimitProperties.Quota;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * The sliding-window log in Redis, decided atomically by one Lua script on the Redis clock, so
 * several gateway instances share each caller's count exactly.
 */
final class RedisSlidingWindowLimiter implements SlidingWindowLimiter {

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> SCRIPT =
            RedisScript.of(new ClassPathResource("ratelimit/sliding-window.lua"), List.class);

    private final ReactiveStringRedisTemplate redis;
    private final String keyPrefix;

    RedisSlidingWindowLimiter(ReactiveStringRedisTemplate redis, String keyPrefix) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
    }

    @Override
    public Mono<Decision> tryAcquire(String key, List<Quota> quotas) {
        List<String> arguments = new ArrayList<>();
        arguments.add(UUID.randomUUID().toString());
        for (Quota quota : quotas) {
            arguments.add(Integer.toString(quota.limit()));
            arguments.add(Long.toString(quota.window().toMillis()));
        }
        return redis.execute(SCRIPT, List.of(keyPrefix + key), arguments)
                .next()
                .map(result -> toDecision(result, quotas));
    }

    private static Decision toDecision(List<?> result, List<Quota> quotas) {
        long waitMillis = ((Number) result.get(0)).longValue();
        if (waitMillis <= 0) {
            return Decision.ADMITTED;
        }
        int refusedBy = ((Number) result.get(1)).intValue();
        return Decision.refused(quotas.get(refusedBy - 1), Duration.ofMillis(waitMillis));
    }
}
