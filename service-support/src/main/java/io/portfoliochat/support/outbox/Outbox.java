package io.portfoliochat.support.outbox;

import io.portfoliochat.events.EventCodec;
import io.portfoliochat.events.EventEnvelope;
import io.portfoliochat.support.web.CorrelationId;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes an event into the outbox table as part of the caller's transaction, so the event exists
 * if and only if the state change commits. After the commit the relay is woken up and publishes
 * it right away; until Kafka acknowledges, the row stays and is retried.
 */
public class Outbox {

    private final JdbcClient jdbc;
    private final EventCodec codec;
    private final OutboxRelay relay;

    public Outbox(JdbcClient jdbc, EventCodec codec, OutboxRelay relay) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.relay = relay;
    }

    /**
     * @param logicalTopic a name from {@link io.portfoliochat.events.Topics}
     * @throws IllegalStateException when called outside a transaction (the event would be detached from its change)
     */
    public void append(String logicalTopic, EventEnvelope<?> envelope) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Outbox.append must run inside the transaction of the change it describes");
        }
        jdbc.sql("""
                        INSERT INTO outbox_event (event_id, topic, event_key, event_type, payload, correlation_id, created_at)
                        VALUES (:eventId, :topic, :key, :type, :payload, :correlationId, :createdAt)""")
                .param("eventId", envelope.eventId().toString())
                .param("topic", logicalTopic)
                .param("key", envelope.key())
                .param("type", envelope.type())
                .param("payload", codec.encode(envelope))
                .param("correlationId", MDC.get(CorrelationId.MDC_KEY))
                .param("createdAt", LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC))
                .update();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    relay.wakeUp();
                }
            });
        }
    }
}
