package io.portfoliochat.admin.portfolio;

import io.portfoliochat.events.EventEnvelope;
import io.portfoliochat.events.Portfolio;
import io.portfoliochat.events.PortfolioChanged;
import io.portfoliochat.events.Topics;
import io.portfoliochat.support.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class PortfolioService {

    static final String STARTUP_PUBLISHER = "admin-service";
    static final String DEMO_PUBLISHER = "demo portfolio";

    private final PortfolioRepository repository;
    private final Outbox outbox;
    private final Clock clock;

    PortfolioService(PortfolioRepository repository, Outbox outbox, Clock clock) {
        this.repository = repository;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Portfolio current() {
        return repository.load();
    }

    /** Replaces the whole portfolio and, in the same transaction, publishes the stored document. */
    @Transactional
    Portfolio replace(Portfolio portfolio, String changedBy) {
        repository.lock();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        repository.replace(portfolio, changedBy, now);
        Portfolio stored = repository.load();
        publish(stored, changedBy, now);
        return stored;
    }

    /** Stores the demo portfolio if nothing is stored yet; true when it did. */
    @Transactional
    boolean loadDemoIfEmpty(Portfolio demo) {
        repository.lock();
        if (!repository.isEmpty()) {
            return false;
        }
        replace(demo, DEMO_PUBLISHER);
        return true;
    }

    /** Publishes the stored portfolio (compacted topic: the latest always describes the truth). */
    @Transactional
    void publishCurrent() {
        repository.lock();
        publish(repository.load(), STARTUP_PUBLISHER, clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }

    private void publish(Portfolio portfolio, String changedBy, Instant at) {
        outbox.append(Topics.PORTFOLIO, EventEnvelope.wrap(UUID.randomUUID(), at, new PortfolioChanged(portfolio, changedBy, at)));
    }
}
