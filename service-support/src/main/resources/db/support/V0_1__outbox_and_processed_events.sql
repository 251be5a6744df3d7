-- Shared by every service that owns data (service-support). Services add classpath:db/support to
-- spring.flyway.locations; their own migrations start at V1.

-- Events written in the same transaction as the state change they describe; the relay publishes
-- them in id order and deletes them once Kafka has acknowledged.
CREATE TABLE outbox_event (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    event_id       CHAR(36)     NOT NULL,
    topic          VARCHAR(200) NOT NULL COMMENT 'logical topic name; the deployment prefix is applied when published',
    event_key      VARCHAR(200) NOT NULL,
    event_type     VARCHAR(100) NOT NULL,
    payload        MEDIUMBLOB   NOT NULL COMMENT 'the encoded envelope, exactly as it goes on the wire',
    correlation_id VARCHAR(64)  NULL,
    created_at     DATETIME(6)  NOT NULL,
    attempts       INT          NOT NULL DEFAULT 0,
    last_error     VARCHAR(500) NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Idempotent consumers: (consumer, event) is inserted in the same transaction as the effect;
-- a second delivery of the same event finds the row and does nothing.
CREATE TABLE processed_event (
    consumer     VARCHAR(100) NOT NULL,
    event_id     CHAR(36)     NOT NULL,
    processed_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (consumer, event_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
