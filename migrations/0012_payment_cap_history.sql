-- Every saved version of a region's payment cap, with who saved it and when: a cap row of
-- the same item and day is replaced in place, and its earlier versions stay here.

CREATE TABLE payment_cap_history (
    id TEXT PRIMARY KEY,
    valid_from TEXT NOT NULL,
    item TEXT NOT NULL,
    cap BIGINT NOT NULL,
    threshold_minutes BIGINT,
    cap_above_threshold BIGINT,
    source TEXT NOT NULL,
    saved_by TEXT NOT NULL REFERENCES users (id),
    saved_at TEXT NOT NULL
);

CREATE INDEX payment_cap_history_by_item ON payment_cap_history (item, valid_from, saved_at);
