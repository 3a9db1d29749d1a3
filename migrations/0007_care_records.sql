-- Care records: what caregivers record at visits (offline too), coordinators' corrections,
-- incidents, the conflicts the sync rules resolved, providers' price lists and the legal
-- caps on client payments.

-- One record as the device sent it; the id is the device-made UUID, so a replay of the
-- same outbox item finds its row. The original content is never updated: corrections are
-- versions in record_corrections.
CREATE TABLE visit_records (
    id TEXT PRIMARY KEY,
    visit_id TEXT NOT NULL REFERENCES visits (id),
    provider_id TEXT NOT NULL REFERENCES providers (id),
    client_id TEXT NOT NULL REFERENCES clients (id),
    caregiver_id TEXT NOT NULL REFERENCES users (id),
    device_id TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    received_at TEXT NOT NULL,
    planned_starts_at TEXT NOT NULL,
    clock_arrived_at TEXT NOT NULL,
    clock_left_at TEXT NOT NULL,
    arrived_at TEXT NOT NULL,
    left_at TEXT NOT NULL,
    time_edit_reason TEXT,
    note TEXT,
    -- The canonical content: a replay must carry the same.
    fingerprint TEXT NOT NULL,
    -- 'accepted', 'superseded' or 'held' (shared::records::sync::RecordState).
    state TEXT NOT NULL,
    -- 0 while uncorrected; else the latest record_corrections.version.
    current_version BIGINT NOT NULL DEFAULT 0,
    -- A coordinator's decision that a record of a cancelled visit counts.
    released_by TEXT REFERENCES users (id),
    released_at TEXT,
    release_reason TEXT
);

CREATE INDEX visit_records_by_visit ON visit_records (visit_id);
CREATE INDEX visit_records_by_client ON visit_records (client_id, arrived_at);
CREATE INDEX visit_records_by_caregiver ON visit_records (caregiver_id);

-- A coordinator's correction: the record as it should read from then on, and why.
CREATE TABLE record_corrections (
    record_id TEXT NOT NULL REFERENCES visit_records (id),
    version BIGINT NOT NULL,
    corrected_by TEXT NOT NULL REFERENCES users (id),
    corrected_at TEXT NOT NULL,
    reason TEXT NOT NULL,
    arrived_at TEXT NOT NULL,
    left_at TEXT NOT NULL,
    note TEXT,
    PRIMARY KEY (record_id, version)
);

-- The tasks of each version of a record (version 0: the original). units is 0 for
-- time-based tasks; planned says whether the visit's plan had the task.
CREATE TABLE record_tasks (
    record_id TEXT NOT NULL REFERENCES visit_records (id),
    version BIGINT NOT NULL,
    task_code TEXT NOT NULL REFERENCES care_tasks (code),
    units BIGINT NOT NULL,
    planned BIGINT NOT NULL,
    PRIMARY KEY (record_id, version, task_code)
);

-- Client not at home, refused care, fall, health change: open until a coordinator
-- acknowledges it.
CREATE TABLE incidents (
    id TEXT PRIMARY KEY,
    record_id TEXT NOT NULL REFERENCES visit_records (id),
    visit_id TEXT NOT NULL REFERENCES visits (id),
    provider_id TEXT NOT NULL REFERENCES providers (id),
    client_id TEXT NOT NULL REFERENCES clients (id),
    kind TEXT NOT NULL,
    note TEXT,
    reported_at TEXT NOT NULL,
    acknowledged_by TEXT REFERENCES users (id),
    acknowledged_at TEXT
);

CREATE INDEX incidents_open_by_provider ON incidents (provider_id, acknowledged_at);
CREATE UNIQUE INDEX incidents_by_record_and_kind ON incidents (record_id, kind);

-- Conflicts the sync rules found, one per record and kind, kept once found.
CREATE TABLE record_conflicts (
    record_id TEXT NOT NULL REFERENCES visit_records (id),
    kind TEXT NOT NULL,
    visit_id TEXT NOT NULL REFERENCES visits (id),
    provider_id TEXT NOT NULL REFERENCES providers (id),
    detected_at TEXT NOT NULL,
    PRIMARY KEY (record_id, kind)
);

CREATE INDEX record_conflicts_by_provider ON record_conflicts (provider_id, detected_at);

-- A provider's prices from a date on (the latest valid_from on or before a visit's date
-- applies): haléře per hour of time-based tasks.
CREATE TABLE price_lists (
    provider_id TEXT NOT NULL REFERENCES providers (id),
    valid_from TEXT NOT NULL,
    hourly_rate BIGINT NOT NULL,
    saved_by TEXT NOT NULL REFERENCES users (id),
    saved_at TEXT NOT NULL,
    PRIMARY KEY (provider_id, valid_from)
);

-- Haléře per unit of the per-unit tasks, per price list.
CREATE TABLE price_list_units (
    provider_id TEXT NOT NULL,
    valid_from TEXT NOT NULL,
    task_code TEXT NOT NULL REFERENCES care_tasks (code),
    price BIGINT NOT NULL,
    PRIMARY KEY (provider_id, valid_from, task_code),
    FOREIGN KEY (provider_id, valid_from) REFERENCES price_lists (provider_id, valid_from)
);

-- The legal caps on client payments (vyhláška 505/2006 Sb. §6), as dated data a region
-- administrator keeps: item 'hour' for time-based tasks (with the monthly threshold and
-- the lower cap beyond it), else the code of a per-unit task. In haléře.
CREATE TABLE payment_caps (
    valid_from TEXT NOT NULL,
    item TEXT NOT NULL,
    cap BIGINT NOT NULL,
    threshold_minutes BIGINT,
    cap_above_threshold BIGINT,
    source TEXT NOT NULL,
    PRIMARY KEY (valid_from, item)
);

-- Hourly caps as DOMAIN.md gives them (secondary sources: verify against the Sbírka).
-- 1 July 2024 (vyhl. 195/2024 Sb.): sources disagree whether the cap beyond 80 hours is
-- 145 or 150 Kč; 145 Kč is seeded, the lower figure, so no client is overcharged while it
-- is verified. The 2014 row's exact day is an assumption (1 January 2014).
INSERT INTO payment_caps (valid_from, item, cap, threshold_minutes, cap_above_threshold, source) VALUES
    ('2014-01-01', 'hour', 13000, NULL, NULL, 'vyhl. 505/2006 Sb. ve znění k 2014; den účinnosti ověřit'),
    ('2022-03-01', 'hour', 13500, NULL, NULL, 'vyhl. 505/2006 Sb. ve znění od 1. 3. 2022; ověřit'),
    ('2023-01-01', 'hour', 15500, 4800, 13500, 'vyhl. 505/2006 Sb. ve znění od 1. 1. 2023; ověřit'),
    ('2024-07-01', 'hour', 16500, 4800, 14500, 'vyhl. 195/2024 Sb.; nad 80 h zdroje uvádějí 145 nebo 150 Kč, ověřit');

-- Per-unit caps: ASSUMPTIONS to verify, the figures commonly cited for the 2014 wording
-- (oběd 75 Kč, dovoz jídla 30 Kč, velký nákup 115 Kč, praní 70 Kč/kg); later amendments
-- (2022–2024) may have raised them. Kept as data so a region administrator can add rows.
INSERT INTO payment_caps (valid_from, item, cap, threshold_minutes, cap_above_threshold, source) VALUES
    ('2014-01-01', 'c1', 7500, NULL, NULL, 'PŘEDPOKLAD, ověřit: oběd vč. suroviny'),
    ('2014-01-01', 'c2', 3000, NULL, NULL, 'PŘEDPOKLAD, ověřit: dovoz nebo donáška jídla, za úkon'),
    ('2014-01-01', 'd7', 11500, NULL, NULL, 'PŘEDPOKLAD, ověřit: velký nákup, za úkon'),
    ('2014-01-01', 'd8', 7000, NULL, NULL, 'PŘEDPOKLAD, ověřit: praní a žehlení, za 1 kg');
