-- A sensor event may start a workflow run or send an event to one (issue: workflow templates whose
-- runs sensors start and drive); the run it started or signalled is kept beside the task it started.

ALTER TABLE sensor_event ADD COLUMN workflow_run_id VARCHAR(36);
