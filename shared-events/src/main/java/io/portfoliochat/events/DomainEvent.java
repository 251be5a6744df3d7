package io.portfoliochat.events;

/** The payload of an {@link EventEnvelope}. Past-tense records; the key decides the partition. */
public sealed interface DomainEvent permits ConversationEvent, ChatSettingsChanged, PortfolioChanged, UnknownEvent {

    /** The Kafka record key: the conversation id for conversation events, a fixed key for singletons. */
    String key();
}
