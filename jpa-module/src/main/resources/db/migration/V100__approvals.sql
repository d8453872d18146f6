-- Approvals: a tool call that its agent's policy holds for a person's decision, with who may make
-- it and what was decided. A task waits on at most one pending approval at a time.

CREATE TABLE approval (
    id            VARCHAR(36) PRIMARY KEY,
    task_id       VARCHAR(36),
    session_id    VARCHAR(36) NOT NULL,
    agent_name    VARCHAR(63) NOT NULL,
    tool          VARCHAR(128) NOT NULL,
    tool_call_id  VARCHAR(255) NOT NULL,
    arguments     TEXT NOT NULL,
    approver_role VARCHAR(16) NOT NULL,
    status        VARCHAR(16) NOT NULL,
    requested_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by    VARCHAR(255),
    decided_at    TIMESTAMP WITH TIME ZONE,
    comment       VARCHAR(2000),
    version       BIGINT NOT NULL
);

CREATE INDEX approval_status_requested ON approval (status, requested_at);
CREATE INDEX approval_task ON approval (task_id);
