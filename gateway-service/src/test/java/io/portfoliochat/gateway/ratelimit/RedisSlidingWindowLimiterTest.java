package io.portfoliochat.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.portfoliochat.gateway.ratelimit.RateLimitProperties.Quota;
import io.portfoliochat.gateway.ratelimit.SlidingWindowLimiter.Decision;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/** The Lua sliding-window log against the real local Redis. */
class RedisSlidingWindowLimiterTest {

    private static final String PREFIX = "test:gateway:" + UUID.randomUUID() + ":";
    private static LettuceConnectionFactory connectionFactory;
    private static ReactiveStringRedisTemplate redis;

    private final RedisSlidingWindowLimiter limiter = new RedisSlidingWindowLimiter(redis, PREFIX);

    @BeforeAll
    static void connect() {
        connectionFactory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 6379));
        connectionFactory.afterPropertiesSet();
        connectionFactory.start();
        redis = new ReactiveStringRedisTemplate(connectionFactory);
    }

    @AfterEach
    void removeKeys() {
        redis.keys(PREFIX + "*").flatMap(redis::delete).blockLast(Duration.ofSeconds(10));
    }

    @AfterAll
    static void disconnect() {
        connectionFactory.destroy();
    }

    @Test
    void admitsUpToTheLimitThenRefusesWithTheTimeUntilTheOldestLeavesTheWindow() {
        List<Quota> threePerMinute = List.of(new Quota(3, Duration.ofMinutes(1)));
        for (int i = 0; i < 3; i++) {
            assertThat(decide("visitor", threePerMinute).admitted()).isTrue();
        }

        Decision fourth = decide("visitor", threePerMinute);

        assertThat(fourth.admitted()).isFalse();
        assertThat(fourth.refusedBy()).isEqualTo(threePerMinute.get(0));
        assertThat(fourth.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
        assertThat(decide("another-visitor", threePerMinute).admitted()).isTrue();
    }

    @Test
    void everyQuotaMustAllowARequestAndTheRefusingOneIsNamed() {
        Quota perMinute = new Quota(5, Duration.ofMinutes(1));
        Quota perHour = new Quota(2, Duration.ofHours(1));
        List<Quota> quotas = List.of(perMinute, perHour);
        decide("ip", quotas);
        decide("ip", quotas);

        Decision third = decide("ip", quotas);

        assertThat(third.refusedBy()).isEqualTo(perHour);
        assertThat(third.retryAfter()).isGreaterThan(Duration.ofMinutes(59));
    }

    @Test
    void aCallerRetryingTooEarlyIsAdmittedOnceTheWindowHasPassedBecauseRefusalsAreNotCounted() {
        List<Quota> twoPerSecond = List.of(new Quota(2, Duration.ofSeconds(1)));
        decide("eager", twoPerSecond);
        decide("eager", twoPerSecond);
        assertThat(decide("eager", twoPerSecond).admitted()).isFalse();

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> decide("eager", twoPerSecond).admitted());
    }

    @Test
    void storesTheLogUnderThePrefixWithAnExpiry() {
        decide("visitor", List.of(new Quota(10, Duration.ofMinutes(1))));

        Duration ttl = redis.getExpire(PREFIX + "visitor").block(Duration.ofSeconds(5));
        assertThat(ttl).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
        assertThat(redis.opsForZSet().size(PREFIX + "visitor").block(Duration.ofSeconds(5))).isEqualTo(1);
    }

    private Decision decide(String key, List<Quota> quotas) {
        return limiter.tryAcquire(key, quotas).block(Duration.ofSeconds(10));
    }
}
