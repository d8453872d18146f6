-- A task's response schema: the JSON Schema its final answer must match (structured output),
-- sent to providers that take one and checked by the loop. Null for a free-text answer.

ALTER TABLE task ADD COLUMN response_schema TEXT;
