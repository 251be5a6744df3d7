package io.portfoliochat.admin.settings;

import io.portfoliochat.events.BusinessHours;
import io.portfoliochat.events.ChatSettings;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The single chat_settings row (seeded by the migration). */
@Repository
class ChatSettingsRepository {

    private static final String COLUMNS = """
            ai_enabled, ai_model, ai_temperature, ai_system_prompt, welcome_message, offline_message, away_message,
            business_hours, ai_reply_cap_per_conversation""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ChatSettingsRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    ChatSettings current() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM chat_settings WHERE id = 1").query(this::map).single();
    }

    /** The settings, locked until the transaction ends, so concurrent changes apply (and are published) in order. */
    ChatSettings lockCurrent() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM chat_settings WHERE id = 1 FOR UPDATE").query(this::map).single();
    }

    void save(ChatSettings settings, String updatedBy, Instant updatedAt) {
        jdbc.sql("""
                        UPDATE chat_settings SET ai_enabled = :aiEnabled, ai_model = :aiModel, ai_temperature = :aiTemperature,
                            ai_system_prompt = :aiSystemPrompt, welcome_message = :welcomeMessage, offline_message = :offlineMessage,
                            away_message = :awayMessage, business_hours = :businessHours,
                            ai_reply_cap_per_conversation = :aiReplyCap, updated_at = :updatedAt, updated_by = :updatedBy
                        WHERE id = 1""")
                .param("aiEnabled", settings.aiEnabled())
                .param("aiModel", settings.aiModel())
                .param("aiTemperature", settings.aiTemperature())
                .param("aiSystemPrompt", settings.aiSystemPrompt())
                .param("welcomeMessage", settings.welcomeMessage())
                .param("offlineMessage", settings.offlineMessage())
                .param("awayMessage", settings.awayMessage())
                .param("businessHours", settings.businessHours() == null ? null : json.writeValueAsString(settings.businessHours()))
                .param("aiReplyCap", settings.aiReplyCapPerConversation())
                .param("updatedAt", LocalDateTime.ofInstant(updatedAt, ZoneOffset.UTC))
                .param("updatedBy", updatedBy)
                .update();
    }

    private ChatSettings map(ResultSet row, int rowNumber) throws SQLException {
        String businessHours = row.getString("business_hours");
        return new ChatSettings(
                row.getBoolean("ai_enabled"),
                row.getString("ai_model"),
                row.getDouble("ai_temperature"),
                row.getString("ai_system_prompt"),
                row.getString("welcome_message"),
                row.getString("offline_message"),
                row.getString("away_message"),
                businessHours == null ? null : json.readValue(businessHours, BusinessHours.class),
                row.getInt("ai_reply_cap_per_conversation"));
    }
}
