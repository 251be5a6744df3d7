package io.portfoliochat.admin.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailureCounterTest {

    private static final LoginThrottleProperties PROPERTIES = new LoginThrottleProperties(3, 10, Duration.ofMinutes(15),
            Duration.ofMinutes(1), Duration.ofMinutes(5), 1, 4);
    private final FailureCounter counter = new FailureCounter(3, PROPERTIES);
    private Instant now = Instant.parse("2026-01-28T09:00:00Z");

    @Test
    void keyIsLockedForTheFirstLockoutAfterMaxFailures() {
        fail("owner", 3);

        assertThat(counter.reserve("owner", now)).contains(Duration.ofMinutes(1));
        now = now.plusSeconds(59);
        assertThat(counter.reserve("owner", now)).contains(Duration.ofSeconds(1));
        now = now.plusSeconds(1);
        assertThat(counter.reserve("owner", now)).isEmpty();
    }

    @Test
    void lockoutDoublesWithEachFurtherFailureUpToTheMaximum() {
        fail("owner", 3);
        Duration expected = Duration.ofMinutes(1);
        for (Duration next : new Duration[] {Duration.ofMinutes(2), Duration.ofMinutes(4), Duration.ofMinutes(5), Duration.ofMinutes(5)}) {
            now = now.plus(expected);
            fail("owner", 1);
            assertThat(counter.reserve("owner", now)).contains(next);
            expected = next;
        }
    }

    @Test
    void aQuietPeriodAfterTheLockoutForgivesEverything() {
        fail("owner", 3);
        now = now.plus(Duration.ofMinutes(1)).plus(Duration.ofMinutes(15));
        fail("owner", 2);

        assertThat(counter.reserve("owner", now)).isEmpty();
    }

    @Test
    void onlyAsManyAttemptsRunAtOnceAsTheKeyHasFailuresLeft() {
        fail("owner", 1);
        assertThat(counter.reserve("owner", now)).isEmpty();
        assertThat(counter.reserve("owner", now)).isEmpty();

        assertThat(counter.reserve("owner", now)).contains(Duration.ofSeconds(1));
        counter.released("owner");
        assertThat(counter.reserve("owner", now)).isEmpty();
    }

    @Test
    void successWithForgivenessClearsTheKeyAndForgetsIt() {
        fail("owner", 2);
        assertThat(counter.reserve("owner", now)).isEmpty();
        counter.succeeded("owner", true);

        assertThat(counter.tracked()).isZero();
        fail("owner", 2);
        assertThat(counter.reserve("owner", now)).isEmpty();
    }

    @Test
    void aboveItsMemoryBoundItForgetsUnlockedKeysButKeepsLockedOnes() {
        fail("locked", 3);
        for (int i = 0; i < 5; i++) {
            fail("sprayed-" + i, 1);
        }

        assertThat(counter.tracked()).isLessThanOrEqualTo(PROPERTIES.maxTrackedKeys());
        assertThat(counter.reserve("locked", now)).isPresent();
    }

    private void fail(String key, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(counter.reserve(key, now)).as("attempt %s of %s", i + 1, key).isEmpty();
            counter.failed(key, now);
        }
    }
}
