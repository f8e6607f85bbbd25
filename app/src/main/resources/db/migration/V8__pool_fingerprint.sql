-- ScorecardReader compares a fingerprint of the pool (latest score and niche times) on every read to know whether its
-- cached pool summary is still current; with these indexes that is two index lookups, not two scans of the tables.
CREATE INDEX account_score_computed_idx ON account_score (computed_at);
CREATE INDEX account_niche_computed_idx ON account_niche (computed_at);
