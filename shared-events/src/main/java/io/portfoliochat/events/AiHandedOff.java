package io.portfoliochat.events;

import java.time.Instant;
import java.util.List;

/**
 * The assistant passed the conversation to the admin instead of answering. chat-service stores
 * {@code visitorNotice} as the AI's message (so the visitor is told), and the admin gets an alert.
 * A structured event: nobody parses reply text to find hand-offs.
 */
public record AiHandedOff(
        long conversationId,
        String replyId,
        List<Long> inReplyTo,
        HandOffReason reason,
        String visitorNotice,
        String detail,
        Instant handedOffAt) implements ConversationEvent {

    public AiHandedOff {
        inReplyTo = inReplyTo == null ? List.of() : List.copyOf(inReplyTo);
    }
}
