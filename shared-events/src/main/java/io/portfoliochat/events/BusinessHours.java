package io.portfoliochat.events;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Weekly opening hours in the owner's time zone.
 *
 * @param timezone an IANA zone id such as {@code Asia/Jakarta}
 * @param days     opening intervals; a day without an entry is closed. Times are {@code HH:mm}.
 */
public record BusinessHours(boolean enabled, String timezone, List<DailyHours> days) {

    public BusinessHours {
        days = days == null ? List.of() : List.copyOf(days);
    }

    /** Open at that instant; always true when business hours are disabled. */
    public boolean openAt(Instant instant) {
        if (!enabled) {
            return true;
        }
        ZonedDateTime local = instant.atZone(ZoneId.of(timezone));
        LocalTime time = local.toLocalTime();
        for (DailyHours day : days) {
            if (day.day() == local.getDayOfWeek()
                    && !time.isBefore(LocalTime.parse(day.open()))
                    && time.isBefore(LocalTime.parse(day.close()))) {
                return true;
            }
        }
        return false;
    }

    /** One opening interval, {@code open} inclusive and {@code close} exclusive, both {@code HH:mm}. */
    public record DailyHours(DayOfWeek day, String open, String close) {
    }
}
