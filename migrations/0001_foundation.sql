-- The foundation schema. One file for both engines: only types both accept
-- (TEXT, BIGINT, DOUBLE PRECISION), UUIDs as text, instants as RFC 3339 UTC text
-- ('YYYY-MM-DDTHH:MM:SSZ', so text order is time order), money in haléře.

CREATE TABLE municipalities (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    district TEXT NOT NULL,
    orp_code TEXT NOT NULL,
    orp_name TEXT NOT NULL,
    latitude DOUBLE PRECISION NOT NULL,
    longitude DOUBLE PRECISION NOT NULL,
    population BIGINT NOT NULL,
    population_60_plus BIGINT NOT NULL,
    postal_code TEXT NOT NULL
);

CREATE TABLE providers (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    municipality_code TEXT NOT NULL REFERENCES municipalities (code),
    created_at TEXT NOT NULL
);

CREATE TABLE users (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL,
    provider_id TEXT REFERENCES providers (id),
    active BIGINT NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    revoked_at TEXT
);

CREATE INDEX sessions_by_user ON sessions (user_id);

CREATE TABLE clients (
    id TEXT PRIMARY KEY,
    provider_id TEXT NOT NULL REFERENCES providers (id),
    name TEXT NOT NULL,
    street TEXT NOT NULL,
    municipality_code TEXT NOT NULL REFERENCES municipalities (code),
    latitude DOUBLE PRECISION NOT NULL,
    longitude DOUBLE PRECISION NOT NULL,
    care_allowance_level BIGINT,
    doorstep_note TEXT,
    created_at TEXT NOT NULL
);

CREATE INDEX clients_by_provider ON clients (provider_id);

-- The legal catalogue of tasks (vyhláška 505/2006 Sb. §6), by basic activity a)–e).
CREATE TABLE care_tasks (
    code TEXT PRIMARY KEY,
    activity TEXT NOT NULL,
    name TEXT NOT NULL,
    unit TEXT NOT NULL,
    position BIGINT NOT NULL
);

CREATE TABLE visits (
    id TEXT PRIMARY KEY,
    provider_id TEXT NOT NULL REFERENCES providers (id),
    client_id TEXT NOT NULL REFERENCES clients (id),
    -- NULL until the planner assigns someone.
    caregiver_id TEXT REFERENCES users (id),
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE INDEX visits_by_caregiver_and_start ON visits (caregiver_id, starts_at);
CREATE INDEX visits_by_provider_and_start ON visits (provider_id, starts_at);

CREATE TABLE visit_tasks (
    visit_id TEXT NOT NULL REFERENCES visits (id),
    task_code TEXT NOT NULL REFERENCES care_tasks (code),
    PRIMARY KEY (visit_id, task_code)
);

-- The region's Integrated Training Centres (IVC).
CREATE TABLE training_centres (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    municipality_code TEXT NOT NULL REFERENCES municipalities (code),
    created_at TEXT NOT NULL
);

INSERT INTO care_tasks (code, activity, name, unit, position) VALUES
    ('a1', 'a', 'Pomoc a podpora při podávání jídla a pití', 'hour', 1),
    ('a2', 'a', 'Pomoc při oblékání a svlékání včetně speciálních pomůcek', 'hour', 2),
    ('a3', 'a', 'Pomoc při prostorové orientaci, samostatném pohybu ve vnitřním prostoru', 'hour', 3),
    ('a4', 'a', 'Pomoc při přesunu na lůžko nebo vozík', 'hour', 4),
    ('b1', 'b', 'Pomoc při úkonech osobní hygieny', 'hour', 5),
    ('b2', 'b', 'Pomoc při základní péči o vlasy a nehty', 'hour', 6),
    ('b3', 'b', 'Pomoc při použití WC', 'hour', 7),
    ('c1', 'c', 'Zajištění stravy odpovídající věku a zásadám racionální výživy', 'meal', 8),
    ('c2', 'c', 'Dovoz nebo donáška jídla', 'trip', 9),
    ('c3', 'c', 'Pomoc při přípravě jídla a pití', 'hour', 10),
    ('c4', 'c', 'Příprava a podání jídla a pití', 'hour', 11),
    ('d1', 'd', 'Běžný úklid a údržba domácnosti', 'hour', 12),
    ('d2', 'd', 'Údržba domácích spotřebičů', 'hour', 13),
    ('d3', 'd', 'Pomoc při zajištění velkého úklidu domácnosti', 'hour', 14),
    ('d4', 'd', 'Donáška vody', 'hour', 15),
    ('d5', 'd', 'Topení v kamnech včetně donášky a přípravy topiva', 'hour', 16),
    ('d6', 'd', 'Běžné nákupy a pochůzky', 'hour', 17),
    ('d7', 'd', 'Velký nákup', 'trip', 18),
    ('d8', 'd', 'Praní a žehlení ložního a osobního prádla', 'kg', 19),
    ('e1', 'e', 'Doprovázení do školy, k lékaři, na úřady a zpět', 'hour', 20);
