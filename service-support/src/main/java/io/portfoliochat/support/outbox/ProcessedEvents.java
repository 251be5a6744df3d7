package io.portfoliochat.support.outbox;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The idempotent-consumer table: a consumer records each event it handled in the same transaction
 * as the effect, so a redelivered event is recognised and skipped.
 */
public class ProcessedEvents {

    private final JdbcClient jdbc;

    public ProcessedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the event as handled by {@code consumer}.
     *
     * @return true the first time; false when it was handled before (the caller then does nothing)
     */
    public boolean firstTime(String consumer, UUID eventId) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("ProcessedEvents.firstTime must run inside the transaction of the effect");
        }
        return jdbc.sql("""
                        INSERT IGNORE INTO processed_event (consumer, event_id, processed_at)
                        VALUES (:consumer, :eventId, :processedAt)""")
                .param("consumer", consumer)
                .param("eventId", eventId.toString())
                .param("processedAt", LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC))
                .update() == 1;
    }

    /** Forgets events older than the given age (well beyond the topics' retention). */
    public int forgetOlderThan(Duration age) {
        return jdbc.sql("DELETE FROM processed_event WHERE processed_at < :cutoff")
                .param("cutoff", LocalDateTime.ofInstant(Instant.now().minus(age), ZoneOffset.UTC))
                .update();
    }
}
