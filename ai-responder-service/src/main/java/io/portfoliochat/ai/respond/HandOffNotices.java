package io.portfoliochat.ai.respond;

import io.portfoliochat.ai.language.Language;
import io.portfoliochat.ai.language.LanguageDetector;
import io.portfoliochat.events.ChatSettings;
import io.portfoliochat.events.HandOffReason;
import java.time.Instant;
import java.util.Optional;

/**
 * What the visitor is told when the assistant hands the conversation to the owner: an honest
 * sentence about why, in the visitor's language, followed by the owner's offline message (or the
 * away message outside business hours). A bilingual message such as "Maaf... / Sorry..." is cut
 * down to the visitor's half.
 */
public final class HandOffNotices {

    private HandOffNotices() {
    }

    public static String notice(HandOffReason reason, Language lang, String owner, ChatSettings settings, Instant now) {
        boolean id = lang == Language.ID;
        String why = switch (reason) {
            case UNKNOWN_ANSWER -> id
                    ? "Saya tidak menemukan informasi itu di portofolio " + owner + ", jadi pertanyaan Anda saya teruskan ke " + owner + "."
                    : "I don't have that information in " + owner + "'s portfolio, so I've passed your question on to " + owner + ".";
            case VISITOR_ASKED_FOR_HUMAN -> id
                    ? "Baik, saya sudah memberi tahu " + owner + " bahwa Anda ingin bicara langsung."
                    : "Sure, I've let " + owner + " know that you'd like to talk to a person.";
            case PROVIDER_ERROR -> id
                    ? "Maaf, saya tidak bisa menjawab saat ini, jadi pesan Anda saya teruskan ke " + owner + "."
                    : "Sorry, I can't answer right now, so I've passed your message on to " + owner + ".";
            case REPLY_CAP_REACHED -> id
                    ? "Percakapan ini saya teruskan ke " + owner + ", yang akan melanjutkannya secara langsung."
                    : "I've passed this conversation on to " + owner + ", who will continue it personally.";
        };
        String configured = settings.ownerExpectedAt(now) ? settings.offlineMessage() : settings.awayMessage();
        return ownersMessage(configured, lang).map(message -> why + " " + message).orElse(why);
    }

    static Optional<String> ownersMessage(String configured, Language lang) {
        if (configured == null || configured.isBlank()) {
            return Optional.empty();
        }
        String[] halves = configured.split("\\s+/\\s+");
        if (halves.length == 2) {
            Optional<Language> left = LanguageDetector.detect(halves[0]);
            Optional<Language> right = LanguageDetector.detect(halves[1]);
            if (left.isPresent() && right.isPresent() && !left.equals(right)) {
                return Optional.of((left.get() == lang ? halves[0] : halves[1]).trim());
            }
        }
        return Optional.of(configured.trim());
    }
}
