package io.portfoliochat.chat.message;

import io.portfoliochat.support.web.ApiException;
import java.util.Set;
import java.util.regex.Pattern;

/** Input rules of seed 10.2, counted in characters a person sees (code points), not UTF-16 units. */
final class TextRules {

    static final int MAX_CONTENT = 2000;
    static final int MAX_NAME = 100;
    static final int MAX_EMAIL = 254;
    /**
     * Local part: letters, digits and the other characters RFC 5322 allows unquoted; domain: labels of
     * letters, digits and hyphens (international letters too). No markup, quotes or brackets.
     */
    private static final Pattern EMAIL = Pattern.compile(
            "^[\\p{L}\\p{N}.!#$%&'*+/=?^_`{|}~-]{1,64}@[\\p{L}\\p{N}-]+(\\.[\\p{L}\\p{N}-]+)+$");
    private static final Pattern CLIENT_MESSAGE_ID = Pattern.compile("^[\\x21-\\x7E]{1,64}$");
    /** Hangul fillers, halfwidth Hangul filler, braille blank. */
    private static final Set<Integer> BLANK_LETTERS = Set.of(0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800);

    private TextRules() {
    }

    /** Trimmed content; 400 when missing, blank, too long or carrying characters that are not text. */
    static String content(String content) {
        if (content == null) {
            throw ApiException.badRequest("content is required");
        }
        String trimmed = content.strip();
        if (trimmed.codePoints().noneMatch(TextRules::isVisible)) {
            throw ApiException.badRequest("content must not be empty");
        }
        requireText("content", trimmed, MAX_CONTENT);
        return trimmed;
    }

    /**
     * False for what renders as nothing: spaces of every kind (no-break ones too), format characters
     * (zero-width, bidi controls, byte order mark) and the filler letters that draw as blanks. A
     * message of only those would be an empty bubble.
     */
    private static boolean isVisible(int codePoint) {
        return !Character.isWhitespace(codePoint) && !Character.isSpaceChar(codePoint)
                && Character.getType(codePoint) != Character.FORMAT && !BLANK_LETTERS.contains(codePoint);
    }

    /** Trimmed name, or null when absent or blank. */
    static String visitorName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String trimmed = name.strip();
        requireText("visitorName", trimmed, MAX_NAME);
        if (trimmed.indexOf('\n') >= 0 || trimmed.indexOf('\r') >= 0) {
            throw ApiException.badRequest("visitorName must be a single line");
        }
        return trimmed;
    }

    static String visitorEmail(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        String trimmed = email.strip();
        if (trimmed.length() > MAX_EMAIL || !EMAIL.matcher(trimmed).matches()) {
            throw ApiException.badRequest("visitorEmail must be a valid email address");
        }
        return trimmed;
    }

    static String clientMessageId(String id) {
        if (id == null) {
            return null;
        }
        if (!CLIENT_MESSAGE_ID.matcher(id).matches()) {
            throw ApiException.badRequest("clientMessageId must be 1 to 64 visible ASCII characters");
        }
        return id;
    }

    private static void requireText(String field, String value, int maxCodePoints) {
        int codePoints = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    throw ApiException.badRequest(field + " contains invalid characters");
                }
                i++;
            } else if (Character.isLowSurrogate(c)
                    || (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
                throw ApiException.badRequest(field + " contains invalid characters");
            }
            codePoints++;
        }
        if (codePoints > maxCodePoints) {
            throw ApiException.badRequest(field + " must be at most " + maxCodePoints + " characters");
        }
    }
}
