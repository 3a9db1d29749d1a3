-- The family view: requests to the coordinator, which changes a family member has seen,
-- and the calendar feeds phones subscribe to (only a hash of each feed's secret is kept).

-- A family member's request about one visit, or about a day.
CREATE TABLE family_requests (
    id TEXT PRIMARY KEY,
    provider_id TEXT NOT NULL REFERENCES providers (id),
    client_id TEXT NOT NULL REFERENCES clients (id),
    user_id TEXT NOT NULL REFERENCES users (id),
    visit_id TEXT REFERENCES visits (id),
    -- The Prague date: the visit's date when the request is about a visit.
    day TEXT NOT NULL,
    -- 'cancel', 'later', 'earlier', 'other' (shared::family::RequestKind).
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    -- 'open', 'accepted', 'declined' (shared::family::RequestState).
    state TEXT NOT NULL,
    answered_by TEXT REFERENCES users (id),
    answered_at TEXT,
    reply TEXT
);
CREATE INDEX family_requests_by_provider ON family_requests (provider_id, state, sent_at);
CREATE INDEX family_requests_by_client ON family_requests (client_id, sent_at);

-- The history events an accepted request made: the change's reason is the request.
CREATE TABLE visit_event_requests (
    event_id TEXT PRIMARY KEY REFERENCES visit_events (id),
    request_id TEXT NOT NULL REFERENCES family_requests (id)
);

-- The changes (history events) a family member has seen.
CREATE TABLE family_seen_changes (
    user_id TEXT NOT NULL REFERENCES users (id),
    event_id TEXT NOT NULL REFERENCES visit_events (id),
    seen_at TEXT NOT NULL,
    PRIMARY KEY (user_id, event_id)
);

-- A calendar feed of one family link. Making a new one revokes the old.
CREATE TABLE calendar_feeds (
    id TEXT PRIMARY KEY,
    link_id TEXT NOT NULL REFERENCES family_links (id),
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    revoked_at TEXT,
    revoked_by TEXT REFERENCES users (id)
);
CREATE INDEX calendar_feeds_by_link ON calendar_feeds (link_id, revoked_at);

-- What the accepted record of a visit says, as other areas read it: arrival and leaving
-- with a coordinator's latest correction applied, and how many planned tasks were done.
-- Care records owns visit_records; the family view reads only this.
CREATE VIEW visit_outcomes AS
    SELECT r.visit_id,
           COALESCE(c.arrived_at, r.arrived_at) AS arrived_at,
           COALESCE(c.left_at, r.left_at) AS left_at,
           (SELECT COUNT(*) FROM record_tasks t
            WHERE t.record_id = r.id AND t.version = r.current_version AND t.planned = 1)
               AS planned_tasks_done
    FROM visit_records r
    LEFT JOIN record_corrections c ON c.record_id = r.id AND c.version = r.current_version
    WHERE r.state = 'accepted';
