package io.portfoliochat.admin.conversation;

import jakarta.persistence.LockModeType;
import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ConversationControlRepository extends JpaRepository<ConversationControl, Long> {

    /** SELECT ... FOR UPDATE: concurrent changes of one conversation apply, and are published, one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from ConversationControl c where c.conversationId = :id")
    Optional<ConversationControl> lockById(@Param("id") long id);

    /** A new conversation starts active and AI-handled; an already known one is left as it is. */
    @Modifying
    @Query(value = """
            INSERT IGNORE INTO conversation_control (conversation_id, status, ai_handled, started_at, updated_at, updated_by)
            VALUES (:id, 'active', TRUE, :startedAt, :startedAt, NULL)""", nativeQuery = true)
    int registerIfAbsent(@Param("id") long id, @Param("startedAt") LocalDateTime startedAt);
}
