-- A caregiver's correction made offline carries the key her phone made for it (a UUID):
-- sent again after a lost answer, it is stored once. NULL for corrections made online
-- without one.
ALTER TABLE record_corrections ADD COLUMN correction_id TEXT;
CREATE UNIQUE INDEX record_corrections_correction_id ON record_corrections (correction_id);
