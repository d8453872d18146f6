-- Goals, workflow definitions and workflow runs belong to a tenant, as everything a caller owns
-- (V180). A workflow definition's name is unique per tenant: its primary key becomes
-- (tenant, name), so the table is rebuilt as V180 rebuilt agents (the SQL PostgreSQL and H2 share).

ALTER TABLE goal ADD COLUMN tenant VARCHAR(63) DEFAULT 'default' NOT NULL;
CREATE INDEX goal_tenant_idx ON goal (tenant, created_at);

ALTER TABLE workflow_run ADD COLUMN tenant VARCHAR(63) DEFAULT 'default' NOT NULL;
CREATE INDEX workflow_run_tenant_idx ON workflow_run (tenant, created_at);

CREATE TABLE workflow_definition_t (
    tenant       VARCHAR(63)   NOT NULL,
    name         VARCHAR(63)   NOT NULL,
    description  VARCHAR(2000),
    definition   TEXT          NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    version      BIGINT        NOT NULL,
    CONSTRAINT workflow_definition_tenant_pk PRIMARY KEY (tenant, name)
);
INSERT INTO workflow_definition_t (tenant, name, description, definition, created_at, updated_at,
        version)
    SELECT 'default', name, description, definition, created_at, updated_at, version
    FROM workflow_definition;
DROP TABLE workflow_definition;
ALTER TABLE workflow_definition_t RENAME TO workflow_definition;
