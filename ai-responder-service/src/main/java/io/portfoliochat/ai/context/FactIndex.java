package io.portfoliochat.ai.context;

import io.portfoliochat.ai.language.Tokens;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Okapi BM25 over the facts. A query term reaches the index through its exact token, tokens it is
 * a prefix of (or that are a prefix of it, four letters or more: "postgres" finds "postgresql"),
 * and its aliases and categories; an empty expansion means the portfolio never mentions it.
 */
public final class FactIndex {

    private static final double K1 = 1.2;
    private static final double B = 0.75;
    private static final int MIN_PREFIX = 4;

    private final List<PortfolioFact> facts;
    private final List<Map<String, Integer>> termFrequencies = new ArrayList<>();
    private final int[] lengths;
    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private final double averageLength;

    FactIndex(List<PortfolioFact> facts) {
        this.facts = facts;
        this.lengths = new int[facts.size()];
        long total = 0;
        for (int i = 0; i < facts.size(); i++) {
            Map<String, Integer> frequencies = new HashMap<>();
            List<String> tokens = Tokens.of(facts.get(i).searchText());
            tokens.forEach(token -> frequencies.merge(token, 1, Integer::sum));
            termFrequencies.add(frequencies);
            lengths[i] = tokens.size();
            total += tokens.size();
            frequencies.keySet().forEach(term -> documentFrequency.merge(term, 1, Integer::sum));
        }
        this.averageLength = facts.isEmpty() ? 1 : Math.max(1, (double) total / facts.size());
    }

    /** True when the portfolio contains the folded token itself. */
    public boolean containsExactly(String token) {
        return documentFrequency.containsKey(token);
    }

    /** The index terms a folded query token stands for, with their weights; empty when none. */
    public Map<String, Double> expand(String token) {
        Map<String, Double> terms = new LinkedHashMap<>();
        if (documentFrequency.containsKey(token)) {
            terms.put(token, 1.0);
        }
        if (token.length() >= MIN_PREFIX) {
            for (String term : documentFrequency.keySet()) {
                if (!term.equals(token) && term.length() >= MIN_PREFIX && (term.startsWith(token) || token.startsWith(term))) {
                    terms.putIfAbsent(term, 0.8);
                }
            }
        }
        for (String related : TermSynonyms.of(token)) {
            if (documentFrequency.containsKey(related)) {
                terms.putIfAbsent(related, 0.7);
            }
        }
        return terms;
    }

    /** BM25 score of every fact for the weighted terms, best first, zero scores left out. */
    public List<ScoredFact> search(Map<String, Double> weightedTerms) {
        List<ScoredFact> scored = new ArrayList<>();
        for (int i = 0; i < facts.size(); i++) {
            double score = score(i, weightedTerms);
            if (score > 0) {
                scored.add(new ScoredFact(facts.get(i), score));
            }
        }
        scored.sort(Comparator.comparingDouble(ScoredFact::score).reversed());
        return scored;
    }

    /** Scores of all facts (zero included), in fact order. */
    public Map<String, Double> scores(Map<String, Double> weightedTerms) {
        Map<String, Double> scores = new LinkedHashMap<>();
        for (int i = 0; i < facts.size(); i++) {
            scores.put(facts.get(i).id(), score(i, weightedTerms));
        }
        return scores;
    }

    private double score(int document, Map<String, Double> weightedTerms) {
        double score = 0;
        Map<String, Integer> frequencies = termFrequencies.get(document);
        for (Map.Entry<String, Double> term : weightedTerms.entrySet()) {
            Integer frequency = frequencies.get(term.getKey());
            if (frequency == null) {
                continue;
            }
            score += term.getValue() * idf(term.getKey())
                    * frequency * (K1 + 1) / (frequency + K1 * (1 - B + B * lengths[document] / averageLength));
        }
        return score;
    }

    private double idf(String term) {
        int df = documentFrequency.getOrDefault(term, 0);
        return Math.log(1 + (facts.size() - df + 0.5) / (df + 0.5));
    }

    Set<String> vocabulary() {
        return documentFrequency.keySet();
    }
}
