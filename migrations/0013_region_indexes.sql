-- Indexes a whole region needs (about 750,000 visits a year).

-- A family member's view and a client's visit list read a client's visits by time; without
-- this index both engines scan every visit of the region.
CREATE INDEX visits_by_client_and_start ON visits (client_id, starts_at);

-- "Is this caregiver on the visit" goes through `visit_assignments`, whose second branch
-- filters on the second caregiver: PostgreSQL plans the caregiver's day as a semi-join over
-- both branches and scanned every visit for the second one (150 ms a request).
CREATE INDEX visits_by_second_caregiver_and_start ON visits (second_caregiver_id, starts_at);
