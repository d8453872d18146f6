-- Provider API keys are stored sealed (AES-GCM, Base64 with a header), about 4/3 of their clear
-- length plus 48 characters: the column grows so that a 4096-character key still fits. Existing
-- clear-text keys are sealed by the application at startup (SQL cannot encrypt them).
ALTER TABLE provider ALTER COLUMN api_key SET DATA TYPE VARCHAR(8192);
