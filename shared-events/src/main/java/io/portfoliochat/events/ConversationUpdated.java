package io.portfoliochat.events;

import java.time.Instant;

/**
 * The admin changed a conversation's status or AI handling (aiHandled=false: the admin took over).
 * Published by admin-service to the conversation topic and, as latest state, to the compacted
 * {@link Topics#CONVERSATION_STATE} topic.
 */
public record ConversationUpdated(
        long conversationId,
        ConversationStatus status,
        boolean aiHandled,
        String changedBy,
        Instant updatedAt) implements ConversationEvent {
}
