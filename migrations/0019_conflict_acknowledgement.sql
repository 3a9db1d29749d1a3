-- A coordinator's acknowledgement of a sync conflict: the office's list shows only those
-- nobody has acknowledged. NULL until someone does; the first acknowledgement stays.
ALTER TABLE record_conflicts ADD COLUMN acknowledged_by TEXT REFERENCES users (id);
ALTER TABLE record_conflicts ADD COLUMN acknowledged_at TEXT;
