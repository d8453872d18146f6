-- A task may be a step of something that waits for its end (a goal, a workflow run): the
-- coordinator names it as <kind>:<id>[:<step>], so the task's end finds it without a lookup.

ALTER TABLE task ADD COLUMN coordinator VARCHAR(200);

CREATE INDEX task_coordinator ON task (coordinator);
