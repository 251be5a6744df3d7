package io.portfoliochat.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BusinessHoursTest {

    private final BusinessHours jakartaWeekdays = new BusinessHours(true, "Asia/Jakarta", List.of(
            new BusinessHours.DailyHours(DayOfWeek.MONDAY, "09:00", "17:00")));

    @Test
    void openingHoursAreReadInTheOwnersTimeZone() {
        // 02:30 UTC on a Monday is 09:30 in Jakarta (UTC+7): open.
        assertThat(jakartaWeekdays.openAt(Instant.parse("2026-01-26T02:30:00Z"))).isTrue();
        // 10:30 UTC on Monday is 17:30 in Jakarta: closed (close is exclusive).
        assertThat(jakartaWeekdays.openAt(Instant.parse("2026-01-26T10:30:00Z"))).isFalse();
        // Sunday 23:30 UTC is already Monday 06:30 in Jakarta: before opening.
        assertThat(jakartaWeekdays.openAt(Instant.parse("2026-01-25T23:30:00Z"))).isFalse();
    }

    @Test
    void disabledOrMissingBusinessHoursMeanTheOwnerIsAlwaysExpected() {
        BusinessHours disabled = new BusinessHours(false, "Asia/Jakarta", List.of());
        assertThat(disabled.openAt(Instant.parse("2026-01-25T23:30:00Z"))).isTrue();
        assertThat(ChatSettings.defaults().ownerExpectedAt(Instant.now())).isTrue();
    }
}
