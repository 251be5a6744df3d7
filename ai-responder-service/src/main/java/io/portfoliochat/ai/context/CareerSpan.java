package io.portfoliochat.ai.context;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A career entry's period, read from its free-text {@code year} ("2018 - 2022", "2022 - Present",
 * "Jan 2021 – sekarang", "2020"), so questions such as "before 2022" or "now" can be answered.
 *
 * @param end {@link Integer#MAX_VALUE} while the entry is ongoing
 */
public record CareerSpan(int index, String company, String role, String period, int start, int end, boolean ongoing) {

    private static final Pattern YEAR = Pattern.compile("(19|20)\\d{2}");
    private static final Pattern ONGOING = Pattern.compile(
            "present|now|current|today|ongoing|sekarang|saat ini|kini|hingga kini|sampai sekarang|skrg");

    public static CareerSpan of(int index, String company, String role, String period) {
        String text = period == null ? "" : period.toLowerCase(Locale.ROOT);
        Matcher years = YEAR.matcher(text);
        int first = -1;
        int last = -1;
        while (years.find()) {
            int year = Integer.parseInt(years.group());
            first = first < 0 ? year : Math.min(first, year);
            last = Math.max(last, year);
        }
        boolean ongoing = ONGOING.matcher(text).find();
        int start = first < 0 ? Integer.MIN_VALUE : first;
        int end = ongoing ? Integer.MAX_VALUE : (last < 0 ? Integer.MIN_VALUE : last);
        return new CareerSpan(index, company, role, period, start, end, ongoing);
    }

    public boolean known() {
        return start != Integer.MIN_VALUE;
    }

    public boolean covers(int year) {
        return known() && start <= year && year <= end;
    }
}
