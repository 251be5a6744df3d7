package io.portfoliochat.chat.session;

import io.portfoliochat.chat.Times;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class VisitorSessionRepository {

    private static final String COLUMNS = "id, visitor_id, conversation_id, created_at, expires_at";
    private static final RowMapper<VisitorSession> ROW = (rs, n) -> new VisitorSession(
            rs.getLong("id"),
            rs.getString("visitor_id"),
            rs.getObject("conversation_id") == null ? null : rs.getLong("conversation_id"),
            Times.fromDb(rs.getObject("created_at", LocalDateTime.class)),
            Times.fromDb(rs.getObject("expires_at", LocalDateTime.class)));

    private final JdbcClient jdbc;

    VisitorSessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<VisitorSession> findByToken(String token) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM visitor_session WHERE token_hash = :hash")
                .param("hash", SessionTokens.hash(token)).query(ROW).optional();
    }

    /** Locks the session row for the rest of the transaction: a visitor's sends are serialised. */
    public Optional<VisitorSession> lockByToken(String token) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM visitor_session WHERE token_hash = :hash FOR UPDATE")
                .param("hash", SessionTokens.hash(token)).query(ROW).optional();
    }

    VisitorSession insert(String token, String visitorId, String ipAddress, String userAgent, Instant now, Instant expiresAt) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO visitor_session (token_hash, visitor_id, ip_address, user_agent, created_at, expires_at)
                        VALUES (:hash, :visitorId, :ip, :userAgent, :now, :expiresAt)""")
                .param("hash", SessionTokens.hash(token))
                .param("visitorId", visitorId)
                .param("ip", ipAddress)
                .param("userAgent", userAgent)
                .param("now", Times.toDb(now))
                .param("expiresAt", Times.toDb(expiresAt))
                .update(keys, "id");
        return new VisitorSession(keys.getKey().longValue(), visitorId, null, now, expiresAt);
    }

    void extend(long sessionId, Instant expiresAt) {
        jdbc.sql("UPDATE visitor_session SET expires_at = :expiresAt WHERE id = :id")
                .param("expiresAt", Times.toDb(expiresAt)).param("id", sessionId).update();
    }

    public void attachConversation(long sessionId, long conversationId) {
        jdbc.sql("UPDATE visitor_session SET conversation_id = :conversationId WHERE id = :id")
                .param("conversationId", conversationId).param("id", sessionId).update();
    }
}
