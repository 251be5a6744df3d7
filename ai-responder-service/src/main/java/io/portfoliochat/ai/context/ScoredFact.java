package io.portfoliochat.ai.context;

/** A fact and how well it matches a question. */
public record ScoredFact(PortfolioFact fact, double score) {
}
