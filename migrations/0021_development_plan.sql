-- The development plan (rozvojový plán): targets the region officer sets per provider, kept
-- on the dated network parameters row (the latest valid_from on or before a period's last
-- day applies). NULL: no target set.
ALTER TABLE network_parameters ADD COLUMN target_clients BIGINT;
ALTER TABLE network_parameters ADD COLUMN target_direct_care_hours_per_month BIGINT;
-- Staff FTE in hundredths (2.5 FTE = 250).
ALTER TABLE network_parameters ADD COLUMN target_fte_hundredths BIGINT;
