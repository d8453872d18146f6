-- Fenced leases: each claim of a task gets a fresh token; renewal, stop checks and the run's writes
-- match on it, so a run whose lease lapsed and was claimed again writes nothing.
ALTER TABLE task ADD COLUMN lease_token VARCHAR(36);
-- A task put back in the queue with an answer to its agent's question: its next claim resumes the
-- run and does not count as an attempt.
ALTER TABLE task ADD COLUMN resuming BOOLEAN DEFAULT FALSE NOT NULL;
