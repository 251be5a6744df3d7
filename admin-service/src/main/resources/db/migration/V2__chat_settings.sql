-- The owner's chat and AI settings (seed table chat_settings plus away message, business hours and
-- an AI reply cap). Exactly one row, id = 1.
CREATE TABLE chat_settings (
    id                            TINYINT     NOT NULL PRIMARY KEY,
    ai_enabled                    BOOLEAN     NOT NULL,
    ai_model                      VARCHAR(64) NOT NULL,
    ai_temperature                DOUBLE      NOT NULL,
    ai_system_prompt              TEXT        NULL,
    welcome_message               TEXT        NULL,
    offline_message               TEXT        NULL,
    away_message                  TEXT        NULL,
    business_hours                JSON        NULL COMMENT '{enabled, timezone, days:[{day, open, close}]}; NULL = always open',
    ai_reply_cap_per_conversation INT         NOT NULL,
    updated_at                    DATETIME(6) NOT NULL,
    updated_by                    VARCHAR(100) NULL,
    CONSTRAINT chk_chat_settings_single_row CHECK (id = 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The seed's defaults (io.portfoliochat.events.ChatSettings.defaults()).
INSERT INTO chat_settings (id, ai_enabled, ai_model, ai_temperature, ai_system_prompt, welcome_message, offline_message,
                           away_message, business_hours, ai_reply_cap_per_conversation, updated_at, updated_by)
VALUES (1, TRUE, 'gpt-4o-mini', 0.7, NULL,
        'Halo! Ada yang bisa saya bantu? / Hi! How can I help you?',
        'Maaf, saya sedang tidak tersedia. Silakan tinggalkan pesan. / Sorry, I''m not available right now. Please leave a message.',
        'Thanks for your message! I''m away right now and will reply as soon as I''m back.',
        NULL, 30, UTC_TIMESTAMP(6), NULL);
