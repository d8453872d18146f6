-- Goals: a planner agent's DAG of steps, each step run as a task (task.coordinator goal:<id>:<step>).
-- A goal's events are task events whose task_id is the goal's id (see README, Goals).

CREATE TABLE goal (
    id                  VARCHAR(36)  NOT NULL PRIMARY KEY,
    goal_text           TEXT         NOT NULL,
    planner             VARCHAR(63)  NOT NULL,
    agents              VARCHAR(4000) NOT NULL,
    priority            INTEGER      NOT NULL,
    token_budget        BIGINT,
    status              VARCHAR(16)  NOT NULL,
    result              TEXT,
    error               TEXT,
    replans_used        INTEGER      NOT NULL,
    repairs_used        INTEGER      NOT NULL,
    planner_session_id  VARCHAR(36),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at         TIMESTAMP WITH TIME ZONE,
    version             BIGINT       NOT NULL
);
CREATE INDEX goal_status_created_idx ON goal (status, created_at);
CREATE INDEX goal_created_idx ON goal (created_at, id);

CREATE TABLE goal_step (
    id          VARCHAR(36)   NOT NULL PRIMARY KEY,
    goal_id     VARCHAR(36)   NOT NULL REFERENCES goal (id) ON DELETE CASCADE,
    step_id     VARCHAR(64)   NOT NULL,
    plan_round  INTEGER       NOT NULL,
    agent_name  VARCHAR(63)   NOT NULL,
    input       TEXT          NOT NULL,
    depends_on  VARCHAR(4000) NOT NULL,
    status      VARCHAR(16)   NOT NULL,
    task_id     VARCHAR(36),
    output      TEXT,
    error       TEXT,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT        NOT NULL,
    CONSTRAINT goal_step_unique UNIQUE (goal_id, plan_round, step_id)
);
CREATE INDEX goal_step_task_idx ON goal_step (task_id);
