package io.portfoliochat.events;

import java.time.Instant;

/**
 * A visitor's first message opened a conversation. Published by chat-service in the same
 * transaction as that first message (its {@link MessageCreated} follows).
 *
 * @param visitorId a public id of the visitor, never the secret session token
 */
public record ConversationStarted(
        long conversationId,
        String visitorId,
        String visitorName,
        String visitorEmail,
        String firstMessagePreview,
        Instant startedAt) implements ConversationEvent {
}
