-- Identity: throttled sign-ins, one-time codes, family links, lecturers' centres, audit log.

-- Failed sign-ins per username as typed, whether or not such an account exists.
CREATE TABLE login_failures (
    username TEXT PRIMARY KEY,
    failures BIGINT NOT NULL,
    last_failure_at TEXT NOT NULL
);

-- One-time codes, shown once and stored only as hashes: a staff member's password reset, or
-- an invitation for a client's family member.
CREATE TABLE one_time_codes (
    code_hash TEXT PRIMARY KEY,
    purpose TEXT NOT NULL,
    provider_id TEXT NOT NULL REFERENCES providers (id),
    user_id TEXT REFERENCES users (id),
    client_id TEXT REFERENCES clients (id),
    created_by TEXT NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    revoked_at TEXT
);

CREATE TABLE family_links (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id),
    client_id TEXT NOT NULL REFERENCES clients (id),
    provider_id TEXT NOT NULL REFERENCES providers (id),
    created_by TEXT NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    revoked_at TEXT
);

CREATE INDEX family_links_by_user ON family_links (user_id);
CREATE INDEX family_links_by_client ON family_links (client_id);

CREATE TABLE training_centre_lecturers (
    centre_id TEXT NOT NULL REFERENCES training_centres (id),
    user_id TEXT NOT NULL REFERENCES users (id),
    PRIMARY KEY (centre_id, user_id)
);

-- Who read or changed a client's care data, when, and in which role.
CREATE TABLE audit_log (
    id TEXT PRIMARY KEY,
    at TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id),
    role TEXT NOT NULL,
    provider_id TEXT REFERENCES providers (id),
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT,
    client_id TEXT
);

CREATE INDEX audit_log_by_provider_and_time ON audit_log (provider_id, at);

-- Staff-internal notes on a client: never shown to the family.
ALTER TABLE clients ADD COLUMN internal_note TEXT;
