-- A browser session remembers whether its holder is a platform admin (its tenant is in the
-- tenant column V180 added).
ALTER TABLE web_session ADD COLUMN platform_admin BOOLEAN DEFAULT FALSE NOT NULL;

-- Sensors are named per tenant: two tenants' sensors may use the same id and dedupe keys.
ALTER TABLE sensor_event DROP CONSTRAINT sensor_event_dedupe_unique;
ALTER TABLE sensor_event ADD CONSTRAINT sensor_event_dedupe_unique
    UNIQUE (tenant, sensor_id, dedupe_key);
