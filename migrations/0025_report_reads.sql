-- A year's region report reads every accepted record of the region with its tasks (about
-- 650,000 records). This index holds what the report reads of a record, in the order of
-- the record ids: the records' wide rows are not read at all, and each record's tasks are
-- the next entries of record_tasks' key, which has the same order.
CREATE INDEX visit_records_for_reports ON visit_records
    (id, state, current_version, provider_id, client_id, caregiver_id, arrived_at, left_at);

-- Whether a visit is done (`visit_progress`: an accepted record of it) is answered from the
-- index alone, without reading each record.
DROP INDEX visit_records_by_visit;
CREATE INDEX visit_records_by_visit ON visit_records (visit_id, state);

-- A report counts a period's visits by client, month and how they stand: this index holds
-- what it reads of a visit, in the order of the clients.
CREATE INDEX visits_for_reports ON visits (client_id, starts_at, provider_id, status, id);

-- Where a visit stands, with what a count of visits groups by: a report counts a whole
-- region's visits from the view alone, without joining every visit to itself.
DROP VIEW visit_progress;
CREATE VIEW visit_progress AS
    SELECT v.id AS visit_id,
           CASE
               WHEN v.status = 'planned' AND EXISTS (
                   SELECT 1 FROM visit_records r
                   WHERE r.visit_id = v.id AND r.state = 'accepted'
               ) THEN 'done'
               ELSE v.status
           END AS status,
           v.provider_id, v.client_id, v.starts_at
    FROM visits v;
