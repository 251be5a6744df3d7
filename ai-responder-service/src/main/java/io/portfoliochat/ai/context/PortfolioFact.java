package io.portfoliochat.ai.context;

import java.util.List;

/**
 * One retrievable piece of the portfolio, with the verbatim values an answer may quote.
 *
 * @param id          where it comes from, e.g. {@code techStack[1]} or {@code career[0].projectList[1]}
 *                    (reported as the reply's sources)
 * @param title       the fact's name: a technology, a role, a project, a value, the location...
 * @param detail      its description, verbatim (may be null)
 * @param items       list values (interests, a role's tech stack)
 * @param careerIndex the career entry the fact belongs to, or -1
 * @param searchText  the field-weighted text it is retrieved by
 */
public record PortfolioFact(String id, FactType type, String title, String detail, List<String> items, int careerIndex,
                            String searchText) {

    public PortfolioFact {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public boolean inCareer() {
        return careerIndex >= 0;
    }
}
