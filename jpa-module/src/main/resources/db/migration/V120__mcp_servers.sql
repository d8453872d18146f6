-- MCP servers agents may use as tool sources. Header and environment values are secrets: each map is
-- stored as one sealed JSON text (see "Secrets at rest"); only the names are kept in clear.

CREATE TABLE mcp_server (
    name            VARCHAR(63) PRIMARY KEY,
    transport       VARCHAR(16) NOT NULL,
    command         TEXT,
    url             VARCHAR(2048),
    header_names    TEXT NOT NULL DEFAULT '',
    headers         TEXT,
    env_names       TEXT NOT NULL DEFAULT '',
    env             TEXT,
    timeout_seconds INTEGER NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT NOT NULL
);
