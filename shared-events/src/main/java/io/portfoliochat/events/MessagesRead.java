package io.portfoliochat.events;

import java.time.Instant;
import java.util.List;

/** Messages were marked read by the other side of the conversation (drives ticks in the UI). */
public record MessagesRead(
        long conversationId,
        List<Long> messageIds,
        SenderType readerType,
        Instant readAt) implements ConversationEvent {

    public MessagesRead {
        messageIds = messageIds == null ? List.of() : List.copyOf(messageIds);
    }
}
