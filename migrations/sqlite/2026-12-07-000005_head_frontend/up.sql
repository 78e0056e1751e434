-- What IntoWork's current frontend (HEAD d06ce80) stores beyond the 0f11e72 one (HEAD.md 10.3-10.12).

-- Jobs: the seven structured sections of the job form, where the job is, its language, its image
-- (the stored object's key; the public URL is built from PUBLIC_API_URL when read) and when it was
-- shared on LinkedIn (null until that integration exists).
ALTER TABLE jobs ADD COLUMN context TEXT NULL;
ALTER TABLE jobs ADD COLUMN mission_principale TEXT NULL;
ALTER TABLE jobs ADD COLUMN profil_formation TEXT NULL;
ALTER TABLE jobs ADD COLUMN profil_experience TEXT NULL;
ALTER TABLE jobs ADD COLUMN profil_competences TEXT NULL;
ALTER TABLE jobs ADD COLUMN profil_posture TEXT NULL;
ALTER TABLE jobs ADD COLUMN profil_autre TEXT NULL;
ALTER TABLE jobs ADD COLUMN country TEXT NULL;
ALTER TABLE jobs ADD COLUMN zone TEXT NULL;
ALTER TABLE jobs ADD COLUMN language TEXT NULL;
ALTER TABLE jobs ADD COLUMN image_key TEXT NULL;
ALTER TABLE jobs ADD COLUMN linkedin_published_at TIMESTAMP NULL;

-- Companies: verified by an admin, and the key of a logo uploaded here (logo_url may also be a
-- link typed by the employer; the key says which object to delete when it is replaced).
ALTER TABLE companies ADD COLUMN is_verified BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE companies ADD COLUMN verified_at TIMESTAMP NULL;
ALTER TABLE companies ADD COLUMN logo_key TEXT NULL;

-- Applications: where the candidate came from (the shared link's ?ref=, sanitised).
ALTER TABLE job_applications ADD COLUMN source_ref TEXT NULL;

-- Every status an application ever had, appended in the transaction that changes it and never
-- updated: the funnel counts what was reached, not only the current status (10.9, 10.10).
CREATE TABLE application_status_history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    application_id BIGINT NOT NULL REFERENCES job_applications (id) ON DELETE CASCADE,
    from_status TEXT NULL,
    to_status TEXT NOT NULL
        CHECK (to_status IN ('applied', 'viewed', 'shortlisted', 'interview', 'rejected', 'accepted')),
    actor_user_id BIGINT NULL REFERENCES users (id) ON DELETE SET NULL,
    changed_at TIMESTAMP NOT NULL
);
CREATE INDEX application_status_history_application_idx
    ON application_status_history (application_id, changed_at);

-- Existing applications: their first `applied`, and the status they are at now when it differs
-- (reached at their last update; what happened in between was never recorded).
INSERT INTO application_status_history (application_id, from_status, to_status, actor_user_id, changed_at)
SELECT id, NULL, 'applied', NULL, applied_at FROM job_applications;
INSERT INTO application_status_history (application_id, from_status, to_status, actor_user_id, changed_at)
SELECT id, 'applied', status, NULL, updated_at FROM job_applications WHERE status <> 'applied';
