package io.portfoliochat.chat.message;

import io.portfoliochat.events.SenderType;
import java.time.Instant;

/** A stored message; {@code metadataJson} is the raw JSON column (AI model, tokens, sources, hand-off...). */
public record Message(
        long id,
        long conversationId,
        long seq,
        SenderType senderType,
        String senderId,
        String senderName,
        String content,
        String clientMessageId,
        Long answersMessageId,
        String metadataJson,
        Instant readAt,
        Instant createdAt) {
}
