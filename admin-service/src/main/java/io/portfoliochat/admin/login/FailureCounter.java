package io.portfoliochat.admin.login;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins per key (an email, or a client address), in memory. After {@code maxFailures} the
 * key is locked for {@code firstLockout}, doubling with every further failure up to
 * {@code maxLockout}; a quiet period forgives everything.
 *
 * <p>An attempt is reserved <em>before</em> the password is checked, and a key only has as many
 * attempts in flight as it has failures left: a burst of parallel guesses cannot slip past the limit
 * while the (deliberately slow) password checks run.
 */
final class FailureCounter {

    private static final Duration BUSY_RETRY = Duration.ofSeconds(1);

    private final int maxFailures;
    private final LoginThrottleProperties properties;
    private final ConcurrentHashMap<String, State> states = new ConcurrentHashMap<>();

    FailureCounter(int maxFailures, LoginThrottleProperties properties) {
        this.maxFailures = maxFailures;
        this.properties = properties;
    }

    /** Reserves an attempt for the key; otherwise how long to wait before trying again. State only changes inside {@code compute}. */
    Optional<Duration> reserve(String key, Instant now) {
        Duration[] wait = new Duration[1];
        states.compute(key, (ignored, existing) -> {
            State state = existing == null ? new State() : existing;
            state.forgiveIfQuiet(now, properties.quietPeriod());
            if (state.locked(now)) {
                wait[0] = Duration.between(now, state.lockedUntil);
            } else if (state.inFlight >= Math.max(1, maxFailures - state.failures)) {
                wait[0] = BUSY_RETRY;
            } else {
                state.inFlight++;
            }
            return state;
        });
        if (states.size() > properties.maxTrackedKeys()) {
            forgetIdle(now);
        }
        return Optional.ofNullable(wait[0]);
    }

    void failed(String key, Instant now) {
        states.computeIfPresent(key, (ignored, state) -> {
            state.inFlight = Math.max(0, state.inFlight - 1);
            state.failures++;
            state.lastFailure = now;
            if (state.failures >= maxFailures) {
                state.lockedUntil = now.plus(lockoutAfter(state.failures));
            }
            return state;
        });
    }

    /** The attempt succeeded; {@code forgive} clears the key's failures too. */
    void succeeded(String key, boolean forgive) {
        states.computeIfPresent(key, (ignored, state) -> {
            state.inFlight = Math.max(0, state.inFlight - 1);
            if (forgive) {
                state.forgive();
            }
            return state.idle() ? null : state;
        });
    }

    /** The attempt ended without a verdict (e.g. the database failed): it does not count. */
    void released(String key) {
        succeeded(key, false);
    }

    int tracked() {
        return states.size();
    }

    private Duration lockoutAfter(int failures) {
        int doublings = Math.min(30, failures - maxFailures);
        Duration lockout = properties.firstLockout().multipliedBy(1L << doublings);
        return lockout.compareTo(properties.maxLockout()) > 0 ? properties.maxLockout() : lockout;
    }

    /** Drops forgiven keys; if that is not enough, forgets keys that are not locked (locked ones always stay). */
    private void forgetIdle(Instant now) {
        for (String key : states.keySet()) {
            states.computeIfPresent(key, (ignored, state) -> {
                state.forgiveIfQuiet(now, properties.quietPeriod());
                return state.idle() ? null : state;
            });
        }
        if (states.size() > properties.maxTrackedKeys()) {
            for (String key : states.keySet()) {
                states.computeIfPresent(key, (ignored, state) -> state.locked(now) || state.inFlight > 0 ? state : null);
            }
        }
    }

    private static final class State {
        private int failures;
        private int inFlight;
        private Instant lastFailure;
        private Instant lockedUntil;

        void forgiveIfQuiet(Instant now, Duration quietPeriod) {
            if (lastFailure == null) {
                return;
            }
            Instant quietSince = lockedUntil != null && lockedUntil.isAfter(lastFailure) ? lockedUntil : lastFailure;
            if (!now.isBefore(quietSince.plus(quietPeriod))) {
                forgive();
            }
        }

        void forgive() {
            failures = 0;
            lastFailure = null;
            lockedUntil = null;
        }

        boolean locked(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil);
        }

        boolean idle() {
            return failures == 0 && inFlight == 0 && lockedUntil == null;
        }
    }
}
