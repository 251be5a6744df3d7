package io.portfoliochat.chat.message;

import io.portfoliochat.chat.Times;
import io.portfoliochat.events.SenderType;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class MessageRepository {

    private static final String COLUMNS = """
            id, conversation_id, seq, sender_type, sender_id, sender_name, content, client_message_id,
            answers_message_id, metadata, read_at, created_at""";
    private static final RowMapper<Message> ROW = (rs, n) -> new Message(
            rs.getLong("id"),
            rs.getLong("conversation_id"),
            rs.getLong("seq"),
            SenderType.valueOf(rs.getString("sender_type").toUpperCase(Locale.ROOT)),
            rs.getString("sender_id"),
            rs.getString("sender_name"),
            rs.getString("content"),
            rs.getString("client_message_id"),
            rs.getObject("answers_message_id") == null ? null : rs.getLong("answers_message_id"),
            rs.getString("metadata"),
            Times.fromDb(rs.getObject("read_at", LocalDateTime.class)),
            Times.fromDb(rs.getObject("created_at", LocalDateTime.class)));

    private final JdbcClient jdbc;

    MessageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Message insert(Message message) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO message (conversation_id, seq, sender_type, sender_id, sender_name, content,
                                             client_message_id, answers_message_id, metadata, created_at)
                        VALUES (:conversationId, :seq, :senderType, :senderId, :senderName, :content,
                                :clientMessageId, :answersMessageId, :metadata, :createdAt)""")
                .param("conversationId", message.conversationId())
                .param("seq", message.seq())
                .param("senderType", message.senderType().wireName())
                .param("senderId", message.senderId())
                .param("senderName", message.senderName())
                .param("content", message.content())
                .param("clientMessageId", message.clientMessageId())
                .param("answersMessageId", message.answersMessageId())
                .param("metadata", message.metadataJson())
                .param("createdAt", Times.toDb(message.createdAt()))
                .update(keys, "id");
        return new Message(keys.getKey().longValue(), message.conversationId(), message.seq(), message.senderType(),
                message.senderId(), message.senderName(), message.content(), message.clientMessageId(),
                message.answersMessageId(), message.metadataJson(), null, message.createdAt());
    }

    Optional<Message> findByClientMessageId(long conversationId, String clientMessageId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM message WHERE conversation_id = :c AND client_message_id = :clientId")
                .param("c", conversationId).param("clientId", clientMessageId).query(ROW).optional();
    }

    boolean answerExists(long conversationId, long answersMessageId) {
        return jdbc.sql("SELECT COUNT(*) FROM message WHERE conversation_id = :c AND answers_message_id = :answers")
                .param("c", conversationId).param("answers", answersMessageId).query(Long.class).single() > 0;
    }

    /** Newest first, older than {@code before} when given; {@code limit + 1} rows to tell whether more exist. */
    List<Message> olderThan(long conversationId, Long before, int limit) {
        String cursor = before == null ? "" : " AND id < :before";
        JdbcClient.StatementSpec statement = jdbc.sql("SELECT " + COLUMNS + " FROM message WHERE conversation_id = :c"
                        + cursor + " ORDER BY id DESC LIMIT :limit")
                .param("c", conversationId).param("limit", limit + 1);
        if (before != null) {
            statement = statement.param("before", before);
        }
        return statement.query(ROW).list();
    }

    /** Oldest first, newer than {@code after}; {@code limit + 1} rows to tell whether more exist. */
    List<Message> newerThan(long conversationId, long after, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM message WHERE conversation_id = :c AND id > :after ORDER BY id ASC LIMIT :limit")
                .param("c", conversationId).param("after", after).param("limit", limit + 1).query(ROW).list();
    }

    /** Unread messages written by the given senders, optionally restricted to ids or up to an id. */
    List<Long> unreadFrom(long conversationId, Collection<SenderType> senders, Collection<Long> ids, Long upTo) {
        StringBuilder sql = new StringBuilder("SELECT id FROM message WHERE conversation_id = :c AND read_at IS NULL"
                + " AND sender_type IN (:senders)");
        if (ids != null && !ids.isEmpty()) {
            sql.append(" AND id IN (:ids)");
        }
        if (upTo != null) {
            sql.append(" AND id <= :upTo");
        }
        sql.append(" ORDER BY id");
        JdbcClient.StatementSpec statement = jdbc.sql(sql.toString()).param("c", conversationId)
                .param("senders", senders.stream().map(SenderType::wireName).toList());
        if (ids != null && !ids.isEmpty()) {
            statement = statement.param("ids", ids);
        }
        if (upTo != null) {
            statement = statement.param("upTo", upTo);
        }
        return statement.query(Long.class).list();
    }

    void markRead(Collection<Long> ids, Instant readAt) {
        jdbc.sql("UPDATE message SET read_at = :readAt WHERE id IN (:ids) AND read_at IS NULL")
                .param("readAt", Times.toDb(readAt)).param("ids", ids).update();
    }
}
