package io.portfoliochat.ai.context;

import io.portfoliochat.ai.guard.InjectionGuard;
import io.portfoliochat.ai.language.Tokens;
import io.portfoliochat.events.Portfolio;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The portfolio cut into retrievable facts (about, each technology, each role, project, key
 * project and bullet point) with a BM25 index over them. Text that reads like instructions to the
 * assistant is left out: portfolio content is data, never a way to steer the assistant.
 */
public final class PortfolioFacts {

    private final Portfolio portfolio;
    private final List<PortfolioFact> facts;
    private final List<CareerSpan> careers;
    private final List<String> excluded;
    private final FactIndex index;

    private PortfolioFacts(Portfolio portfolio, List<PortfolioFact> facts, List<CareerSpan> careers, List<String> excluded) {
        this.portfolio = portfolio;
        this.facts = List.copyOf(facts);
        this.careers = List.copyOf(careers);
        this.excluded = List.copyOf(excluded);
        this.index = new FactIndex(this.facts);
    }

    public static PortfolioFacts of(Portfolio portfolio) {
        Portfolio source = portfolio == null ? Portfolio.empty() : portfolio;
        Builder builder = new Builder();
        Portfolio.About about = source.about();
        if (about != null) {
            builder.add("about.name", FactType.NAME, about.name(), null, List.of(), -1, about.name(), about.title());
            builder.add("about.title", FactType.TITLE, about.title(), null, List.of(), -1, about.title(), about.title());
            builder.add("about.location", FactType.LOCATION, about.location(), null, List.of(), -1,
                    about.location(), about.location());
            builder.add("about.narrativeTitle", FactType.NARRATIVE, about.narrativeTitle(), about.narrativeTitle(), List.of(), -1,
                    about.narrativeTitle());
            List<String> sentences = sentences(about.narrativeContent());
            for (int i = 0; i < sentences.size(); i++) {
                builder.add("about.narrativeContent[" + i + "]", FactType.NARRATIVE, null, sentences.get(i), List.of(), -1,
                        sentences.get(i));
            }
            for (int i = 0; i < about.coreValues().size(); i++) {
                Portfolio.CoreValue value = about.coreValues().get(i);
                builder.add("about.coreValues[" + i + "]", FactType.VALUE, value.title(), value.description(), List.of(), -1,
                        value.title(), value.title(), value.description());
            }
            List<String> interests = about.interests().stream().filter(PortfolioFacts::present)
                    .filter(interest -> !InjectionGuard.isInstructionInPortfolio(interest)).toList();
            if (!interests.isEmpty()) {
                builder.add("about.interests", FactType.INTERESTS, null, null, interests, -1,
                        String.join(" ", interests), String.join(" ", interests));
            }
        }
        for (int i = 0; i < source.techStack().size(); i++) {
            Portfolio.TechStackItem tech = source.techStack().get(i);
            builder.add("techStack[" + i + "]", FactType.TECH, tech.title(), tech.description(), List.of(), -1,
                    tech.title(), tech.title(), tech.title(), tech.description());
        }
        List<CareerSpan> careers = new ArrayList<>();
        for (int i = 0; i < source.career().size(); i++) {
            Portfolio.CareerEntry entry = source.career().get(i);
            careers.add(CareerSpan.of(i, entry.subtitle(), entry.title(), entry.year()));
            String where = join(entry.subtitle(), entry.year());
            String prefix = "career[" + i + "]";
            List<String> projectNames = Stream.concat(entry.keyProjects().stream(),
                    entry.projectList().stream().map(Portfolio.Project::name)).filter(PortfolioFacts::present).toList();
            builder.add(prefix, FactType.CAREER, entry.title(), entry.description(), entry.techStack(), i,
                    entry.title(), entry.subtitle(), entry.subtitle(), entry.year(), entry.description(),
                    String.join(" ", entry.techStack()), String.join(" ", projectNames));
            for (int j = 0; j < entry.keyProjects().size(); j++) {
                String name = entry.keyProjects().get(j);
                builder.add(prefix + ".keyProjects[" + j + "]", FactType.KEY_PROJECT, name, null, List.of(), i,
                        name, name, where);
            }
            for (int j = 0; j < entry.projectList().size(); j++) {
                Portfolio.Project project = entry.projectList().get(j);
                builder.add(prefix + ".projectList[" + j + "]", FactType.PROJECT, project.name(), project.type(), List.of(), i,
                        project.name(), project.name(), project.type(), where);
            }
            for (int j = 0; j < entry.bulletPoints().size(); j++) {
                String bullet = entry.bulletPoints().get(j);
                builder.add(prefix + ".bulletPoints[" + j + "]", FactType.ACHIEVEMENT, null, bullet, List.of(), i,
                        bullet, where);
            }
        }
        return new PortfolioFacts(source, builder.facts, careers, builder.excluded);
    }

    public Portfolio portfolio() {
        return portfolio;
    }

    public List<PortfolioFact> all() {
        return facts;
    }

    public List<PortfolioFact> ofType(FactType type) {
        return facts.stream().filter(fact -> fact.type() == type).toList();
    }

    public Optional<PortfolioFact> byId(String id) {
        return facts.stream().filter(fact -> fact.id().equals(id)).findFirst();
    }

    public List<CareerSpan> careers() {
        return careers;
    }

    public Optional<CareerSpan> career(int index) {
        return index >= 0 && index < careers.size() ? Optional.of(careers.get(index)) : Optional.empty();
    }

    /** Ids of portfolio text that was left out because it reads like instructions. */
    public List<String> excluded() {
        return excluded;
    }

    public FactIndex index() {
        return index;
    }

    public boolean isEmpty() {
        return facts.isEmpty();
    }

    /** The owner's full name, if the portfolio has one. */
    public Optional<String> ownerName() {
        return byId("about.name").map(PortfolioFact::title);
    }

    /** What the assistant calls the owner: the first name, or a neutral phrase. */
    public String ownerFirstName(String fallback) {
        return ownerName().map(name -> name.trim().split("\\s+")[0]).orElse(fallback);
    }

    /** Folded tokens of the owner's name, which are not a topic of their own in a question. */
    public List<String> ownerNameTokens() {
        return ownerName().map(Tokens::of).orElse(List.of());
    }

    static List<String> sentences(String text) {
        if (!present(text)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String sentence : text.trim().split("(?<=[.!?])\\s+")) {
            if (!sentence.isBlank()) {
                out.add(sentence.trim());
            }
        }
        return out;
    }

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String join(String... values) {
        return Stream.of(values).filter(PortfolioFacts::present).collect(Collectors.joining(" "));
    }

    private static final class Builder {
        private final List<PortfolioFact> facts = new ArrayList<>();
        private final List<String> excluded = new ArrayList<>();

        void add(String id, FactType type, String title, String detail, List<String> items, int careerIndex, String... searchParts) {
            if (!present(title) && !present(detail) && items.isEmpty()) {
                return;
            }
            if (InjectionGuard.isInstructionInPortfolio(title) || InjectionGuard.isInstructionInPortfolio(detail)) {
                excluded.add(id);
                return;
            }
            List<String> safeItems = items.stream().filter(PortfolioFacts::present)
                    .filter(item -> !InjectionGuard.isInstructionInPortfolio(item)).toList();
            String searchText = Stream.of(searchParts).filter(PortfolioFacts::present).collect(Collectors.joining(" \n "));
            facts.add(new PortfolioFact(id, type, blankToNull(title), blankToNull(detail),
                    Collections.unmodifiableList(safeItems), careerIndex, searchText));
        }

        private static String blankToNull(String value) {
            return present(value) ? value.trim() : null;
        }
    }
}
