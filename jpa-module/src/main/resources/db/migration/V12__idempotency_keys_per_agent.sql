-- Idempotency keys belong to an agent: the same key sent to two agents makes two tasks.
DROP INDEX task_idempotency_idx;
CREATE UNIQUE INDEX task_idempotency_idx ON task (agent_name, idempotency_key);
