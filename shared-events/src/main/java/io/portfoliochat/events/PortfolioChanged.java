package io.portfoliochat.events;

import java.time.Instant;

/** The full portfolio document after a change. Compacted topic: the latest wins. */
public record PortfolioChanged(Portfolio portfolio, String changedBy, Instant changedAt) implements DomainEvent {

    @Override
    public String key() {
        return Topics.PORTFOLIO_KEY;
    }
}
