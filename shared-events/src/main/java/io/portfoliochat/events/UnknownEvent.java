package io.portfoliochat.events;

/**
 * An event of a type this build does not know (a newer producer). Consumers skip it on purpose;
 * it is never an error.
 */
public record UnknownEvent(String type, String key, String json) implements DomainEvent {
}
