package io.portfoliochat.chat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** DATETIME(6) columns hold UTC; these convert at the JDBC boundary so no driver or JVM zone is involved. */
public final class Times {

    private Times() {
    }

    public static LocalDateTime toDb(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static Instant fromDb(LocalDateTime value) {
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    /** Microsecond precision, as stored, so a value read back equals the one written. */
    public static Instant now(java.time.Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
