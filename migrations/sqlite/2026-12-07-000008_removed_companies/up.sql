-- A company an admin removed (HEAD.md 10.12). Its jobs stay, archived, for their employer's and
-- their applicants' history, and they keep pointing at the row: `jobs.company_id` is NOT NULL and
-- every job read joins `companies`. So the row is kept and marked; every list and count of
-- companies leaves marked rows out, and no employer is attached to one.
ALTER TABLE companies ADD COLUMN deleted_at TIMESTAMP NULL;
