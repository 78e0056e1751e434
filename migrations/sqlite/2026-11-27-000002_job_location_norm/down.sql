ALTER TABLE jobs DROP COLUMN location_norm;
