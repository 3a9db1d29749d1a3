-- Every write a report counts from adds one to the changes of the provider's months it
-- touches (report_changes, 0028), so a kept summary of such a month is computed again.
-- An instant touches its month in UTC and two hours later: its month in Prague (UTC+1 or
-- UTC+2) is one of the two. SQLite has the same triggers in its own dialect (the .sqlite
-- file of this migration). Here they run once per statement over its changed rows: a set-based
-- write of thousands of visits counts its months in one statement, and locks their
-- counters in one order.

-- Counts a change of the month(s) of each (provider, instant).
CREATE FUNCTION report_touch(providers TEXT[], instants TEXT[]) RETURNS void AS $$
    INSERT INTO report_changes (provider_id, month, changes)
    SELECT t.provider, m.month, 1
    FROM unnest(providers, instants) AS t (provider, at)
    CROSS JOIN LATERAL (VALUES
        (substr(t.at, 1, 7)),
        (to_char(t.at::timestamp + interval '2 hours', 'YYYY-MM'))
    ) AS m (month)
    WHERE t.at IS NOT NULL
    GROUP BY t.provider, m.month
    ORDER BY t.provider, m.month
    ON CONFLICT (provider_id, month) DO UPDATE SET changes = report_changes.changes + 1
$$ LANGUAGE sql;

-- Counts a change of every month the records ever ran in (as recorded and as corrected)
-- and of their visits' months (a visit is done by its record).
CREATE FUNCTION report_touch_records(records TEXT[]) RETURNS void AS $$
    SELECT report_touch(array_agg(t.provider_id), array_agg(t.at)) FROM (
        SELECT r.provider_id, r.arrived_at AS at FROM visit_records r WHERE r.id = ANY (records)
        UNION ALL SELECT r.provider_id, r.left_at FROM visit_records r WHERE r.id = ANY (records)
        UNION ALL SELECT r.provider_id, c.arrived_at FROM record_corrections c
            JOIN visit_records r ON r.id = c.record_id WHERE c.record_id = ANY (records)
        UNION ALL SELECT r.provider_id, c.left_at FROM record_corrections c
            JOIN visit_records r ON r.id = c.record_id WHERE c.record_id = ANY (records)
        UNION ALL SELECT v.provider_id, v.starts_at FROM visit_records r
            JOIN visits v ON v.id = r.visit_id WHERE r.id = ANY (records)
    ) AS t
$$ LANGUAGE sql;

-- Old and new rows in one count: a visit moved across a month's end locks both counters
-- in the same order as any other writer.
CREATE FUNCTION report_visits_changed() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM report_touch(array_agg(provider_id), array_agg(starts_at)) FROM new_rows;
    ELSIF TG_OP = 'UPDATE' THEN
        PERFORM report_touch(array_agg(provider_id), array_agg(starts_at)) FROM (
            SELECT provider_id, starts_at FROM old_rows
            UNION ALL SELECT provider_id, starts_at FROM new_rows
        ) AS changed;
    ELSE
        PERFORM report_touch(array_agg(provider_id), array_agg(starts_at)) FROM old_rows;
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER report_visits_added AFTER INSERT ON visits
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION report_visits_changed();

CREATE TRIGGER report_visits_changed AFTER UPDATE ON visits
REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION report_visits_changed();

CREATE TRIGGER report_visits_removed AFTER DELETE ON visits
REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION report_visits_changed();

CREATE FUNCTION report_visit_events_added() RETURNS trigger AS $$
BEGIN
    PERFORM report_touch(array_agg(v.provider_id), array_agg(v.starts_at))
    FROM new_rows e JOIN visits v ON v.id = e.visit_id;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER report_visit_events_added AFTER INSERT ON visit_events
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION report_visit_events_added();

CREATE FUNCTION report_records_changed() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        -- Gone: their own times and their visits' months.
        PERFORM report_touch(array_agg(t.provider_id), array_agg(t.at)) FROM (
            SELECT provider_id, arrived_at AS at FROM old_rows
            UNION ALL SELECT provider_id, left_at FROM old_rows
            UNION ALL SELECT v.provider_id, v.starts_at FROM old_rows r
                JOIN visits v ON v.id = r.visit_id
        ) AS t;
    ELSE
        PERFORM report_touch_records(array_agg(id)) FROM new_rows;
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER report_records_added AFTER INSERT ON visit_records
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION report_records_changed();

CREATE TRIGGER report_records_changed AFTER UPDATE ON visit_records
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION report_records_changed();

CREATE TRIGGER report_records_removed AFTER DELETE ON visit_records
REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION report_records_changed();

-- A correction or a version's tasks change their record's figures.
CREATE FUNCTION report_record_parts_added() RETURNS trigger AS $$
BEGIN
    PERFORM report_touch_records(array_agg(DISTINCT record_id)) FROM new_rows;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER report_record_corrected AFTER INSERT ON record_corrections
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION report_record_parts_added();

CREATE TRIGGER report_record_tasks AFTER INSERT ON record_tasks
REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION report_record_parts_added();

-- Travel is estimated between clients' addresses, a cancellation is counted by its
-- author's role: a client's move or a role changed changes every month of the provider (of
-- every provider for a user of none). Rare writes, counted row by row (a trigger on some
-- columns only cannot see the statement's rows).
CREATE FUNCTION report_every_month_changed() RETURNS trigger AS $$
BEGIN
    INSERT INTO report_changes (provider_id, month, changes)
    VALUES (COALESCE(NEW.provider_id, '*'), '*', 1)
    ON CONFLICT (provider_id, month) DO UPDATE SET changes = report_changes.changes + 1;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER report_client_moved AFTER UPDATE OF latitude, longitude ON clients
FOR EACH ROW
WHEN (OLD.latitude IS DISTINCT FROM NEW.latitude OR OLD.longitude IS DISTINCT FROM NEW.longitude)
EXECUTE FUNCTION report_every_month_changed();

CREATE TRIGGER report_role_changed AFTER UPDATE OF role ON users
FOR EACH ROW WHEN (OLD.role IS DISTINCT FROM NEW.role)
EXECUTE FUNCTION report_every_month_changed();
