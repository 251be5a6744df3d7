package io.portfoliochat.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * What travels on Kafka: a versioned envelope around one event.
 *
 * @param eventId       unique per event; consumers de-duplicate on it (at-least-once on the wire)
 * @param type          the stable wire name, see {@link EventTypes}
 * @param schemaVersion the payload's schema version
 * @param occurredAt    when the fact happened (millisecond precision)
 * @param key           the Kafka record key (conversation id, or a singleton key)
 */
public record EventEnvelope<T extends DomainEvent>(
        UUID eventId,
        String type,
        int schemaVersion,
        Instant occurredAt,
        String key,
        T payload) {

    public static <T extends DomainEvent> EventEnvelope<T> wrap(T payload) {
        return wrap(UUID.randomUUID(), Instant.now(), payload);
    }

    public static <T extends DomainEvent> EventEnvelope<T> wrap(UUID eventId, Instant occurredAt, T payload) {
        return new EventEnvelope<>(
                eventId,
                EventTypes.typeOf(payload),
                EventTypes.SCHEMA_VERSION,
                occurredAt.truncatedTo(ChronoUnit.MILLIS),
                payload.key(),
                payload);
    }

    @JsonIgnore
    public boolean isKnownType() {
        return !(payload instanceof UnknownEvent);
    }
}
