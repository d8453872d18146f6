-- Messages take their ids from the sequence as they are inserted, read back by the same statement
-- (RETURNING on PostgreSQL, FINAL TABLE on H2), instead of a nextval round trip before each insert.
-- Ids still grow in insertion order across nodes, which orders a session's messages.
ALTER TABLE message ALTER COLUMN id SET DEFAULT nextval('message_seq');
