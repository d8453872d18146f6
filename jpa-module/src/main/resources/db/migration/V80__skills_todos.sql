-- The skills registry (a SKILL.md text plus optional text files per skill, shared by all nodes) and
-- the todo lists the todo tool keeps per task or per chat session.

CREATE TABLE skill (
    name          VARCHAR(63) PRIMARY KEY,
    description   VARCHAR(1024) NOT NULL,
    allowed_tools TEXT NOT NULL DEFAULT '',
    content       TEXT NOT NULL,
    digest        VARCHAR(64) NOT NULL,
    source        VARCHAR(16) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    version       BIGINT NOT NULL
);

CREATE TABLE skill_file (
    skill_name VARCHAR(63) NOT NULL REFERENCES skill (name) ON DELETE CASCADE,
    path       VARCHAR(255) NOT NULL,
    content    TEXT NOT NULL,
    PRIMARY KEY (skill_name, path)
);

CREATE TABLE todo_list (
    owner_key  VARCHAR(80) PRIMARY KEY,
    items      TEXT NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    version    BIGINT NOT NULL
);
