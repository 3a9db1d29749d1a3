-- A caregiver's day on a whole region: "which visits of this day is she on" asked of
-- `visit_assignments` without a time made PostgreSQL read every visit of her year for each
-- request (12 ms, on 1,800 rows). The view now carries each visit's start, so the question
-- names the day and each branch reads its (caregiver, start) index.
DROP VIEW visit_assignments;

-- Who is on a visit: its caregiver (position 1) and, on a two-person visit, the second one
-- (position 2), with when the visit starts. The one rule for "is this caregiver on this
-- visit" in SQL (shared::schedule::Assignment is the same rule in memory).
CREATE VIEW visit_assignments AS
    SELECT id AS visit_id, provider_id, caregiver_id, 1 AS position, starts_at
    FROM visits WHERE caregiver_id IS NOT NULL
    UNION ALL
    SELECT id AS visit_id, provider_id, second_caregiver_id AS caregiver_id, 2 AS position, starts_at
    FROM visits WHERE second_caregiver_id IS NOT NULL;
