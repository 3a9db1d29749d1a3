-- A report summarises a month from the records that overlap it: this index holds what it
-- reads of an uncorrected record, in the order of departure, so the latest month reads
-- only its own entries instead of every record.
CREATE INDEX visit_records_by_departure ON visit_records
    (left_at, arrived_at, current_version, state, provider_id, id, client_id, caregiver_id);
