-- Delegation: an agent may call other agents as tools. Each such call starts a child task that
-- remembers its parent and the parent's tool call; the parent waits until all its children ended.

ALTER TABLE agent ADD COLUMN delegates TEXT NOT NULL DEFAULT '';

ALTER TABLE task ADD COLUMN parent_call_id VARCHAR(255);

ALTER TABLE task ADD COLUMN depth INTEGER NOT NULL DEFAULT 0;

CREATE INDEX task_parent ON task (parent_task_id);
