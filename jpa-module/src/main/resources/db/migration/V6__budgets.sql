-- Budgets: limits per agent and day or month, and counters (used and reserved, tokens and USD)
-- per budget scope. A model call reserves its worst case before it is made and settles after.

CREATE TABLE agent_budget (
    agent_name      VARCHAR(63)     NOT NULL PRIMARY KEY,
    daily_tokens    BIGINT,
    daily_usd       NUMERIC(20, 10),
    monthly_tokens  BIGINT,
    monthly_usd     NUMERIC(20, 10),
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT          NOT NULL
);

CREATE TABLE budget_counter (
    scope            VARCHAR(160)    NOT NULL PRIMARY KEY,
    used_tokens      BIGINT          NOT NULL,
    used_usd         NUMERIC(20, 10) NOT NULL,
    reserved_tokens  BIGINT          NOT NULL,
    reserved_usd     NUMERIC(20, 10) NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version          BIGINT          NOT NULL
);
