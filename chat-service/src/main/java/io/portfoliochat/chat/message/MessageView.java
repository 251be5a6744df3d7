package io.portfoliochat.chat.message;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** A message as the API shows it (seed 6.1.1 plus seq, sender name, read time and client id). */
record MessageView(long id, long seq, long conversationId, String content, String senderType, String senderName,
                   boolean isRead, Instant readAt, JsonNode metadata, String clientMessageId, Instant createdAt) {
}
