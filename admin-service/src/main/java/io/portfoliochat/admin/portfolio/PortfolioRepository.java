package io.portfoliochat.admin.portfolio;

import io.portfoliochat.events.Portfolio;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/** The portfolio in the seed's tables about, tech_stack and career; lists inside rows are JSON columns. */
@Repository
class PortfolioRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final JavaType strings;
    private final JavaType coreValues;
    private final JavaType projects;

    PortfolioRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.strings = json.getTypeFactory().constructCollectionType(List.class, String.class);
        this.coreValues = json.getTypeFactory().constructCollectionType(List.class, Portfolio.CoreValue.class);
        this.projects = json.getTypeFactory().constructCollectionType(List.class, Portfolio.Project.class);
    }

    Portfolio load() {
        Portfolio.About about = jdbc.sql("""
                        SELECT name, title, location, narrative_title, narrative_content, core_values, interests
                        FROM about WHERE id = 1""")
                .query(this::about).optional().orElse(null);
        List<Portfolio.TechStackItem> techStack = jdbc.sql("""
                        SELECT title, description, icon_name, icon_color, bg_color FROM tech_stack ORDER BY position""")
                .query((row, n) -> new Portfolio.TechStackItem(row.getString("title"), row.getString("description"),
                        row.getString("icon_name"), row.getString("icon_color"), row.getString("bg_color")))
                .list();
        List<Portfolio.CareerEntry> career = jdbc.sql("""
                        SELECT `year`, title, subtitle, description, tech_stack, key_projects, project_list, bullet_points
                        FROM career ORDER BY position""")
                .query(this::careerEntry)
                .list();
        return new Portfolio(about, techStack, career);
    }

    boolean isEmpty() {
        return jdbc.sql("""
                        SELECT (SELECT COUNT(*) FROM about) + (SELECT COUNT(*) FROM tech_stack) + (SELECT COUNT(*) FROM career)""")
                .query(Long.class).single() == 0;
    }

    /** Locks the document until the transaction ends, so replacements apply (and are published) one after the other. */
    void lock() {
        jdbc.sql("SELECT revision FROM portfolio_revision WHERE id = 1 FOR UPDATE").query(Long.class).single();
    }

    /** Replaces everything; call with the lock held. */
    void replace(Portfolio portfolio, String updatedBy, Instant updatedAt) {
        jdbc.sql("DELETE FROM about").update();
        jdbc.sql("DELETE FROM tech_stack").update();
        jdbc.sql("DELETE FROM career").update();
        Portfolio.About about = portfolio.about();
        if (about != null) {
            jdbc.sql("""
                            INSERT INTO about (id, name, title, location, narrative_title, narrative_content, core_values, interests)
                            VALUES (1, :name, :title, :location, :narrativeTitle, :narrativeContent, :coreValues, :interests)""")
                    .param("name", about.name())
                    .param("title", about.title())
                    .param("location", about.location())
                    .param("narrativeTitle", about.narrativeTitle())
                    .param("narrativeContent", about.narrativeContent())
                    .param("coreValues", json.writeValueAsString(about.coreValues()))
                    .param("interests", json.writeValueAsString(about.interests()))
                    .update();
        }
        int position = 0;
        for (Portfolio.TechStackItem item : portfolio.techStack()) {
            jdbc.sql("""
                            INSERT INTO tech_stack (position, title, description, icon_name, icon_color, bg_color)
                            VALUES (:position, :title, :description, :iconName, :iconColor, :bgColor)""")
                    .param("position", position++)
                    .param("title", item.title())
                    .param("description", item.description())
                    .param("iconName", item.iconName())
                    .param("iconColor", item.iconColor())
                    .param("bgColor", item.bgColor())
                    .update();
        }
        position = 0;
        for (Portfolio.CareerEntry entry : portfolio.career()) {
            jdbc.sql("""
                            INSERT INTO career (position, `year`, title, subtitle, description, tech_stack, key_projects,
                                                project_list, bullet_points)
                            VALUES (:position, :year, :title, :subtitle, :description, :techStack, :keyProjects,
                                    :projectList, :bulletPoints)""")
                    .param("position", position++)
                    .param("year", entry.year())
                    .param("title", entry.title())
                    .param("subtitle", entry.subtitle())
                    .param("description", entry.description())
                    .param("techStack", json.writeValueAsString(entry.techStack()))
                    .param("keyProjects", json.writeValueAsString(entry.keyProjects()))
                    .param("projectList", json.writeValueAsString(entry.projectList()))
                    .param("bulletPoints", json.writeValueAsString(entry.bulletPoints()))
                    .update();
        }
        jdbc.sql("UPDATE portfolio_revision SET revision = revision + 1, updated_at = :updatedAt, updated_by = :updatedBy WHERE id = 1")
                .param("updatedAt", LocalDateTime.ofInstant(updatedAt, ZoneOffset.UTC))
                .param("updatedBy", updatedBy)
                .update();
    }

    private Portfolio.About about(ResultSet row, int rowNumber) throws SQLException {
        return new Portfolio.About(row.getString("name"), row.getString("title"), row.getString("location"),
                row.getString("narrative_title"), row.getString("narrative_content"),
                json.readValue(row.getString("core_values"), coreValues),
                json.readValue(row.getString("interests"), strings));
    }

    private Portfolio.CareerEntry careerEntry(ResultSet row, int rowNumber) throws SQLException {
        return new Portfolio.CareerEntry(row.getString("year"), row.getString("title"), row.getString("subtitle"),
                row.getString("description"),
                json.readValue(row.getString("tech_stack"), strings),
                json.readValue(row.getString("key_projects"), strings),
                json.readValue(row.getString("project_list"), projects),
                json.readValue(row.getString("bullet_points"), strings));
    }
}
