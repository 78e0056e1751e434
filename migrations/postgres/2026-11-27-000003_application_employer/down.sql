DROP INDEX IF EXISTS jobs_employer_status_idx;
DROP INDEX IF EXISTS job_applications_employer_status_idx;
DROP INDEX IF EXISTS job_applications_employer_applied_idx;
ALTER TABLE job_applications DROP COLUMN IF EXISTS employer_id;
