-- The employer of each application's job, see migrations/postgres. SQLite cannot add a NOT NULL
-- column without a default; the server always writes the real value.
ALTER TABLE job_applications ADD COLUMN employer_id BIGINT NOT NULL DEFAULT 0;
UPDATE job_applications
   SET employer_id = (SELECT jobs.employer_id FROM jobs WHERE jobs.id = job_applications.job_id);
CREATE INDEX job_applications_employer_applied_idx
    ON job_applications (employer_id, applied_at DESC, id DESC);
CREATE INDEX job_applications_employer_status_idx ON job_applications (employer_id, status);
CREATE INDEX jobs_employer_status_idx ON jobs (employer_id, status);
