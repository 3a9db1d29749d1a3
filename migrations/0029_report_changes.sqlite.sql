-- Every write a report counts from adds one to the changes of the provider's months it
-- touches (report_changes, 0028), so a kept summary of such a month is computed again.
-- An instant touches its month in UTC and two hours later: its month in Prague (UTC+1 or
-- UTC+2) is one of the two. PostgreSQL has the same triggers as functions (the .postgres
-- file of this migration).

-- Inserting (provider, instant) here counts a change of the provider's month(s).
CREATE VIEW report_touches AS SELECT '' AS provider_id, '' AS at WHERE 0;

CREATE TRIGGER report_touch INSTEAD OF INSERT ON report_touches BEGIN
    INSERT INTO report_changes (provider_id, month, changes)
    SELECT NEW.provider_id, month, 1 FROM (
        SELECT substr(NEW.at, 1, 7) AS month
        UNION SELECT strftime('%Y-%m', NEW.at, '+2 hours')
    ) WHERE month IS NOT NULL
    ON CONFLICT (provider_id, month) DO UPDATE SET changes = changes + 1;
END;

-- Inserting a record's id here counts a change of every month the record ever ran in (as
-- recorded and as corrected) and of its visit's month (the visit is done by it).
CREATE VIEW report_record_touches AS SELECT '' AS record_id WHERE 0;

CREATE TRIGGER report_record_touch INSTEAD OF INSERT ON report_record_touches BEGIN
    INSERT INTO report_touches (provider_id, at)
    SELECT provider_id, arrived_at FROM visit_records WHERE id = NEW.record_id
    UNION ALL SELECT provider_id, left_at FROM visit_records WHERE id = NEW.record_id
    UNION ALL SELECT r.provider_id, c.arrived_at FROM record_corrections c
        JOIN visit_records r ON r.id = c.record_id WHERE c.record_id = NEW.record_id
    UNION ALL SELECT r.provider_id, c.left_at FROM record_corrections c
        JOIN visit_records r ON r.id = c.record_id WHERE c.record_id = NEW.record_id
    UNION ALL SELECT v.provider_id, v.starts_at FROM visit_records r
        JOIN visits v ON v.id = r.visit_id WHERE r.id = NEW.record_id;
END;

CREATE TRIGGER report_visit_added AFTER INSERT ON visits BEGIN
    INSERT INTO report_touches VALUES (NEW.provider_id, NEW.starts_at);
END;

CREATE TRIGGER report_visit_changed AFTER UPDATE ON visits BEGIN
    INSERT INTO report_touches VALUES (OLD.provider_id, OLD.starts_at);
    INSERT INTO report_touches VALUES (NEW.provider_id, NEW.starts_at);
END;

CREATE TRIGGER report_visit_removed AFTER DELETE ON visits BEGIN
    INSERT INTO report_touches VALUES (OLD.provider_id, OLD.starts_at);
END;

CREATE TRIGGER report_visit_event AFTER INSERT ON visit_events BEGIN
    INSERT INTO report_touches
    SELECT provider_id, starts_at FROM visits WHERE id = NEW.visit_id;
END;

CREATE TRIGGER report_record_added AFTER INSERT ON visit_records BEGIN
    INSERT INTO report_record_touches VALUES (NEW.id);
END;

CREATE TRIGGER report_record_changed AFTER UPDATE ON visit_records BEGIN
    INSERT INTO report_record_touches VALUES (NEW.id);
END;

-- Before the record is gone, while its months can still be read.
CREATE TRIGGER report_record_removed BEFORE DELETE ON visit_records BEGIN
    INSERT INTO report_record_touches VALUES (OLD.id);
END;

CREATE TRIGGER report_record_corrected AFTER INSERT ON record_corrections BEGIN
    INSERT INTO report_record_touches VALUES (NEW.record_id);
END;

CREATE TRIGGER report_record_tasks AFTER INSERT ON record_tasks BEGIN
    INSERT INTO report_record_touches VALUES (NEW.record_id);
END;

-- Travel is estimated between clients' addresses, a cancellation is counted by its
-- author's role: a client's move or a role changed changes every month of the provider (of
-- every provider for a user of none).
CREATE TRIGGER report_client_moved AFTER UPDATE OF latitude, longitude ON clients
WHEN OLD.latitude IS NOT NEW.latitude OR OLD.longitude IS NOT NEW.longitude BEGIN
    INSERT INTO report_changes (provider_id, month, changes) VALUES (NEW.provider_id, '*', 1)
    ON CONFLICT (provider_id, month) DO UPDATE SET changes = changes + 1;
END;

CREATE TRIGGER report_role_changed AFTER UPDATE OF role ON users
WHEN OLD.role IS NOT NEW.role BEGIN
    INSERT INTO report_changes (provider_id, month, changes)
    VALUES (COALESCE(NEW.provider_id, '*'), '*', 1)
    ON CONFLICT (provider_id, month) DO UPDATE SET changes = changes + 1;
END;
