-- A workflow run's priority: the JMS priority (0-9) of its steps' tasks.

ALTER TABLE workflow_run ADD COLUMN priority INT NOT NULL DEFAULT 4;
