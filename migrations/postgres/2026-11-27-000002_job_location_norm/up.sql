-- Normalised location (lowercased, accents removed, computed in Rust like jobs.search_text) so the
-- location filter is a case- and accent-insensitive substring match identical on both databases
-- (CONTRACT 9.10). Rows written before this migration get a lowercase approximation; the server
-- rewrites the exact value on the next update of the job.
ALTER TABLE jobs ADD COLUMN location_norm TEXT NOT NULL DEFAULT '';
UPDATE jobs SET location_norm = lower(coalesce(location, ''));
CREATE INDEX jobs_location_norm_trgm_idx ON jobs USING GIN (location_norm gin_trgm_ops);
