package io.portfoliochat.admin.settings;

import io.portfoliochat.admin.web.PatchBody;
import io.portfoliochat.events.BusinessHours;
import io.portfoliochat.events.ChatSettings;
import io.portfoliochat.support.web.ApiException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A partial update of the chat settings and its validation. Fields are those of
 * {@link ChatSettings}; only those present change; {@code null} clears an optional text (and the
 * business hours) but is refused for booleans and numbers.
 */
final class SettingsPatch {

    static final String AI_ENABLED = "aiEnabled";
    static final String AI_MODEL = "aiModel";
    static final String AI_TEMPERATURE = "aiTemperature";
    static final String AI_SYSTEM_PROMPT = "aiSystemPrompt";
    static final String WELCOME_MESSAGE = "welcomeMessage";
    static final String OFFLINE_MESSAGE = "offlineMessage";
    static final String AWAY_MESSAGE = "awayMessage";
    static final String BUSINESS_HOURS = "businessHours";
    static final String AI_REPLY_CAP = "aiReplyCapPerConversation";
    static final List<String> FIELDS = List.of(AI_ENABLED, AI_MODEL, AI_TEMPERATURE, AI_SYSTEM_PROMPT, WELCOME_MESSAGE,
            OFFLINE_MESSAGE, AWAY_MESSAGE, BUSINESS_HOURS, AI_REPLY_CAP);

    static final int MAX_SYSTEM_PROMPT = 4000;
    static final int MAX_MESSAGE = 1000;
    static final int MAX_REPLY_CAP = 1000;
    static final int MAX_BUSINESS_HOURS_INTERVALS = 21;
    private static final Pattern MODEL = Pattern.compile("[A-Za-z0-9._:/-]{1,64}");
    private static final Pattern CLOCK_TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    private static final Set<String> BUSINESS_HOURS_FIELDS = Set.of("enabled", "timezone", "days");
    private static final Set<String> DAY_FIELDS = Set.of("day", "open", "close");
    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

    private final PatchBody body;

    private SettingsPatch(PatchBody body) {
        this.body = body;
    }

    /** Checks the shape of the body (an object with known fields); values are checked by {@link #applyTo}. */
    static SettingsPatch of(JsonNode body) {
        return new SettingsPatch(PatchBody.of(body, FIELDS));
    }

    /** The settings with this patch applied, or a 400 naming the first invalid field. */
    ChatSettings applyTo(ChatSettings current) {
        return new ChatSettings(
                body.has(AI_ENABLED) ? body.bool(AI_ENABLED) : current.aiEnabled(),
                body.has(AI_MODEL)
                        ? body.requiredText(AI_MODEL, 1, 64, MODEL, "may only contain letters, digits and . _ : / -")
                        : current.aiModel(),
                body.has(AI_TEMPERATURE) ? body.number(AI_TEMPERATURE, 0, 2) : current.aiTemperature(),
                body.has(AI_SYSTEM_PROMPT) ? body.optionalText(AI_SYSTEM_PROMPT, MAX_SYSTEM_PROMPT) : current.aiSystemPrompt(),
                body.has(WELCOME_MESSAGE) ? body.optionalText(WELCOME_MESSAGE, MAX_MESSAGE) : current.welcomeMessage(),
                body.has(OFFLINE_MESSAGE) ? body.optionalText(OFFLINE_MESSAGE, MAX_MESSAGE) : current.offlineMessage(),
                body.has(AWAY_MESSAGE) ? body.optionalText(AWAY_MESSAGE, MAX_MESSAGE) : current.awayMessage(),
                body.has(BUSINESS_HOURS) ? businessHours(body.node(BUSINESS_HOURS)) : current.businessHours(),
                body.has(AI_REPLY_CAP) ? body.integer(AI_REPLY_CAP, 0, MAX_REPLY_CAP) : current.aiReplyCapPerConversation());
    }

    /** The names of the fields whose value differs, in the order of {@link #FIELDS}. */
    static List<String> changedFields(ChatSettings before, ChatSettings after) {
        List<String> changed = new ArrayList<>();
        compare(changed, AI_ENABLED, before, after, ChatSettings::aiEnabled);
        compare(changed, AI_MODEL, before, after, ChatSettings::aiModel);
        compare(changed, AI_TEMPERATURE, before, after, ChatSettings::aiTemperature);
        compare(changed, AI_SYSTEM_PROMPT, before, after, ChatSettings::aiSystemPrompt);
        compare(changed, WELCOME_MESSAGE, before, after, ChatSettings::welcomeMessage);
        compare(changed, OFFLINE_MESSAGE, before, after, ChatSettings::offlineMessage);
        compare(changed, AWAY_MESSAGE, before, after, ChatSettings::awayMessage);
        compare(changed, BUSINESS_HOURS, before, after, ChatSettings::businessHours);
        compare(changed, AI_REPLY_CAP, before, after, ChatSettings::aiReplyCapPerConversation);
        return changed;
    }

    private static void compare(List<String> changed, String field, ChatSettings before, ChatSettings after,
                                Function<ChatSettings, Object> value) {
        if (!Objects.equals(value.apply(before), value.apply(after))) {
            changed.add(field);
        }
    }

    private static BusinessHours businessHours(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw ApiException.badRequest("Field 'businessHours' must be an object {enabled, timezone, days} or null");
        }
        rejectUnknown(node, BUSINESS_HOURS_FIELDS, "businessHours");
        JsonNode enabled = node.get("enabled");
        if (enabled == null || !enabled.isBoolean()) {
            throw ApiException.badRequest("Field 'businessHours.enabled' must be true or false");
        }
        JsonNode timezone = node.get("timezone");
        if (timezone == null || !timezone.isString() || !ZONES.contains(timezone.stringValue())) {
            throw ApiException.badRequest("Field 'businessHours.timezone' must be an IANA time zone such as Asia/Jakarta");
        }
        JsonNode days = node.get("days");
        List<BusinessHours.DailyHours> intervals = new ArrayList<>();
        if (days != null && !days.isNull()) {
            if (!days.isArray() || days.size() > MAX_BUSINESS_HOURS_INTERVALS) {
                throw ApiException.badRequest("Field 'businessHours.days' must be a list of at most "
                        + MAX_BUSINESS_HOURS_INTERVALS + " {day, open, close} entries");
            }
            for (int i = 0; i < days.size(); i++) {
                intervals.add(dailyHours(days.get(i), "businessHours.days[" + i + "]"));
            }
        }
        rejectOverlaps(intervals);
        return new BusinessHours(enabled.booleanValue(), timezone.stringValue(), intervals);
    }

    private static BusinessHours.DailyHours dailyHours(JsonNode node, String path) {
        if (!node.isObject()) {
            throw ApiException.badRequest("Field '" + path + "' must be an object {day, open, close}");
        }
        rejectUnknown(node, DAY_FIELDS, path);
        JsonNode day = node.get("day");
        DayOfWeek dayOfWeek = day != null && day.isString() ? dayOfWeek(day.stringValue()) : null;
        if (dayOfWeek == null) {
            throw ApiException.badRequest("Field '" + path + ".day' must be a day of the week such as MONDAY");
        }
        String open = clockTime(node.get("open"), path + ".open");
        String close = clockTime(node.get("close"), path + ".close");
        if (!LocalTime.parse(open).isBefore(LocalTime.parse(close))) {
            throw ApiException.badRequest("Field '" + path + "': open (" + open + ") must be before close (" + close + ")");
        }
        return new BusinessHours.DailyHours(dayOfWeek, open, close);
    }

    private static DayOfWeek dayOfWeek(String name) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().equals(name.toUpperCase(Locale.ROOT))) {
                return day;
            }
        }
        return null;
    }

    private static String clockTime(JsonNode node, String path) {
        if (node == null || !node.isString() || !CLOCK_TIME.matcher(node.stringValue()).matches()) {
            throw ApiException.badRequest("Field '" + path + "' must be a time of day as HH:mm, from 00:00 to 23:59");
        }
        return node.stringValue();
    }

    private static void rejectOverlaps(List<BusinessHours.DailyHours> intervals) {
        List<BusinessHours.DailyHours> sorted = intervals.stream()
                .sorted(Comparator.comparing(BusinessHours.DailyHours::day).thenComparing(BusinessHours.DailyHours::open))
                .toList();
        for (int i = 1; i < sorted.size(); i++) {
            BusinessHours.DailyHours previous = sorted.get(i - 1);
            BusinessHours.DailyHours next = sorted.get(i);
            if (previous.day() == next.day() && next.open().compareTo(previous.close()) < 0) {
                throw ApiException.badRequest("Field 'businessHours.days': the " + next.day() + " hours "
                        + previous.open() + "-" + previous.close() + " and " + next.open() + "-" + next.close() + " overlap");
            }
        }
    }

    private static void rejectUnknown(JsonNode node, Set<String> allowed, String path) {
        List<String> unknown = node.propertyNames().stream().filter(name -> !allowed.contains(name)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest("Unknown field '" + path + "." + unknown.get(0) + "' (allowed: "
                    + String.join(", ", allowed.stream().sorted().toList()) + ")");
        }
    }
}
