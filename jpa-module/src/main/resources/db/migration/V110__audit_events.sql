-- The audit log: one row per change made through the API and per refused sign-in, written in the
-- change's own transaction. Rows never change; the sweeper deletes those past the retention.

CREATE TABLE audit_event (
    id             VARCHAR(36) PRIMARY KEY,
    occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    actor          VARCHAR(255) NOT NULL,
    auth_method    VARCHAR(16) NOT NULL,
    key_prefix     VARCHAR(16),
    tenant         VARCHAR(63) NOT NULL,
    action         VARCHAR(64) NOT NULL,
    resource_type  VARCHAR(32),
    resource_id    VARCHAR(255),
    client_address VARCHAR(64),
    outcome        VARCHAR(64) NOT NULL,
    detail         VARCHAR(500)
);

CREATE INDEX audit_event_occurred ON audit_event (occurred_at, id);
CREATE INDEX audit_event_actor ON audit_event (actor, occurred_at);
CREATE INDEX audit_event_action ON audit_event (action, occurred_at);
