package io.portfoliochat.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.portfoliochat.gateway.ratelimit.RateLimitProperties.Quota;
import io.portfoliochat.gateway.ratelimit.SlidingWindowLimiter.Decision;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemorySlidingWindowLimiterTest {

    private static final List<Quota> TEN_PER_MINUTE = List.of(new Quota(10, Duration.ofMinutes(1)));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-28T09:00:00Z"));
    private final InMemorySlidingWindowLimiter limiter = new InMemorySlidingWindowLimiter(clock);

    @Test
    void theEleventhRequestWithinAnyMinuteIsRefusedUntilTheOldestLeavesTheWindow() {
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.decide("visitor", TEN_PER_MINUTE).admitted()).isTrue();
            clock.advance(Duration.ofSeconds(1));
        }
        clock.advance(Duration.ofSeconds(20));

        Decision eleventh = limiter.decide("visitor", TEN_PER_MINUTE);

        assertThat(eleventh.admitted()).isFalse();
        assertThat(eleventh.refusedBy()).isEqualTo(TEN_PER_MINUTE.get(0));
        // The first request was 30 s ago: it leaves the one-minute window in 30 s.
        assertThat(eleventh.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(eleventh.retryAfterSeconds()).isEqualTo(30);

        clock.advance(Duration.ofSeconds(29));
        assertThat(limiter.decide("visitor", TEN_PER_MINUTE).admitted()).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.decide("visitor", TEN_PER_MINUTE).admitted()).isTrue();
        assertThat(limiter.decide("visitor", TEN_PER_MINUTE).admitted()).as("the second request leaves the window only a second later")
                .isFalse();
    }

    @Test
    void aWindowSlidesRatherThanResettingAtFixedBoundaries() {
        clock.advance(Duration.ofSeconds(59));
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.decide("visitor", TEN_PER_MINUTE).admitted()).isTrue();
        }
        // A fixed window starting each minute would admit ten more here, two seconds later.
        clock.advance(Duration.ofSeconds(2));

        assertThat(limiter.decide("visitor", TEN_PER_MINUTE).admitted()).isFalse();
    }

    @Test
    void refusedRequestsAreNotCounted() {
        for (int i = 0; i < 10; i++) {
            limiter.decide("visitor", TEN_PER_MINUTE);
        }
        for (int i = 0; i < 59; i++) {
            clock.advance(Duration.ofSeconds(1));
            assertThat(limiter.decide("visitor", TEN_PER_MINUTE).admitted()).isFalse();
        }
        clock.advance(Duration.ofSeconds(1));

        assertThat(limiter.decide("visitor", TEN_PER_MINUTE).admitted()).isTrue();
    }

    @Test
    void everyQuotaMustAllowARequestAndTheStricterOneSaysHowLongToWait() {
        Quota perMinute = new Quota(3, Duration.ofMinutes(1));
        Quota perHour = new Quota(5, Duration.ofHours(1));
        List<Quota> quotas = List.of(perMinute, perHour);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.decide("ip", quotas).admitted()).isTrue();
        }
        assertThat(limiter.decide("ip", quotas).refusedBy()).isEqualTo(perMinute);

        clock.advance(Duration.ofMinutes(1));
        assertThat(limiter.decide("ip", quotas).admitted()).isTrue();
        assertThat(limiter.decide("ip", quotas).admitted()).isTrue();
        Decision refused = limiter.decide("ip", quotas);

        assertThat(refused.refusedBy()).isEqualTo(perHour);
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMinutes(59));
    }

    @Test
    void keysAreCountedSeparately() {
        for (int i = 0; i < 10; i++) {
            limiter.decide("visitor-a", TEN_PER_MINUTE);
        }

        assertThat(limiter.decide("visitor-a", TEN_PER_MINUTE).admitted()).isFalse();
        assertThat(limiter.decide("visitor-b", TEN_PER_MINUTE).admitted()).isTrue();
    }

    @Test
    void forgetsCallersOnceTheirWindowHasPassed() {
        for (int i = 0; i < 500; i++) {
            limiter.decide("caller-" + i, TEN_PER_MINUTE);
        }
        assertThat(limiter.trackedKeys()).isEqualTo(500);
        clock.advance(Duration.ofMinutes(2));

        for (int i = 0; i < 1024; i++) {
            limiter.decide("later-caller", TEN_PER_MINUTE);
        }

        assertThat(limiter.trackedKeys()).isEqualTo(1);
    }
}
