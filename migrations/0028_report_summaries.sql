-- What reports add up, kept per provider and month (`shared::reports::summary`), and the
-- counts of the changes that tell a kept summary from a stale one.

-- How many writes a report counts from have touched a provider's month (`YYYY-MM` in
-- Prague), kept by the triggers of migration 0029. Month '*' counts the writes that touch
-- every month of the provider (a client's address, a user's role), provider '*' with it
-- those of every provider (the role of a user of no provider).
CREATE TABLE report_changes (
    provider_id TEXT NOT NULL,
    month TEXT NOT NULL,
    changes BIGINT NOT NULL,
    PRIMARY KEY (provider_id, month)
);

-- A provider's month as a summary in JSON, computed when its month and its every month
-- (the provider's '*' and every provider's, added) had seen these counts of changes: read
-- only while `report_changes` still says the same.
CREATE TABLE report_summaries (
    provider_id TEXT NOT NULL,
    month TEXT NOT NULL,
    month_changes BIGINT NOT NULL,
    all_changes BIGINT NOT NULL,
    figures TEXT NOT NULL,
    PRIMARY KEY (provider_id, month)
);
