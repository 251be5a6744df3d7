package io.portfoliochat.loadgen;

import java.time.Instant;

/**
 * Microseconds since the epoch on the machine's wall clock: the clock chat-service stamps {@code createdAt}
 * with, so arrival minus {@code createdAt} is a latency when clients and services share one machine.
 */
public final class WallClock {

    private WallClock() {
    }

    public static long micros() {
        return micros(Instant.now());
    }

    public static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }
}
