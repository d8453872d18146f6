-- The W3C traceparent of the request that submitted a task, so that its run continues that trace.
ALTER TABLE task ADD COLUMN trace_parent VARCHAR(55);
