-- Indexes a whole region needs (about 750,000 visits a year): a family member's view and a
-- client's visit list read a client's visits by time; without this index both engines scan
-- every visit of the region.
CREATE INDEX visits_by_client_and_start ON visits (client_id, starts_at);
