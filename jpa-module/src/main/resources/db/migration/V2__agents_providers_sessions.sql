-- Model providers, agents, sessions with their messages, usage per model call, tool calls and
-- per-agent memory. Written in the SQL shared by PostgreSQL and H2 (MODE=PostgreSQL).
-- JSON documents (price tables, scripted turns, tool lists, tool calls) are stored as text.

CREATE TABLE provider (
    name            VARCHAR(63)  NOT NULL PRIMARY KEY,
    kind            VARCHAR(16)  NOT NULL,
    base_url        VARCHAR(2048),
    api_key         VARCHAR(4096),
    timeout_ms      BIGINT       NOT NULL,
    max_retries     INTEGER      NOT NULL,
    prices          TEXT         NOT NULL,
    scripted_turns  TEXT,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT       NOT NULL,
    CONSTRAINT provider_kind_check CHECK (kind IN ('OPENAI', 'OLLAMA', 'ANTHROPIC', 'SCRIPTED'))
);

CREATE TABLE agent (
    name                  VARCHAR(63)  NOT NULL PRIMARY KEY,
    description           VARCHAR(2000),
    system_prompt         TEXT         NOT NULL,
    provider_name         VARCHAR(63)  NOT NULL,
    model                 VARCHAR(255) NOT NULL,
    temperature           DOUBLE PRECISION,
    max_output_tokens     INTEGER,
    tools                 TEXT         NOT NULL,
    max_iterations        INTEGER      NOT NULL,
    max_duration_seconds  INTEGER      NOT NULL,
    token_budget          BIGINT,
    enabled               BOOLEAN      NOT NULL,
    paused                BOOLEAN      NOT NULL,
    package_digest        VARCHAR(64),
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    version               BIGINT       NOT NULL
);

CREATE TABLE chat_session (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    agent_name  VARCHAR(63)  NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    turns       INTEGER      NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT       NOT NULL,
    CONSTRAINT chat_session_status_check CHECK (status IN ('ACTIVE', 'KILLED'))
);
CREATE INDEX chat_session_agent_idx ON chat_session (agent_name, created_at);

CREATE SEQUENCE message_seq INCREMENT BY 1;
CREATE TABLE message (
    id            BIGINT       NOT NULL PRIMARY KEY,
    session_id    VARCHAR(36)  NOT NULL REFERENCES chat_session (id) ON DELETE CASCADE,
    role          VARCHAR(16)  NOT NULL,
    content       TEXT,
    tool_calls    TEXT,
    tool_call_id  VARCHAR(255),
    tool_name     VARCHAR(255),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT message_role_check CHECK (role IN ('USER', 'ASSISTANT', 'TOOL'))
);
CREATE INDEX message_session_idx ON message (session_id, id);

CREATE TABLE usage_record (
    id                 VARCHAR(36)    NOT NULL PRIMARY KEY,
    provider_name      VARCHAR(63)    NOT NULL,
    model              VARCHAR(255)   NOT NULL,
    agent_name         VARCHAR(63)    NOT NULL,
    session_id         VARCHAR(36),
    task_id            VARCHAR(36),
    prompt_tokens      INTEGER        NOT NULL,
    completion_tokens  INTEGER        NOT NULL,
    cost_usd           NUMERIC(20, 10) NOT NULL,
    latency_ms         BIGINT         NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX usage_record_session_idx ON usage_record (session_id);
CREATE INDEX usage_record_agent_idx ON usage_record (agent_name, created_at);

CREATE TABLE tool_call (
    id           VARCHAR(36)   NOT NULL PRIMARY KEY,
    session_id   VARCHAR(36),
    task_id      VARCHAR(36),
    agent_name   VARCHAR(63)   NOT NULL,
    call_id      VARCHAR(255),
    tool_name    VARCHAR(255)  NOT NULL,
    arguments    TEXT          NOT NULL,
    result       TEXT,
    truncated    BOOLEAN       NOT NULL,
    error        TEXT,
    duration_ms  BIGINT        NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX tool_call_session_idx ON tool_call (session_id, created_at);

CREATE TABLE agent_memory (
    id          VARCHAR(36)   NOT NULL PRIMARY KEY,
    agent_name  VARCHAR(63)   NOT NULL,
    memory_key  VARCHAR(255)  NOT NULL,
    content     TEXT          NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT        NOT NULL,
    CONSTRAINT agent_memory_key_unique UNIQUE (agent_name, memory_key)
);
