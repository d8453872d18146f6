-- Reservations held against budget counters until their model call settles. One left by a run
-- that never settled (a node that died) is released by the sweeper once it expires.
CREATE TABLE budget_reservation (
    id          VARCHAR(36)     NOT NULL PRIMARY KEY,
    scopes      VARCHAR(2000)   NOT NULL,
    tokens      BIGINT          NOT NULL,
    usd         NUMERIC(20, 10) NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX budget_reservation_expiry_idx ON budget_reservation (expires_at);
