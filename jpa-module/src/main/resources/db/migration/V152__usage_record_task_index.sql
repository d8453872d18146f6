-- A task's usage totals (GET /api/v1/tasks/{id}) and a delegation tree's token sum select usage
-- records by task: without this index each such read scanned every usage record.

CREATE INDEX usage_record_task_idx ON usage_record (task_id);
