-- Tenants: every row a caller owns belongs to one tenant. Rows from before tenants belong to
-- 'default'. Agents, providers and agent budgets were keyed by name alone; a name is now unique per
-- tenant, so their primary keys become (tenant, name). Neither PostgreSQL nor H2 can drop the
-- other's unnamed primary key with the same statement, so those three tables are rebuilt.
-- Written in the SQL shared by PostgreSQL and H2 (MODE=LEGACY).

ALTER TABLE api_key ADD COLUMN tenant VARCHAR(63) DEFAULT 'default' NOT NULL;
ALTER TABLE chat_session ADD COLUMN tenant VARCHAR(63) DEFAULT 'default' NOT NULL;
ALTER TABLE usage_record ADD COLUMN tenant VARCHAR(63) DEFAULT 'default' NOT NULL;
ALTER TABLE usage_archive ADD COLUMN tenant VARCHAR(63) DEFAULT 'default' NOT NULL;
ALTER TABLE tool_call ADD COLUMN tenant VARCHAR(63) DEFAULT 'default' NOT NULL;
ALTER TABLE agent_memory ADD COLUMN tenant VARCHAR(63) DEFAULT 'default' NOT NULL;
ALTER TABLE task ADD COLUMN tenant VARCHAR(63) DEFAULT 'default' NOT NULL;
ALTER TABLE schedule ADD COLUMN tenant VARCHAR(63) DEFAULT 'default' NOT NULL;
ALTER TABLE sensor_event ADD COLUMN tenant VARCHAR(63) DEFAULT 'default' NOT NULL;
ALTER TABLE approval ADD COLUMN tenant VARCHAR(63) DEFAULT 'default' NOT NULL;
ALTER TABLE skill ADD COLUMN tenant VARCHAR(63) DEFAULT 'default' NOT NULL;
ALTER TABLE mcp_server ADD COLUMN tenant VARCHAR(63) DEFAULT 'default' NOT NULL;
ALTER TABLE web_session ADD COLUMN tenant VARCHAR(63) DEFAULT 'default' NOT NULL;

CREATE INDEX task_tenant_idx ON task (tenant, created_at);
CREATE INDEX chat_session_tenant_idx ON chat_session (tenant, created_at);
CREATE INDEX usage_record_tenant_idx ON usage_record (tenant, created_at);

-- Idempotency keys and memories belong to an agent, hence to its tenant.
DROP INDEX task_idempotency_idx;
CREATE UNIQUE INDEX task_idempotency_idx ON task (tenant, agent_name, idempotency_key);
ALTER TABLE agent_memory DROP CONSTRAINT agent_memory_key_unique;
ALTER TABLE agent_memory ADD CONSTRAINT agent_memory_key_unique
    UNIQUE (tenant, agent_name, memory_key);

CREATE TABLE agent_t (
    tenant                  VARCHAR(63)  NOT NULL,
    name                    VARCHAR(63)  NOT NULL,
    description             VARCHAR(2000),
    system_prompt           TEXT         NOT NULL,
    provider_name           VARCHAR(63)  NOT NULL,
    model                   VARCHAR(255) NOT NULL,
    temperature             DOUBLE PRECISION,
    max_output_tokens       INTEGER,
    tools                   TEXT         NOT NULL,
    max_iterations          INTEGER      NOT NULL,
    max_duration_seconds    INTEGER      NOT NULL,
    token_budget            BIGINT,
    enabled                 BOOLEAN      NOT NULL,
    paused                  BOOLEAN      NOT NULL,
    package_digest          VARCHAR(64),
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    version                 BIGINT       NOT NULL,
    peers                   TEXT         NOT NULL DEFAULT '',
    payload_element         VARCHAR(255),
    payload_output_element  VARCHAR(255),
    payload_schema          TEXT,
    tool_settings           TEXT         NOT NULL DEFAULT '{}',
    skills                  TEXT         NOT NULL DEFAULT '',
    delegates               TEXT         NOT NULL DEFAULT '',
    CONSTRAINT agent_tenant_pk PRIMARY KEY (tenant, name)
);
INSERT INTO agent_t (tenant, name, description, system_prompt, provider_name, model, temperature,
        max_output_tokens, tools, max_iterations, max_duration_seconds, token_budget, enabled,
        paused, package_digest, created_at, updated_at, version, peers, payload_element,
        payload_output_element, payload_schema, tool_settings, skills, delegates)
    SELECT 'default', name, description, system_prompt, provider_name, model, temperature,
        max_output_tokens, tools, max_iterations, max_duration_seconds, token_budget, enabled,
        paused, package_digest, created_at, updated_at, version, peers, payload_element,
        payload_output_element, payload_schema, tool_settings, skills, delegates
    FROM agent;
DROP TABLE agent;
ALTER TABLE agent_t RENAME TO agent;

CREATE TABLE provider_t (
    tenant          VARCHAR(63)  NOT NULL,
    name            VARCHAR(63)  NOT NULL,
    kind            VARCHAR(16)  NOT NULL,
    base_url        VARCHAR(2048),
    api_key         VARCHAR(8192),
    timeout_ms      BIGINT       NOT NULL,
    max_retries     INTEGER      NOT NULL,
    prices          TEXT         NOT NULL,
    scripted_turns  TEXT,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT       NOT NULL,
    CONSTRAINT provider_tenant_pk PRIMARY KEY (tenant, name),
    CONSTRAINT provider_tenant_kind_check CHECK (kind IN ('OPENAI', 'OLLAMA', 'ANTHROPIC', 'SCRIPTED'))
);
INSERT INTO provider_t (tenant, name, kind, base_url, api_key, timeout_ms, max_retries, prices,
        scripted_turns, created_at, updated_at, version)
    SELECT 'default', name, kind, base_url, api_key, timeout_ms, max_retries, prices,
        scripted_turns, created_at, updated_at, version
    FROM provider;
DROP TABLE provider;
ALTER TABLE provider_t RENAME TO provider;

CREATE TABLE agent_budget_t (
    tenant          VARCHAR(63)     NOT NULL,
    agent_name      VARCHAR(63)     NOT NULL,
    daily_tokens    BIGINT,
    daily_usd       NUMERIC(20, 10),
    monthly_tokens  BIGINT,
    monthly_usd     NUMERIC(20, 10),
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT          NOT NULL,
    CONSTRAINT agent_budget_tenant_pk PRIMARY KEY (tenant, agent_name)
);
INSERT INTO agent_budget_t (tenant, agent_name, daily_tokens, daily_usd, monthly_tokens,
        monthly_usd, updated_at, version)
    SELECT 'default', agent_name, daily_tokens, daily_usd, monthly_tokens, monthly_usd, updated_at,
        version
    FROM agent_budget;
DROP TABLE agent_budget;
ALTER TABLE agent_budget_t RENAME TO agent_budget;
