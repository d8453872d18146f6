-- Archived usage (POST /api/v1/usage/reset moves records here rather than deleting them) and
-- sensor events, deduplicated per sensor.

CREATE TABLE usage_archive (
    id                 VARCHAR(36)     NOT NULL PRIMARY KEY,
    provider_name      VARCHAR(63)     NOT NULL,
    model              VARCHAR(255)    NOT NULL,
    agent_name         VARCHAR(63)     NOT NULL,
    session_id         VARCHAR(36),
    task_id            VARCHAR(36),
    prompt_tokens      INTEGER         NOT NULL,
    completion_tokens  INTEGER         NOT NULL,
    cost_usd           NUMERIC(20, 10) NOT NULL,
    latency_ms         BIGINT          NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    archived_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE sensor_event (
    id          VARCHAR(36)   NOT NULL PRIMARY KEY,
    sensor_id   VARCHAR(128)  NOT NULL,
    event_id    VARCHAR(255),
    dedupe_key  VARCHAR(255)  NOT NULL,
    payload     TEXT,
    task_id     VARCHAR(36),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT sensor_event_dedupe_unique UNIQUE (sensor_id, dedupe_key)
);
CREATE INDEX sensor_event_sensor_idx ON sensor_event (sensor_id, created_at);
