-- API keys for service accounts. Only a SHA-256 hash of the secret is stored.
-- Written in the SQL subset shared by PostgreSQL and H2 (MODE=PostgreSQL).
CREATE TABLE api_key (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    role        VARCHAR(16)  NOT NULL,
    key_hash    VARCHAR(64)  NOT NULL,
    key_prefix  VARCHAR(16)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at  TIMESTAMP WITH TIME ZONE,
    version     BIGINT       NOT NULL,
    CONSTRAINT api_key_role_check CHECK (role IN ('ADMIN', 'OPERATOR', 'VIEWER'))
);

CREATE UNIQUE INDEX api_key_hash_idx ON api_key (key_hash);
