package io.portfoliochat.chat.conversation;

import io.portfoliochat.events.ConversationStatus;
import io.portfoliochat.events.SenderType;
import java.time.Instant;

/** A conversation row: visitor info, the local view of status/AI handling, and its last message. */
public record Conversation(
        long id,
        String visitorId,
        String visitorName,
        String visitorEmail,
        ConversationStatus status,
        boolean aiHandled,
        long messageCount,
        int unreadByAdmin,
        Long lastMessageId,
        Instant lastMessageAt,
        SenderType lastMessageSender,
        String lastMessagePreview,
        Instant createdAt,
        Instant updatedAt) {

    public boolean activeAndAiHandled() {
        return status == ConversationStatus.ACTIVE && aiHandled;
    }
}
