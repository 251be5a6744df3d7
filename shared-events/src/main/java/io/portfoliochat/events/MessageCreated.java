package io.portfoliochat.events;

import java.time.Instant;
import java.util.List;

/**
 * A message was stored. Published by chat-service for every sender; the AI's replies become
 * messages here once chat-service has stored them.
 *
 * @param seq              1-based position of the message in its conversation, without gaps:
 *                         a client that sees seq jump knows it missed messages
 * @param senderId         visitor id, admin id, or null for the AI
 * @param clientMessageId  the id the client generated for de-duplication (or the AI reply key)
 * @param inReplyTo        for AI messages: the visitor messages this answers
 * @param aiMetadata       for AI messages: provider, model, tokens, latency, sources
 * @param handOffReason    for AI hand-off notices: why the AI passed the conversation on
 */
public record MessageCreated(
        long conversationId,
        long messageId,
        long seq,
        SenderType senderType,
        String senderId,
        String senderName,
        String content,
        String clientMessageId,
        List<Long> inReplyTo,
        AiReplyMetadata aiMetadata,
        HandOffReason handOffReason,
        Instant createdAt) implements ConversationEvent {

    public MessageCreated {
        inReplyTo = inReplyTo == null ? List.of() : List.copyOf(inReplyTo);
    }
}
