-- Browser sessions opened by the OpenID Connect sign-in, shared by every node through the database.
-- Only SHA-256 hashes of the session and CSRF tokens are stored.
-- Written in the SQL subset shared by PostgreSQL and H2 (MODE=PostgreSQL).
CREATE TABLE web_session (
    id            VARCHAR(64)  NOT NULL PRIMARY KEY,
    subject       VARCHAR(255) NOT NULL,
    display_name  VARCHAR(255),
    email         VARCHAR(320),
    roles         VARCHAR(64)  NOT NULL,
    csrf_hash     VARCHAR(64)  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    version       BIGINT       NOT NULL
);

CREATE INDEX web_session_expires_idx ON web_session (expires_at);
