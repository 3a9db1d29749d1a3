-- Clients: care allowance with its date, service period, free-of-charge flag, preferences
-- and contact persons.

ALTER TABLE clients ADD COLUMN care_allowance_from TEXT;
ALTER TABLE clients ADD COLUMN free_of_charge BIGINT NOT NULL DEFAULT 0;
ALTER TABLE clients ADD COLUMN service_from TEXT;
ALTER TABLE clients ADD COLUMN service_to TEXT;
-- 'female', 'male' or NULL for no preference.
ALTER TABLE clients ADD COLUMN preferred_caregiver_gender TEXT;

CREATE TABLE client_contacts (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES clients (id),
    name TEXT NOT NULL,
    relation TEXT NOT NULL,
    phone TEXT NOT NULL,
    position BIGINT NOT NULL
);

CREATE INDEX client_contacts_by_client ON client_contacts (client_id, position);

-- Clients recorded before service dates were kept started with their record.
UPDATE clients SET service_from = substr(created_at, 1, 10) WHERE service_from IS NULL;
