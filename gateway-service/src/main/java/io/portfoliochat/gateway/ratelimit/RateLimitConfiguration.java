package io.portfoliochat.gateway.ratelimit;

import io.lettuce.core.ClientOptions;
import io.micrometer.core.instrument.MeterRegistry;
import io.portfoliochat.gateway.ratelimit.RateLimitProperties.Store;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RateLimitConfiguration.class);

    @Bean
    SlidingWindowLimiter slidingWindowLimiter(RateLimitProperties properties, Environment environment,
                                              ObjectProvider<ReactiveStringRedisTemplate> redis) {
        InMemorySlidingWindowLimiter inMemory = new InMemorySlidingWindowLimiter(Clock.systemUTC());
        if (storeFor(properties, environment) == Store.MEMORY) {
            log.info("Rate limits are counted in memory: each gateway instance counts on its own");
            return inMemory;
        }
        log.info("Rate limits are counted in Redis at {}:{}, shared by all gateway instances",
                environment.getProperty("spring.data.redis.host"), environment.getProperty("spring.data.redis.port"));
        return new RedisLimiterWithLocalFallback(
                new RedisSlidingWindowLimiter(redis.getObject(), properties.keyPrefix()), inMemory,
                properties.redisTimeout());
    }

    @Bean
    RateLimitFilter rateLimitFilter(SlidingWindowLimiter limiter, RateLimitProperties properties,
                                    MeterRegistry meterRegistry, GatewayProperties gatewayProperties) {
        return new RateLimitFilter(limiter, properties, meterRegistry, gatewayProperties);
    }

    /** While Redis is disconnected, fail commands at once (and count in memory) instead of queueing them. */
    @Bean
    LettuceClientOptionsBuilderCustomizer rejectRedisCommandsWhileDisconnected() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }

    static Store storeFor(RateLimitProperties properties, Environment environment) {
        if (properties.store() != null) {
            return properties.store();
        }
        String redisHost = environment.getProperty("REDIS_HOST");
        return redisHost == null || redisHost.isBlank() ? Store.MEMORY : Store.REDIS;
    }
}
