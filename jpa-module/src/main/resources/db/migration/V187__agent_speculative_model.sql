-- (After V180, which rebuilds the agent table with the columns it knew.)
-- An agent's fast model for speculative chat answers (POST /api/v1/agents/{name}/chat with speculative: true).

ALTER TABLE agent ADD COLUMN speculative_model VARCHAR(255);
