-- Threads (xml-pipeline's name for sessions): the agents an agent may address, the agent that sent a
-- message into a session (null for a person or an operator), and the look-ups of a thread's tasks
-- and of an agent's messages across threads.

ALTER TABLE agent ADD COLUMN peers TEXT NOT NULL DEFAULT '';
ALTER TABLE message ADD COLUMN sender VARCHAR(63);
CREATE INDEX message_sender_idx ON message (sender, id);
CREATE INDEX task_session_idx ON task (session_id, status);
