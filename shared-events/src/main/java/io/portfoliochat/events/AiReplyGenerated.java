package io.portfoliochat.events;

import java.time.Instant;
import java.util.List;

/**
 * The assistant finished a reply. chat-service stores it as a message of sender {@code ai};
 * the reply is keyed by the last visitor message it answers, so the same answer delivered twice,
 * or made twice by two instances, is stored once.
 *
 * @param inReplyTo the visitor message ids this reply answers (several when they came in a burst)
 */
public record AiReplyGenerated(
        long conversationId,
        String replyId,
        List<Long> inReplyTo,
        String content,
        AiReplyMetadata metadata,
        Instant generatedAt) implements ConversationEvent {

    public AiReplyGenerated {
        inReplyTo = inReplyTo == null ? List.of() : List.copyOf(inReplyTo);
    }
}
