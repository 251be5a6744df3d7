package io.portfoliochat.events;

/** An event about one conversation; keyed by its id so all of a conversation's events keep their order. */
public sealed interface ConversationEvent extends DomainEvent
        permits ConversationStarted, MessageCreated, MessagesRead, ConversationUpdated,
                AiTyping, AiReplyChunk, AiReplyGenerated, AiHandedOff {

    long conversationId();

    @Override
    default String key() {
        return Topics.conversationKey(conversationId());
    }
}
