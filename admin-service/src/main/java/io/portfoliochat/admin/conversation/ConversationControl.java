package io.portfoliochat.admin.conversation;

import io.portfoliochat.events.ConversationStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** What the admin controls about one conversation: its status and whether the AI answers it. */
@Entity
@Table(name = "conversation_control")
class ConversationControl {

    @Id
    @Column(name = "conversation_id")
    private Long conversationId;

    @Convert(converter = ConversationStatusConverter.class)
    @Column(nullable = false, length = 16)
    private ConversationStatus status;

    @Column(name = "ai_handled", nullable = false)
    private boolean aiHandled;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", length = 100)
    private String updatedBy;

    protected ConversationControl() {
        // for JPA
    }

    ConversationStatus status() {
        return status;
    }

    boolean aiHandled() {
        return aiHandled;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    /** Applies the admin's change; true when anything actually changed. Null means "leave as is". */
    boolean change(ConversationStatus newStatus, Boolean newAiHandled, String by, Instant at) {
        boolean changed = false;
        if (newStatus != null && newStatus != status) {
            status = newStatus;
            changed = true;
        }
        if (newAiHandled != null && newAiHandled != aiHandled) {
            aiHandled = newAiHandled;
            changed = true;
        }
        if (changed) {
            updatedAt = at;
            updatedBy = by;
        }
        return changed;
    }
}
