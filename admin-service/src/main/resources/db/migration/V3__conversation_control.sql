-- What the admin controls about each conversation chat-service announced (conversation.started):
-- its status and whether the AI answers it. Visitor details stay with chat-service.
CREATE TABLE conversation_control (
    conversation_id BIGINT       NOT NULL PRIMARY KEY,
    status          VARCHAR(16)  NOT NULL,
    ai_handled      BOOLEAN      NOT NULL,
    started_at      DATETIME(6)  NOT NULL,
    updated_at      DATETIME(6)  NOT NULL,
    updated_by      VARCHAR(100) NULL,
    CONSTRAINT chk_conversation_control_status CHECK (status IN ('active', 'resolved', 'closed'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
