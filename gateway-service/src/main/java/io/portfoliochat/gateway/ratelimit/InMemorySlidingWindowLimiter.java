package io.portfoliochat.gateway.ratelimit;

import io.portfoliochat.gateway.ratelimit.RateLimitProperties.Quota;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Mono;

/**
 * The sliding-window log kept in this instance's memory: the store when Redis is not configured,
 * and the fallback while it is unreachable. Logs of idle keys are dropped, so memory stays bounded
 * by the callers of the last window.
 */
final class InMemorySlidingWindowLimiter implements SlidingWindowLimiter {

    private static final int SWEEP_EVERY_CALLS = 1024;

    private final ConcurrentHashMap<String, RequestLog> logs = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();
    private final Clock clock;

    InMemorySlidingWindowLimiter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Mono<Decision> tryAcquire(String key, List<Quota> quotas) {
        return Mono.fromSupplier(() -> decide(key, quotas));
    }

    Decision decide(String key, List<Quota> quotas) {
        long now = clock.millis();
        long longestWindow = quotas.stream().mapToLong(quota -> quota.window().toMillis()).max().orElse(0);
        Decision[] decision = new Decision[1];
        // compute() holds the key's lock, so concurrent requests of one caller are decided one at a time.
        logs.compute(key, (ignored, existing) -> {
            RequestLog log = existing == null ? new RequestLog() : existing;
            log.forgetUpTo(now - longestWindow);
            decision[0] = log.admit(now, longestWindow, quotas);
            return log.isEmpty() ? null : log;
        });
        if (calls.incrementAndGet() % SWEEP_EVERY_CALLS == 0) {
            sweep(now);
        }
        return decision[0];
    }

    int trackedKeys() {
        return logs.size();
    }

    private void sweep(long now) {
        for (String key : logs.keySet()) {
            logs.computeIfPresent(key, (ignored, log) -> log.expiresAt <= now ? null : log);
        }
    }

    /** Admission times of one key, oldest first. */
    private static final class RequestLog {

        private final ArrayList<Long> admittedAt = new ArrayList<>();
        private long expiresAt;

        void forgetUpTo(long cutoff) {
            int stale = 0;
            while (stale < admittedAt.size() && admittedAt.get(stale) <= cutoff) {
                stale++;
            }
            admittedAt.subList(0, stale).clear();
        }

        Decision admit(long now, long longestWindow, List<Quota> quotas) {
            long wait = 0;
            Quota refusedBy = null;
            int size = admittedAt.size();
            for (Quota quota : quotas) {
                long windowStart = now - quota.window().toMillis();
                long inWindow = admittedAt.stream().filter(time -> time > windowStart).count();
                if (inWindow >= quota.limit()) {
                    // Once this entry leaves the window, fewer than `limit` remain in it.
                    long untilFree = admittedAt.get(size - quota.limit()) + quota.window().toMillis() - now;
                    if (untilFree > wait) {
                        wait = untilFree;
                        refusedBy = quota;
                    }
                }
            }
            if (refusedBy != null) {
                return Decision.refused(refusedBy, Duration.ofMillis(wait));
            }
            admittedAt.add(size == 0 ? now : Math.max(now, admittedAt.get(size - 1)));
            expiresAt = now + longestWindow;
            return Decision.ADMITTED;
        }

        boolean isEmpty() {
            return admittedAt.isEmpty();
        }
    }
}
