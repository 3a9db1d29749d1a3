-- Training: the centres' address and contact, courses and their runs (one or more sessions),
-- enrolments with a waiting list, attendance, credited hours, certificates, and the
-- employment periods the 24-hour duty is computed from. Durations are whole minutes.

ALTER TABLE training_centres ADD COLUMN street TEXT NOT NULL DEFAULT '';
ALTER TABLE training_centres ADD COLUMN email TEXT NOT NULL DEFAULT '';
ALTER TABLE training_centres ADD COLUMN phone TEXT NOT NULL DEFAULT '';

-- target_group: management, social_work, direct_care.
CREATE TABLE training_courses (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    minutes BIGINT NOT NULL,
    target_group TEXT NOT NULL,
    accreditation_number TEXT,
    accreditation_valid_until TEXT,
    description TEXT NOT NULL,
    what_to_bring TEXT NOT NULL,
    created_at TEXT NOT NULL
);

-- One run of a course at a centre: what people enrol into. Its capacity and deadlines hold
-- for all of its sessions (a module is attended whole).
CREATE TABLE training_runs (
    id TEXT PRIMARY KEY,
    course_id TEXT NOT NULL REFERENCES training_courses (id),
    centre_id TEXT NOT NULL REFERENCES training_centres (id),
    lecturer_id TEXT NOT NULL REFERENCES users (id),
    capacity BIGINT NOT NULL,
    enrol_by TEXT NOT NULL,
    cancel_by TEXT NOT NULL,
    room TEXT NOT NULL,
    -- Bumped by every enrolment change: the row lock that serialises them on PostgreSQL.
    version BIGINT NOT NULL DEFAULT 0,
    closed_at TEXT,
    created_at TEXT NOT NULL
);

CREATE INDEX training_runs_by_centre ON training_runs (centre_id);

CREATE TABLE training_sessions (
    id TEXT PRIMARY KEY,
    run_id TEXT NOT NULL REFERENCES training_runs (id),
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL
);

CREATE INDEX training_sessions_by_run ON training_sessions (run_id);

-- status: enrolled, waiting, cancelled. provider_id: the worker's employer when enrolled.
CREATE TABLE training_enrolments (
    id TEXT PRIMARY KEY,
    run_id TEXT NOT NULL REFERENCES training_runs (id),
    user_id TEXT NOT NULL REFERENCES users (id),
    provider_id TEXT NOT NULL REFERENCES providers (id),
    status TEXT NOT NULL,
    enrolled_by TEXT NOT NULL REFERENCES users (id),
    requested_at TEXT NOT NULL,
    -- The run's version when she asked: the waiting list's order.
    queue_position BIGINT NOT NULL,
    promoted_at TEXT,
    promotion_seen_at TEXT,
    cancelled_at TEXT,
    cancelled_late BIGINT NOT NULL DEFAULT 0,
    UNIQUE (run_id, user_id)
);

CREATE INDEX training_enrolments_by_user ON training_enrolments (user_id);

-- mark: present, partly, absent, excused; minutes only for partly.
CREATE TABLE training_attendance (
    session_id TEXT NOT NULL REFERENCES training_sessions (id),
    user_id TEXT NOT NULL REFERENCES users (id),
    mark TEXT NOT NULL,
    minutes BIGINT,
    recorded_by TEXT NOT NULL REFERENCES users (id),
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (session_id, user_id)
);

-- Each roll a tablet sends, by the id it made offline: a resend is recognised and counts once.
CREATE TABLE training_attendance_submissions (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES training_sessions (id),
    received_at TEXT NOT NULL
);

-- Hours credited when a run's attendance is closed; the year is the Prague year of its last
-- session. The worker's, wherever she works later.
CREATE TABLE training_credits (
    run_id TEXT NOT NULL REFERENCES training_runs (id),
    user_id TEXT NOT NULL REFERENCES users (id),
    year BIGINT NOT NULL,
    minutes BIGINT NOT NULL,
    credited_at TEXT NOT NULL,
    PRIMARY KEY (run_id, user_id)
);

CREATE INDEX training_credits_by_user_year ON training_credits (user_id, year);

-- What the certificate shows is copied onto it when issued.
CREATE TABLE training_certificates (
    code TEXT PRIMARY KEY,
    run_id TEXT NOT NULL REFERENCES training_runs (id),
    user_id TEXT NOT NULL REFERENCES users (id),
    holder_name TEXT NOT NULL,
    course_title TEXT NOT NULL,
    minutes BIGINT NOT NULL,
    accreditation_number TEXT,
    first_day TEXT NOT NULL,
    last_day TEXT NOT NULL,
    centre_name TEXT NOT NULL,
    lecturer_name TEXT NOT NULL,
    issued_by TEXT NOT NULL REFERENCES users (id),
    issued_at TEXT NOT NULL,
    revoked_at TEXT,
    revoked_reason TEXT,
    UNIQUE (run_id, user_id)
);

-- A worker's employment with a provider of the region, Prague dates, inclusive.
CREATE TABLE employment_periods (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id),
    provider_id TEXT NOT NULL REFERENCES providers (id),
    starts_on TEXT NOT NULL,
    ends_on TEXT,
    probation_until TEXT
);

CREATE INDEX employment_periods_by_user ON employment_periods (user_id);
