-- Training: the centre that keeps a course (its lecturers may change it), and whether the
-- course is an in-house training event (counted at most 8 h a year for social workers).
-- Existing courses are kept by the centre of their first run.

ALTER TABLE training_courses ADD COLUMN centre_id TEXT REFERENCES training_centres (id);
ALTER TABLE training_courses ADD COLUMN in_house BIGINT NOT NULL DEFAULT 0;

UPDATE training_courses SET centre_id = (
    SELECT r.centre_id FROM training_runs r WHERE r.course_id = training_courses.id
    ORDER BY r.created_at, r.id LIMIT 1
);
