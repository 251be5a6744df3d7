package io.portfoliochat.realtime.fanout;

import io.portfoliochat.events.AiReplyMetadata;
import java.time.Instant;
import java.util.List;

/**
 * The data of every event the fan-out pushes (docs/realtime.md has the table). Field names are the
 * front end's contract; absent optional fields are left out of the JSON.
 */
final class Payloads {

    private Payloads() {
    }

    /** {@code new-message} on the conversation channel. */
    record NewMessage(long id, long seq, long conversationId, String content, String senderType, String senderName,
                      Instant createdAt, boolean isRead, String clientMessageId, AiReplyMetadata metadata,
                      HandOff handOff) {
    }

    record HandOff(String reason) {
    }

    /** What replaces an event too big to push: enough to fetch the real thing. */
    record MessageReference(long id, long seq, long conversationId, String senderType, Instant createdAt,
                            boolean truncated) {
    }

    /** {@code new-message-alert} on the admin channel, for every sender (the UI sounds only for visitors). */
    record NewMessageAlert(long conversationId, long messageId, long seq, String messagePreview, String senderType,
                           String senderName, String visitorName, Instant createdAt) {
    }

    /** {@code new-conversation} on the admin channel. */
    record NewConversation(long conversationId, String visitorId, String visitorName, String visitorEmail,
                           String firstMessage, Instant createdAt) {
    }

    /** {@code message-read} on the conversation channel. */
    record MessageRead(long conversationId, List<Long> messageIds, String readerType, Instant readAt) {
    }

    /** {@code conversation-updated} on the conversation channel and the admin channel. */
    record ConversationUpdated(long conversationId, String status, boolean isAiHandled, String changedBy,
                               Instant updatedAt) {
    }

    /** {@code ai-typing} on the conversation channel. */
    record AiTyping(long conversationId, boolean isTyping, String replyId) {
    }

    /** {@code ai-reply-chunk} on the conversation channel: a reply growing while it is generated. */
    record AiReplyChunk(long conversationId, String replyId, int index, String delta) {
    }

    record AiReplyChunkReference(long conversationId, String replyId, int index, boolean truncated) {
    }

    /** {@code ai-handoff} on the admin channel. */
    record AiHandoff(long conversationId, String replyId, String reason, String detail, String messagePreview,
                     List<Long> inReplyTo, Instant handedOffAt) {
    }

    /** {@code ai-settings-changed} on the admin channel. */
    record AiSettingsChanged(boolean aiEnabled, String changedBy, List<String> changedFields, Instant changedAt) {
    }

    /** Any other event that would not fit: only which conversation to refresh. */
    record ConversationReference(long conversationId, boolean truncated) {
    }
}
