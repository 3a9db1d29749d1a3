-- The key risks of a client the coordinator notes at intake (falls, allergies, a dog at the
-- door…), shown to whoever plans or visits them.
ALTER TABLE clients ADD COLUMN key_risks TEXT;
