-- A caregiver's correction made offline carries the key her phone made for it (a UUID):
-- sent again after a lost answer, it is stored once. NULL for corrections made online
-- without one.
ALTER TABLE record_corrections ADD COLUMN correction_id TEXT;
CREATE UNIQUE INDEX record_corrections_correction_id ON record_corrections (correction_id);
-- The client's own phone, as checked ("+420 601 000 001"): the caregiver calls it with one
-- tap from her day. NULL while not given.
ALTER TABLE clients ADD COLUMN phone TEXT;
