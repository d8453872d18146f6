-- Workflow definitions (named, versioned JSON trees of agent, pipeline, parallel, loop, branch and
-- forum nodes) and their durable runs. A run keeps a snapshot of the definition it started with;
-- its progress is only the rows of workflow_node, written in the transaction that ended a step's
-- task. The unique key on (run_id, node_path, iteration) is the guard that starts a node's task at
-- most once: node_path is the node's place in the definition with each enclosing loop's iteration
-- (e.g. $.root.body@2.steps[0]), iteration the innermost one.

CREATE TABLE workflow_definition (
    name         VARCHAR(63)   NOT NULL PRIMARY KEY,
    description  VARCHAR(2000),
    definition   TEXT          NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    version      BIGINT        NOT NULL
);

CREATE TABLE workflow_run (
    id                VARCHAR(36)  NOT NULL PRIMARY KEY,
    workflow_name     VARCHAR(63)  NOT NULL,
    workflow_version  BIGINT       NOT NULL,
    definition        TEXT         NOT NULL,
    input             TEXT         NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    output            TEXT,
    error             TEXT,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at       TIMESTAMP WITH TIME ZONE,
    version           BIGINT       NOT NULL,
    CONSTRAINT workflow_run_status_check
        CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED'))
);
CREATE INDEX workflow_run_list ON workflow_run (created_at, id);
CREATE INDEX workflow_run_name ON workflow_run (workflow_name, created_at);

CREATE TABLE workflow_node (
    id           VARCHAR(36)   NOT NULL PRIMARY KEY,
    run_id       VARCHAR(36)   NOT NULL REFERENCES workflow_run (id) ON DELETE CASCADE,
    node_path    VARCHAR(1000) NOT NULL,
    iteration    INTEGER       NOT NULL,
    node_id      VARCHAR(64),
    kind         VARCHAR(16)   NOT NULL,
    agent_name   VARCHAR(63),
    status       VARCHAR(16)   NOT NULL,
    task_id      VARCHAR(36),
    output       TEXT,
    error        TEXT,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at  TIMESTAMP WITH TIME ZONE,
    version      BIGINT        NOT NULL,
    CONSTRAINT workflow_node_status_check
        CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED'))
);
CREATE UNIQUE INDEX workflow_node_once ON workflow_node (run_id, node_path, iteration);
CREATE INDEX workflow_node_task ON workflow_node (task_id);
