-- Portfolio owners who may log in to the admin dashboard. Emails are stored lower-cased.
CREATE TABLE admin_account (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    email         VARCHAR(255) NOT NULL,
    name          VARCHAR(100) NOT NULL,
    password_hash VARCHAR(100) NOT NULL COMMENT 'BCrypt',
    created_at    DATETIME(6)  NOT NULL,
    last_login_at DATETIME(6)  NULL,
    CONSTRAINT uq_admin_account_email UNIQUE (email)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
