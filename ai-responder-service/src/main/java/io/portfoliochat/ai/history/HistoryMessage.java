package io.portfoliochat.ai.history;

import io.portfoliochat.events.SenderType;
import java.time.Instant;

/** One message of a conversation as the assistant remembers it. */
public record HistoryMessage(long messageId, long seq, SenderType senderType, String content, Instant createdAt) {
}
