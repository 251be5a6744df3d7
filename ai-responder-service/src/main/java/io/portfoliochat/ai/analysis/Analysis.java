package io.portfoliochat.ai.analysis;

import io.portfoliochat.ai.context.PortfolioFacts;
import io.portfoliochat.ai.context.ScoredFact;
import io.portfoliochat.ai.language.Language;
import java.util.List;
import java.util.Optional;

/**
 * What a visitor's message asks and what the portfolio has for it.
 *
 * @param topics          portfolio topics asked about, strongest first
 * @param knownFocus      the question's own subject words that the portfolio mentions (folded)
 * @param unknownKeyTerms named things (technologies, products, personal subjects) the portfolio never mentions
 * @param matches         facts ranked by BM25 for the subject words, best first
 */
public record Analysis(
        String question,
        Language language,
        Verdict verdict,
        Act act,
        boolean greeted,
        List<Topic> topics,
        TimeFilter time,
        List<String> knownFocus,
        List<String> unknownKeyTerms,
        boolean mentionsOwner,
        List<ScoredFact> matches,
        PortfolioFacts facts) {

    public Analysis {
        topics = List.copyOf(topics);
        knownFocus = List.copyOf(knownFocus);
        unknownKeyTerms = List.copyOf(unknownKeyTerms);
        matches = List.copyOf(matches);
    }

    public Optional<Topic> primaryTopic() {
        return topics.isEmpty() ? Optional.empty() : Optional.of(topics.get(0));
    }

    public boolean asks(Topic topic) {
        return topics.contains(topic);
    }

    /** A short explanation for logs and hand-off details. */
    public String describe() {
        return "verdict=" + verdict + " act=" + act + " lang=" + language.code() + " topics=" + topics
                + " focus=" + knownFocus + (unknownKeyTerms.isEmpty() ? "" : " unknown=" + unknownKeyTerms)
                + (time.active() ? " time=" + time.kind() : "");
    }
}
