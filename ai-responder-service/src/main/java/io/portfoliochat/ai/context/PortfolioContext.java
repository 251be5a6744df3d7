package io.portfoliochat.ai.context;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The portfolio written out for a language model: every fact when it fits the budget, otherwise
 * the owner's basics plus the facts retrieved for the question (best first) until the budget is
 * spent, so a large portfolio never crowds out the question.
 *
 * @param text    the rendered facts, one per line, each tagged with its id
 * @param factIds the ids included, in order
 */
public record PortfolioContext(String text, List<String> factIds) {

    private static final Set<FactType> BASICS = Set.of(FactType.NAME, FactType.TITLE, FactType.LOCATION);

    public static PortfolioContext render(PortfolioFacts facts, List<ScoredFact> relevant, int budgetChars) {
        List<PortfolioFact> all = facts.all();
        String everything = all.stream().map(fact -> line(facts, fact)).collect(Collectors.joining("\n"));
        if (everything.length() <= budgetChars) {
            return new PortfolioContext(everything, all.stream().map(PortfolioFact::id).toList());
        }
        Set<PortfolioFact> chosen = new LinkedHashSet<>();
        all.stream().filter(fact -> BASICS.contains(fact.type()) || fact.type() == FactType.CAREER).forEach(chosen::add);
        relevant.forEach(match -> chosen.add(match.fact()));
        List<String> lines = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        int used = 0;
        for (PortfolioFact fact : chosen) {
            String line = line(facts, fact);
            if (used + line.length() + 1 > budgetChars) {
                continue;
            }
            lines.add(line);
            ids.add(fact.id());
            used += line.length() + 1;
        }
        return new PortfolioContext(String.join("\n", lines), ids);
    }

    static String line(PortfolioFacts facts, PortfolioFact fact) {
        StringBuilder line = new StringBuilder("- [").append(fact.id()).append("] ");
        String label = switch (fact.type()) {
            case NAME -> "Name";
            case TITLE -> "Title";
            case LOCATION -> "Location";
            case NARRATIVE -> "About";
            case VALUE -> "Core value";
            case INTERESTS -> "Interests";
            case TECH -> "Tech stack";
            case CAREER -> "Career";
            case PROJECT -> "Project";
            case KEY_PROJECT -> "Key project";
            case ACHIEVEMENT -> "Achievement";
        };
        line.append(label).append(": ");
        if (fact.type() == FactType.CAREER) {
            facts.career(fact.careerIndex()).ifPresent(span -> line.append(span.role()).append(" at ").append(span.company())
                    .append(" (").append(span.period()).append(")"));
            if (fact.detail() != null) {
                line.append(": ").append(fact.detail());
            }
            if (!fact.items().isEmpty()) {
                line.append(" Tech: ").append(String.join(", ", fact.items())).append(".");
            }
        } else {
            List<String> parts = new ArrayList<>();
            if (fact.title() != null) {
                parts.add(fact.title());
            }
            if (fact.detail() != null && !fact.detail().equals(fact.title())) {
                parts.add(fact.detail());
            }
            if (!fact.items().isEmpty()) {
                parts.add(String.join(", ", fact.items()));
            }
            line.append(String.join(" — ", parts));
            if (fact.inCareer()) {
                facts.career(fact.careerIndex()).ifPresent(span -> line.append(" (at ").append(span.company()).append(")"));
            }
        }
        return line.toString().replace('\n', ' ');
    }
}
