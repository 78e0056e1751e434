-- Normalised location, see migrations/postgres. SQLite cannot use an index for '%q%' patterns, so
-- none is created here.
ALTER TABLE jobs ADD COLUMN location_norm TEXT NOT NULL DEFAULT '';
UPDATE jobs SET location_norm = lower(coalesce(location, ''));
