-- Background tasks, their events, and the cluster-wide dispatch switch.

CREATE TABLE task (
    id                    VARCHAR(36)   NOT NULL PRIMARY KEY,
    agent_name            VARCHAR(63)   NOT NULL,
    input                 TEXT          NOT NULL,
    priority              INTEGER       NOT NULL,
    tags                  VARCHAR(2000) NOT NULL,
    session_id            VARCHAR(36),
    parent_task_id        VARCHAR(36),
    max_iterations        INTEGER,
    max_duration_seconds  INTEGER,
    token_budget          BIGINT,
    not_before            TIMESTAMP WITH TIME ZONE,
    status                VARCHAR(16)   NOT NULL,
    input_delivered       BOOLEAN       NOT NULL,
    cancel_requested      BOOLEAN       NOT NULL,
    output                TEXT,
    error_code            VARCHAR(64),
    error_message         TEXT,
    stop_reason           VARCHAR(32),
    question              TEXT,
    pending_call_id       VARCHAR(255),
    attempts              INTEGER       NOT NULL,
    max_attempts          INTEGER       NOT NULL,
    lease_owner           VARCHAR(64),
    lease_expires_at      TIMESTAMP WITH TIME ZONE,
    enqueued_at           TIMESTAMP WITH TIME ZONE,
    idempotency_key       VARCHAR(255),
    request_hash          VARCHAR(64),
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at            TIMESTAMP WITH TIME ZONE,
    finished_at           TIMESTAMP WITH TIME ZONE,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    version               BIGINT        NOT NULL,
    CONSTRAINT task_status_check
        CHECK (status IN ('QUEUED', 'RUNNING', 'WAITING', 'COMPLETED', 'FAILED', 'CANCELLED')),
    CONSTRAINT task_priority_check CHECK (priority BETWEEN 0 AND 9)
);
CREATE UNIQUE INDEX task_idempotency_idx ON task (idempotency_key);
CREATE INDEX task_status_idx ON task (status, priority, created_at);
CREATE INDEX task_created_idx ON task (created_at, id);
CREATE INDEX task_agent_idx ON task (agent_name, created_at);

CREATE SEQUENCE task_event_seq INCREMENT BY 1;
CREATE TABLE task_event (
    id          BIGINT       NOT NULL PRIMARY KEY,
    task_id     VARCHAR(36)  NOT NULL,
    agent_name  VARCHAR(63)  NOT NULL,
    type        VARCHAR(32)  NOT NULL,
    data        TEXT         NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX task_event_task_idx ON task_event (task_id, id);

CREATE TABLE dispatch_state (
    id          INTEGER  NOT NULL PRIMARY KEY,
    paused      BOOLEAN  NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT   NOT NULL
);
INSERT INTO dispatch_state (id, paused, updated_at, version) VALUES (1, FALSE, CURRENT_TIMESTAMP, 0);
