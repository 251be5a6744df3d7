package io.portfoliochat.admin.portfolio;

import io.portfoliochat.events.Portfolio;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The portfolio as {@code PUT /api/portfolio} accepts it: the shape of {@link Portfolio} (SPEC §4)
 * with its limits. {@code about}, {@code techStack} and {@code career} must all be sent (a
 * replacement that silently dropped a section would wipe it); lists inside entries may be left out.
 */
record PortfolioDocument(
        @NotNull @Valid About about,
        @NotNull @Size(max = MAX_ITEMS) List<@NotNull @Valid TechStackItem> techStack,
        @NotNull @Size(max = MAX_ITEMS) List<@NotNull @Valid CareerEntry> career) {

    static final int MAX_ITEMS = 100;
    static final int MAX_NESTED_ITEMS = 50;
    static final int MAX_LINE = 255;
    static final int MAX_SHORT = 100;
    static final int MAX_PARAGRAPH = 2000;
    static final int MAX_NARRATIVE = 10000;
    static final String COLOUR = "^$|^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$";
    static final String COLOUR_MESSAGE = "must be a colour such as #1f6feb, or empty";

    record About(
            @NotBlank @Size(max = MAX_LINE) String name,
            @Size(max = MAX_LINE) String title,
            @Size(max = MAX_LINE) String location,
            @Size(max = MAX_LINE) String narrativeTitle,
            @Size(max = MAX_NARRATIVE) String narrativeContent,
            @Size(max = MAX_NESTED_ITEMS) List<@NotNull @Valid CoreValue> coreValues,
            @Size(max = MAX_NESTED_ITEMS) List<@NotNull @Size(max = MAX_SHORT) String> interests) {
    }

    record CoreValue(
            @Size(max = MAX_SHORT) String icon,
            @NotBlank @Size(max = MAX_LINE) String title,
            @Size(max = MAX_PARAGRAPH) String description) {
    }

    record TechStackItem(
            @NotBlank @Size(max = MAX_LINE) String title,
            @Size(max = MAX_PARAGRAPH) String description,
            @Size(max = MAX_SHORT) String iconName,
            @Pattern(regexp = COLOUR, message = COLOUR_MESSAGE) String iconColor,
            @Pattern(regexp = COLOUR, message = COLOUR_MESSAGE) String bgColor) {
    }

    record CareerEntry(
            @Size(max = MAX_SHORT) String year,
            @NotBlank @Size(max = MAX_LINE) String title,
            @Size(max = MAX_LINE) String subtitle,
            @Size(max = MAX_NARRATIVE) String description,
            @Size(max = MAX_NESTED_ITEMS) List<@NotNull @Size(max = MAX_SHORT) String> techStack,
            @Size(max = MAX_NESTED_ITEMS) List<@NotNull @Size(max = MAX_LINE) String> keyProjects,
            @Size(max = MAX_NESTED_ITEMS) List<@NotNull @Valid Project> projectList,
            @Size(max = MAX_NESTED_ITEMS) List<@NotNull @Size(max = MAX_PARAGRAPH) String> bulletPoints) {
    }

    record Project(@NotBlank @Size(max = MAX_LINE) String name, @Size(max = MAX_SHORT) String type) {
    }

    Portfolio toPortfolio() {
        return new Portfolio(
                new Portfolio.About(about.name(), about.title(), about.location(), about.narrativeTitle(),
                        about.narrativeContent(),
                        about.coreValues() == null ? null : about.coreValues().stream()
                                .map(value -> new Portfolio.CoreValue(value.icon(), value.title(), value.description())).toList(),
                        about.interests()),
                techStack.stream().map(item -> new Portfolio.TechStackItem(item.title(), item.description(), item.iconName(),
                        item.iconColor(), item.bgColor())).toList(),
                career.stream().map(entry -> new Portfolio.CareerEntry(entry.year(), entry.title(), entry.subtitle(),
                        entry.description(), entry.techStack(), entry.keyProjects(),
                        entry.projectList() == null ? null : entry.projectList().stream()
                                .map(project -> new Portfolio.Project(project.name(), project.type())).toList(),
                        entry.bulletPoints())).toList());
    }
}
