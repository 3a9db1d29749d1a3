-- What other areas read of a visit, as documented views and structured rows: scheduling owns
-- `visits` and `visit_events`, care records owns `visit_records`. No area parses another's text.

-- Who is on a visit: its caregiver (position 1) and, on a two-person visit, the second one
-- (position 2). The one rule for "is this caregiver on this visit" in SQL
-- (shared::schedule::Assignment is the same rule in memory).
CREATE VIEW visit_assignments AS
    SELECT id AS visit_id, provider_id, caregiver_id, 1 AS position
    FROM visits WHERE caregiver_id IS NOT NULL
    UNION ALL
    SELECT id AS visit_id, provider_id, second_caregiver_id AS caregiver_id, 2 AS position
    FROM visits WHERE second_caregiver_id IS NOT NULL;

-- Every change of who is on a visit, written by scheduling with the 'assigned' event of the
-- visit's history (one row per position that changed). Care records reads it to accept a
-- record from a caregiver the planner took off the visit after she went there offline.
CREATE TABLE visit_assignment_changes (
    event_id TEXT NOT NULL REFERENCES visit_events (id),
    visit_id TEXT NOT NULL REFERENCES visits (id),
    position BIGINT NOT NULL CHECK (position IN (1, 2)),
    from_caregiver_id TEXT REFERENCES users (id),
    to_caregiver_id TEXT REFERENCES users (id),
    PRIMARY KEY (event_id, position)
);
CREATE INDEX visit_assignment_changes_by_visit
    ON visit_assignment_changes (visit_id, from_caregiver_id);

-- Where a visit stands, as every area reads it: a planned visit with an accepted record is
-- done. Care records no longer writes `visits.status`; scheduling reads this view.
CREATE VIEW visit_progress AS
    SELECT v.id AS visit_id,
           CASE
               WHEN v.status = 'planned' AND EXISTS (
                   SELECT 1 FROM visit_records r
                   WHERE r.visit_id = v.id AND r.state = 'accepted'
               ) THEN 'done'
               ELSE v.status
           END AS status
    FROM visits v;
