-- Care plans (individuální plán) with their history, and what the planner knows of a
-- caregiver beyond skills and shifts: contract hours and home base.

-- Each save of a client's plan is a new version; the newest is in force. Tasks as
-- comma-separated codes of the legal catalogue.
CREATE TABLE care_plans (
    id TEXT PRIMARY KEY,
    provider_id TEXT NOT NULL REFERENCES providers (id),
    client_id TEXT NOT NULL REFERENCES clients (id),
    version BIGINT NOT NULL,
    goals TEXT NOT NULL,
    agreed_tasks TEXT NOT NULL,
    valid_from TEXT NOT NULL,
    note TEXT,
    created_by TEXT NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    UNIQUE (client_id, version)
);

CREATE TABLE caregiver_profiles (
    user_id TEXT PRIMARY KEY REFERENCES users (id),
    contract_minutes_per_week BIGINT,
    home_street TEXT,
    home_latitude DOUBLE PRECISION,
    home_longitude DOUBLE PRECISION
);
