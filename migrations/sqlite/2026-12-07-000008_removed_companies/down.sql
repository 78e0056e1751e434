ALTER TABLE companies DROP COLUMN deleted_at;
