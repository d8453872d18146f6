-- Recurring schedules and their runs (fired, skipped and refused slots). The clock claims due rows
-- with row locks; the unique key on (schedule_id, slot) is the last guard against a slot firing
-- twice across nodes. Tags are stored as a comma-separated list.

CREATE TABLE schedule (
    id                    VARCHAR(36)   NOT NULL PRIMARY KEY,
    name                  VARCHAR(255)  NOT NULL,
    agent_name            VARCHAR(63)   NOT NULL,
    input                 TEXT          NOT NULL,
    priority              INTEGER       NOT NULL,
    tags                  VARCHAR(2000) NOT NULL,
    max_iterations        INTEGER,
    max_duration_seconds  INTEGER,
    token_budget          BIGINT,
    interval_seconds      BIGINT,
    cron                  VARCHAR(255),
    time_zone             VARCHAR(64)   NOT NULL,
    overlap               VARCHAR(16)   NOT NULL,
    paused                BOOLEAN       NOT NULL,
    start_at              TIMESTAMP WITH TIME ZONE,
    end_at                TIMESTAMP WITH TIME ZONE,
    anchor_at             TIMESTAMP WITH TIME ZONE,
    next_run_at           TIMESTAMP WITH TIME ZONE,
    pending_slot          TIMESTAMP WITH TIME ZONE,
    last_task_id          VARCHAR(36),
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    version               BIGINT        NOT NULL,
    CONSTRAINT schedule_timing_check CHECK ((interval_seconds IS NULL) <> (cron IS NULL)),
    CONSTRAINT schedule_overlap_check CHECK (overlap IN ('SKIP', 'ALLOW', 'BUFFER_ONE')),
    CONSTRAINT schedule_priority_check CHECK (priority BETWEEN 0 AND 9)
);
CREATE INDEX schedule_next_run_idx ON schedule (next_run_at);
CREATE INDEX schedule_agent_idx ON schedule (agent_name, created_at);

CREATE TABLE schedule_run (
    id             VARCHAR(36)  NOT NULL PRIMARY KEY,
    schedule_id    VARCHAR(36)  NOT NULL REFERENCES schedule (id) ON DELETE CASCADE,
    slot           TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome        VARCHAR(16)  NOT NULL,
    reason         VARCHAR(16)  NOT NULL,
    slot_count     BIGINT       NOT NULL,
    task_id        VARCHAR(36),
    error_code     VARCHAR(64),
    error_message  TEXT,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT schedule_run_slot_unique UNIQUE (schedule_id, slot),
    CONSTRAINT schedule_run_outcome_check CHECK (outcome IN ('FIRED', 'SKIPPED', 'FAILED')),
    CONSTRAINT schedule_run_reason_check
        CHECK (reason IN ('SCHEDULE', 'MANUAL', 'BUFFERED', 'OVERLAP', 'MISSED'))
);
