-- Settings of single tools (approval policies, error recovery, allow-lists; a JSON object keyed by
-- tool name) and the skills an agent may load.
ALTER TABLE agent ADD COLUMN tool_settings TEXT NOT NULL DEFAULT '{}';
ALTER TABLE agent ADD COLUMN skills TEXT NOT NULL DEFAULT '';
