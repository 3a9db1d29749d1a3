-- Scheduling: what caregivers can do and when, care-plan visit templates, and the history
-- of every change to a visit.

CREATE TABLE caregiver_skills (
    user_id TEXT NOT NULL REFERENCES users (id),
    skill TEXT NOT NULL,
    PRIMARY KEY (user_id, skill)
);

-- Weekly shifts, Prague wall time; weekday 1 = Monday … 7 = Sunday.
CREATE TABLE caregiver_shifts (
    user_id TEXT NOT NULL REFERENCES users (id),
    weekday BIGINT NOT NULL,
    start_time TEXT NOT NULL,
    end_time TEXT NOT NULL,
    PRIMARY KEY (user_id, weekday, start_time)
);

CREATE TABLE caregiver_absences (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id),
    from_date TEXT NOT NULL,
    to_date TEXT NOT NULL,
    reason TEXT NOT NULL
);

CREATE TABLE client_refused_caregivers (
    client_id TEXT NOT NULL REFERENCES clients (id),
    user_id TEXT NOT NULL REFERENCES users (id),
    PRIMARY KEY (client_id, user_id)
);

-- A recurring visit of a client's care plan. Weekdays as digits, "12345" = Monday–Friday;
-- tasks as comma-separated codes of the legal catalogue.
CREATE TABLE visit_templates (
    id TEXT PRIMARY KEY,
    provider_id TEXT NOT NULL REFERENCES providers (id),
    client_id TEXT NOT NULL REFERENCES clients (id),
    weekdays TEXT NOT NULL,
    window_start TEXT NOT NULL,
    window_end TEXT NOT NULL,
    duration_minutes BIGINT NOT NULL,
    tasks TEXT NOT NULL,
    required_skills TEXT NOT NULL,
    caregivers_needed BIGINT NOT NULL,
    preferred_caregiver_id TEXT REFERENCES users (id),
    valid_from TEXT NOT NULL,
    valid_to TEXT
);

ALTER TABLE visits ADD COLUMN template_id TEXT REFERENCES visit_templates (id);
ALTER TABLE visits ADD COLUMN planned_date TEXT;
ALTER TABLE visits ADD COLUMN window_opens_at TEXT;
ALTER TABLE visits ADD COLUMN window_closes_at TEXT;
ALTER TABLE visits ADD COLUMN second_caregiver_id TEXT REFERENCES users (id);
ALTER TABLE visits ADD COLUMN caregivers_needed BIGINT NOT NULL DEFAULT 1;
ALTER TABLE visits ADD COLUMN required_skills TEXT NOT NULL DEFAULT '';

-- Generating a week twice must not double a visit.
CREATE UNIQUE INDEX visits_by_template_and_date ON visits (template_id, planned_date);

-- Every change to a visit: who, when, what, why. Family view and reports read it.
CREATE TABLE visit_events (
    id TEXT PRIMARY KEY,
    visit_id TEXT NOT NULL REFERENCES visits (id),
    at TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id),
    kind TEXT NOT NULL,
    detail TEXT NOT NULL,
    reason TEXT
);

CREATE INDEX visit_events_by_visit ON visit_events (visit_id, at);
