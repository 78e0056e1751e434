DROP INDEX IF EXISTS jobs_location_norm_trgm_idx;
ALTER TABLE jobs DROP COLUMN IF EXISTS location_norm;
