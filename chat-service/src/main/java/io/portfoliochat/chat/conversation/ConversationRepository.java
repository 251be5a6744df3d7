package io.portfoliochat.chat.conversation;

import io.portfoliochat.chat.Times;
import io.portfoliochat.events.ConversationStatus;
import io.portfoliochat.events.SenderType;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class ConversationRepository {

    private static final String COLUMNS = """
            id, visitor_id, visitor_name, visitor_email, status, ai_handled, message_count, unread_by_admin,
            last_message_id, last_message_at, last_message_sender, last_message_preview, created_at, updated_at""";
    private static final int PREVIEW_LENGTH = 200;

    static final RowMapper<Conversation> ROW = (rs, n) -> new Conversation(
            rs.getLong("id"),
            rs.getString("visitor_id"),
            rs.getString("visitor_name"),
            rs.getString("visitor_email"),
            ConversationStatus.fromWireName(rs.getString("status")).orElse(ConversationStatus.ACTIVE),
            rs.getBoolean("ai_handled"),
            rs.getLong("message_count"),
            rs.getInt("unread_by_admin"),
            rs.getObject("last_message_id") == null ? null : rs.getLong("last_message_id"),
            Times.fromDb(rs.getObject("last_message_at", LocalDateTime.class)),
            rs.getString("last_message_sender") == null ? null
                    : SenderType.valueOf(rs.getString("last_message_sender").toUpperCase(Locale.ROOT)),
            rs.getString("last_message_preview"),
            Times.fromDb(rs.getObject("created_at", LocalDateTime.class)),
            Times.fromDb(rs.getObject("updated_at", LocalDateTime.class)));

    private final JdbcClient jdbc;

    ConversationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(String visitorId, String visitorName, String visitorEmail, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO conversation (visitor_id, visitor_name, visitor_email, status, ai_handled, created_at, updated_at)
                        VALUES (:visitorId, :name, :email, 'active', TRUE, :now, :now)""")
                .param("visitorId", visitorId).param("name", visitorName).param("email", visitorEmail)
                .param("now", Times.toDb(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<Conversation> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM conversation WHERE id = :id").param("id", id).query(ROW).optional();
    }

    /** Locks the row for the rest of the transaction: messages of a conversation are numbered one at a time. */
    public Optional<Conversation> lock(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM conversation WHERE id = :id FOR UPDATE").param("id", id).query(ROW).optional();
    }

    /** Moves the conversation's last-message summary and counters forward after a message was stored. */
    public void recordMessage(long conversationId, long seq, long messageId, SenderType sender, String content, Instant at) {
        jdbc.sql("""
                        UPDATE conversation SET message_count = :seq, last_message_id = :messageId, last_message_at = :at,
                               last_message_sender = :sender, last_message_preview = :preview, updated_at = :at,
                               unread_by_admin = unread_by_admin + :unread
                        WHERE id = :id""")
                .param("seq", seq).param("messageId", messageId).param("at", Times.toDb(at))
                .param("sender", sender.wireName())
                .param("preview", content.length() <= PREVIEW_LENGTH ? content : content.substring(0, PREVIEW_LENGTH))
                .param("unread", sender == SenderType.VISITOR ? 1 : 0)
                .param("id", conversationId)
                .update();
    }

    /** Fills in the visitor's name/email when they give them later in the conversation. */
    public void updateVisitorDetails(long conversationId, String visitorName, String visitorEmail) {
        jdbc.sql("""
                        UPDATE conversation SET visitor_name = COALESCE(:name, visitor_name),
                               visitor_email = COALESCE(:email, visitor_email)
                        WHERE id = :id""")
                .param("name", visitorName).param("email", visitorEmail).param("id", conversationId).update();
    }

    public void markAdminRead(long conversationId, int visitorMessagesRead) {
        jdbc.sql("UPDATE conversation SET unread_by_admin = GREATEST(0, unread_by_admin - :read) WHERE id = :id")
                .param("read", visitorMessagesRead).param("id", conversationId).update();
    }

    /** The local view of admin-service's decision; events arrive in conversation order, so the latest wins. */
    public int applyControl(long conversationId, ConversationStatus status, boolean aiHandled, Instant at) {
        return jdbc.sql("UPDATE conversation SET status = :status, ai_handled = :aiHandled, updated_at = :at WHERE id = :id")
                .param("status", status.wireName()).param("aiHandled", aiHandled).param("at", Times.toDb(at))
                .param("id", conversationId).update();
    }

    /** Most recent activity first; uses the (status,) last_message_at, id indexes. */
    List<Conversation> page(ConversationStatus status, int offset, int limit) {
        String where = status == null ? "" : " WHERE status = :status";
        JdbcClient.StatementSpec statement = jdbc.sql("SELECT " + COLUMNS + " FROM conversation" + where
                        + " ORDER BY last_message_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("limit", limit).param("offset", offset);
        if (status != null) {
            statement = statement.param("status", status.wireName());
        }
        return statement.query(ROW).list();
    }

    long count(ConversationStatus status) {
        if (status == null) {
            return jdbc.sql("SELECT COUNT(*) FROM conversation").query(Long.class).single();
        }
        return jdbc.sql("SELECT COUNT(*) FROM conversation WHERE status = :status")
                .param("status", status.wireName()).query(Long.class).single();
    }
}
