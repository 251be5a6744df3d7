package io.portfoliochat.ai.offline;

import io.portfoliochat.ai.language.Language;
import io.portfoliochat.ai.language.LanguageDetector;
import java.util.List;

/** Small language helpers for composing replies: lists, quoting, sentence ends. */
final class Phrasing {

    private Phrasing() {
    }

    static String pick(Language language, String english, String indonesian) {
        return language == Language.ID ? indonesian : english;
    }

    /** "A", "A and B", "A, B and C" / "A, B, dan C". */
    static String list(Language language, List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        if (items.size() == 1) {
            return items.get(0);
        }
        String and = language == Language.ID ? "dan" : "and";
        if (items.size() == 2) {
            return items.get(0) + " " + and + " " + items.get(1);
        }
        String head = String.join(", ", items.subList(0, items.size() - 1));
        return head + (language == Language.ID ? ", " : " ") + and + " " + items.get(items.size() - 1);
    }

    /**
     * Portfolio text as it is written; in “quotes” when it is in the other language, so the reply
     * stays in the visitor's language while quoting the owner verbatim.
     */
    static String verbatim(Language replyLanguage, String text) {
        String trimmed = text.trim();
        boolean otherLanguage = LanguageDetector.detect(trimmed).map(language -> language != replyLanguage).orElse(false);
        if (!otherLanguage) {
            return trimmed;
        }
        String inner = trimmed.endsWith(".") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
        return "“" + inner + "”";
    }

    static String sentence(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            return trimmed;
        }
        char last = trimmed.charAt(trimmed.length() - 1);
        return last == '.' || last == '!' || last == '?' ? trimmed : trimmed + ".";
    }

    static String article(String noun) {
        if (noun == null || noun.isBlank()) {
            return "";
        }
        char first = Character.toLowerCase(noun.trim().charAt(0));
        return "aeiou".indexOf(first) >= 0 ? "an" : "a";
    }
}
