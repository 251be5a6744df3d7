package io.portfoliochat.ai.respond;

import io.portfoliochat.ai.language.Language;
import io.portfoliochat.events.AiReplyMetadata;
import io.portfoliochat.events.HandOffReason;

/** What a responder produced: an answer for the visitor, or a hand-off to the admin. */
public sealed interface ResponderOutcome {

    record Answer(String content, AiReplyMetadata metadata) implements ResponderOutcome {
    }

    /**
     * @param detail   why, for the admin (never shown to the visitor)
     * @param language the visitor's language, for the notice
     */
    record HandOff(HandOffReason reason, String detail, Language language, AiReplyMetadata metadata)
            implements ResponderOutcome {
    }

    /** The reply is no longer wanted (cancelled while generating); nothing is published but typing off. */
    record Abandoned(String why) implements ResponderOutcome {
    }
}
