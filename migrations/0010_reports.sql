-- Reports: what the funding and network reports need beyond the records. The region
-- officer's network parameters per provider as dated data, the earlier care-allowance
-- levels of a client (the current one stays on `clients`), and a client's birth date for
-- the age bands (NULL: the report counts the client as "age not given").

ALTER TABLE clients ADD COLUMN birth_date TEXT;

-- A level a client had from a date on, before the one now on `clients`. The report takes
-- the latest row on or before a date, counting `clients.care_allowance_from` as a row too.
CREATE TABLE care_allowance_changes (
    client_id TEXT NOT NULL REFERENCES clients (id),
    valid_from TEXT NOT NULL,
    -- 1–4, or NULL for no allowance.
    level BIGINT,
    PRIMARY KEY (client_id, valid_from)
);

-- The region's parameters of a provider from a date on; the row with the latest
-- valid_from on or before a period's last day applies. NULL: no target set.
CREATE TABLE network_parameters (
    provider_id TEXT NOT NULL REFERENCES providers (id),
    valid_from TEXT NOT NULL,
    capacity_clients BIGINT,
    operating_hours TEXT,
    min_direct_care_hours_per_month BIGINT,
    min_direct_care_share_percent BIGINT,
    saved_by TEXT NOT NULL REFERENCES users (id),
    saved_at TEXT NOT NULL,
    PRIMARY KEY (provider_id, valid_from)
);

-- The municipalities a provider is mandated to cover, per parameters row.
CREATE TABLE network_mandated_municipalities (
    provider_id TEXT NOT NULL,
    valid_from TEXT NOT NULL,
    municipality_code TEXT NOT NULL REFERENCES municipalities (code),
    PRIMARY KEY (provider_id, valid_from, municipality_code),
    FOREIGN KEY (provider_id, valid_from) REFERENCES network_parameters (provider_id, valid_from)
);
