-- The employer of each application's job, copied onto the application (a job never changes
-- employer), so "this employer's applications, newest first" is one index range instead of a scan
-- of every application joined to the employer's jobs: the employer list and dashboard stay as fast
-- at 500,000 applications as at 5,000 (docs/performance.md). The rows cascade with their job.
ALTER TABLE job_applications ADD COLUMN employer_id BIGINT;
UPDATE job_applications SET employer_id = jobs.employer_id
  FROM jobs WHERE jobs.id = job_applications.job_id;
ALTER TABLE job_applications ALTER COLUMN employer_id SET NOT NULL;
CREATE INDEX job_applications_employer_applied_idx
    ON job_applications (employer_id, applied_at DESC, id DESC);
-- The employer dashboard's counts (by status) as index-only scans, over the employer's rows only.
CREATE INDEX job_applications_employer_status_idx ON job_applications (employer_id, status);
CREATE INDEX jobs_employer_status_idx ON jobs (employer_id, status);
