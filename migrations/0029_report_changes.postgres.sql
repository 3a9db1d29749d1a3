-- Every write a report counts from adds one to the changes of the provider's months it
-- touches (report_changes, 0028), so a kept summary of such a month is computed again.
-- An instant touches its month in UTC and two hours later: its month in Prague (UTC+1 or
-- UTC+2) is one of the two. SQLite has the same triggers in its own dialect (the .sqlite
-- file of this migration). Here they run when the writing transaction commits (constraint
-- triggers, deferred): the counters' rows are locked for the commit only, not for the
-- rest of the transaction, so writers of one provider's month wait on each other briefly.

-- Counts a change of the provider's month(s) of an instant.
CREATE FUNCTION report_touch(provider TEXT, at TEXT) RETURNS void AS $$
    INSERT INTO report_changes (provider_id, month, changes)
    SELECT DISTINCT provider, m.month, 1 FROM (VALUES
        (substr(at, 1, 7)),
        (to_char(at::timestamp + interval '2 hours', 'YYYY-MM'))
    ) AS m (month)
    ORDER BY m.month
    ON CONFLICT (provider_id, month) DO UPDATE SET changes = report_changes.changes + 1
$$ LANGUAGE sql;

-- Counts a change of every month a record ever ran in (as recorded and as corrected) and
-- of its visit's month (the visit is done by it).
CREATE FUNCTION report_touch_record(record TEXT) RETURNS void AS $$
BEGIN
    PERFORM report_touch(r.provider_id, t.at)
    FROM visit_records r
    CROSS JOIN LATERAL (
        SELECT r.arrived_at AS at
        UNION ALL SELECT r.left_at
        UNION ALL SELECT c.arrived_at FROM record_corrections c WHERE c.record_id = r.id
        UNION ALL SELECT c.left_at FROM record_corrections c WHERE c.record_id = r.id
        UNION ALL SELECT v.starts_at FROM visits v WHERE v.id = r.visit_id
    ) AS t
    WHERE r.id = record;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION report_touch_everything() RETURNS void AS $$
    INSERT INTO report_changes (provider_id, month, changes) VALUES ('*', '*', 1)
    ON CONFLICT (provider_id, month) DO UPDATE SET changes = report_changes.changes + 1
$$ LANGUAGE sql;

CREATE FUNCTION report_visit_changed() RETURNS trigger AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM report_touch(OLD.provider_id, OLD.starts_at);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM report_touch(NEW.provider_id, NEW.starts_at);
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE CONSTRAINT TRIGGER report_visit_changed AFTER INSERT OR UPDATE OR DELETE ON visits
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_visit_changed();

CREATE FUNCTION report_visit_event() RETURNS trigger AS $$
BEGIN
    PERFORM report_touch(provider_id, starts_at) FROM visits WHERE id = NEW.visit_id;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE CONSTRAINT TRIGGER report_visit_event AFTER INSERT ON visit_events
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_visit_event();

-- After an insert or update, and before a delete, while the record's months can be read.
CREATE FUNCTION report_record_changed() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM report_touch_record(OLD.id);
        RETURN OLD;
    END IF;
    PERFORM report_touch_record(NEW.id);
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE CONSTRAINT TRIGGER report_record_changed AFTER INSERT OR UPDATE ON visit_records
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_record_changed();

CREATE TRIGGER report_record_removed BEFORE DELETE ON visit_records
FOR EACH ROW EXECUTE FUNCTION report_record_changed();

CREATE FUNCTION report_record_part_added() RETURNS trigger AS $$
BEGIN
    PERFORM report_touch_record(NEW.record_id);
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE CONSTRAINT TRIGGER report_record_corrected AFTER INSERT ON record_corrections
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_record_part_added();

CREATE CONSTRAINT TRIGGER report_record_tasks AFTER INSERT ON record_tasks
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_record_part_added();

-- Travel is estimated between clients' addresses, a cancellation is counted by its
-- author's role: either changes every month.
CREATE FUNCTION report_everything_changed() RETURNS trigger AS $$
BEGIN
    PERFORM report_touch_everything();
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE CONSTRAINT TRIGGER report_client_moved AFTER UPDATE OF latitude, longitude ON clients
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
WHEN (OLD.latitude IS DISTINCT FROM NEW.latitude OR OLD.longitude IS DISTINCT FROM NEW.longitude)
EXECUTE FUNCTION report_everything_changed();

CREATE CONSTRAINT TRIGGER report_role_changed AFTER UPDATE OF role ON users
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.role IS DISTINCT FROM NEW.role)
EXECUTE FUNCTION report_everything_changed();
