package io.portfoliochat.events;

import java.util.List;

/**
 * The owner's portfolio document (seed tables {@code about}, {@code tech_stack}, {@code career}).
 * The same shape is served by {@code GET /api/portfolio} and travels on the portfolio topic.
 */
public record Portfolio(About about, List<TechStackItem> techStack, List<CareerEntry> career) {

    public Portfolio {
        techStack = techStack == null ? List.of() : List.copyOf(techStack);
        career = career == null ? List.of() : List.copyOf(career);
    }

    public static Portfolio empty() {
        return new Portfolio(null, List.of(), List.of());
    }

    public record About(
            String name,
            String title,
            String location,
            String narrativeTitle,
            String narrativeContent,
            List<CoreValue> coreValues,
            List<String> interests) {

        public About {
            coreValues = coreValues == null ? List.of() : List.copyOf(coreValues);
            interests = interests == null ? List.of() : List.copyOf(interests);
        }
    }

    public record CoreValue(String icon, String title, String description) {
    }

    public record TechStackItem(String title, String description, String iconName, String iconColor, String bgColor) {
    }

    public record CareerEntry(
            String year,
            String title,
            String subtitle,
            String description,
            List<String> techStack,
            List<String> keyProjects,
            List<Project> projectList,
            List<String> bulletPoints) {

        public CareerEntry {
            techStack = techStack == null ? List.of() : List.copyOf(techStack);
            keyProjects = keyProjects == null ? List.of() : List.copyOf(keyProjects);
            projectList = projectList == null ? List.of() : List.copyOf(projectList);
            bulletPoints = bulletPoints == null ? List.of() : List.copyOf(bulletPoints);
        }
    }

    public record Project(String name, String type) {
    }
}
