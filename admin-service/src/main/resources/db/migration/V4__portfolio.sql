-- The portfolio document (seed tables about, tech_stack, career). A PUT replaces all of it under a
-- lock on portfolio_revision, so concurrent replacements apply (and are published) one after another.
CREATE TABLE portfolio_revision (
    id         TINYINT      NOT NULL PRIMARY KEY,
    revision   BIGINT       NOT NULL,
    updated_at DATETIME(6)  NULL,
    updated_by VARCHAR(100) NULL,
    CONSTRAINT chk_portfolio_revision_single_row CHECK (id = 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO portfolio_revision (id, revision) VALUES (1, 0);

CREATE TABLE about (
    id                TINYINT      NOT NULL PRIMARY KEY,
    name              VARCHAR(255) NOT NULL,
    title             VARCHAR(255) NULL,
    location          VARCHAR(255) NULL,
    narrative_title   VARCHAR(255) NULL,
    narrative_content TEXT         NULL,
    core_values       JSON         NOT NULL COMMENT '[{icon, title, description}]',
    interests         JSON         NOT NULL COMMENT '["..."]',
    CONSTRAINT chk_about_single_row CHECK (id = 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE tech_stack (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    position    INT          NOT NULL,
    title       VARCHAR(255) NOT NULL,
    description TEXT         NULL,
    icon_name   VARCHAR(255) NULL,
    icon_color  VARCHAR(50)  NULL,
    bg_color    VARCHAR(50)  NULL,
    CONSTRAINT uq_tech_stack_position UNIQUE (position)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE career (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    position      INT          NOT NULL,
    year          VARCHAR(100) NULL,
    title         VARCHAR(255) NOT NULL,
    subtitle      VARCHAR(255) NULL,
    description   TEXT         NULL,
    tech_stack    JSON         NOT NULL COMMENT '["..."]',
    key_projects  JSON         NOT NULL COMMENT '["..."]',
    project_list  JSON         NOT NULL COMMENT '[{name, type}]',
    bullet_points JSON         NOT NULL COMMENT '["..."]',
    CONSTRAINT uq_career_position UNIQUE (position)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
