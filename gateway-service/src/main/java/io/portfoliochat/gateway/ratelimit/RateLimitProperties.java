package io.portfoliochat.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Rate limits at the edge. Each action may have several quotas (e.g. per minute and per hour); a
 * request passes only when all of them allow it.
 *
 * @param store               where requests are counted: {@code redis} (shared by every gateway
 *                            instance) or {@code memory} (this instance); unset means redis when
 *                            {@code REDIS_HOST} is set, else memory
 * @param keyPrefix           prefix of every Redis key the limiter writes
 * @param redisTimeout        how long a Redis answer may take before this request is counted in memory
 * @param messagesPerSession  {@code POST /api/chat/send} by a visitor, per session token
 * @param messagesPerAdmin    {@code POST /api/chat/send} by the admin, per admin id
 * @param sessionsPerClientIp {@code POST /api/chat/session}, per client IP address
 * @param loginsPerClientIp   {@code POST /api/admin/login}, per client IP address
 */
@ConfigurationProperties("portfoliochat.gateway.rate-limit")
record RateLimitProperties(Store store, String keyPrefix, Duration redisTimeout,
                           List<Quota> messagesPerSession, List<Quota> messagesPerAdmin,
                           List<Quota> sessionsPerClientIp, List<Quota> loginsPerClientIp) {

    RateLimitProperties {
        keyPrefix = keyPrefix == null || keyPrefix.isBlank() ? "portfoliochat:gateway:rate-limit:" : keyPrefix;
        redisTimeout = redisTimeout == null ? Duration.ofMillis(500) : redisTimeout;
        messagesPerSession = orDefault(messagesPerSession, List.of(new Quota(10, Duration.ofMinutes(1))));
        messagesPerAdmin = orDefault(messagesPerAdmin, List.of(new Quota(120, Duration.ofMinutes(1))));
        sessionsPerClientIp = orDefault(sessionsPerClientIp,
                List.of(new Quota(20, Duration.ofMinutes(1)), new Quota(200, Duration.ofHours(1))));
        loginsPerClientIp = orDefault(loginsPerClientIp,
                List.of(new Quota(10, Duration.ofMinutes(1)), new Quota(50, Duration.ofHours(1))));
    }

    private static List<Quota> orDefault(List<Quota> quotas, List<Quota> fallback) {
        return quotas == null || quotas.isEmpty() ? fallback : List.copyOf(quotas);
    }

    enum Store {
        REDIS, MEMORY
    }

    /** At most {@code limit} requests within any {@code window}. */
    record Quota(int limit, Duration window) {

        Quota {
            if (limit < 1 || window == null || window.toMillis() < 1) {
                throw new IllegalArgumentException("A rate-limit quota needs a limit of at least 1 and a positive window, got "
                        + limit + " per " + window);
            }
        }
    }
}
