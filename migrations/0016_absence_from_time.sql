-- A sick call made during the day: the absence starts at this Prague wall time (HH:MM) on
-- its first day; NULL for an absence of whole days.
ALTER TABLE caregiver_absences ADD COLUMN from_time TEXT;
