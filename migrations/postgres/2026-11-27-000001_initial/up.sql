-- IntoWork initial schema (PostgreSQL). Keep in step with migrations/sqlite.
-- Conventions: BIGSERIAL ids, enums as TEXT with CHECK lists of lowercase values, TIMESTAMP holding
-- UTC written from Rust (no SQL defaults for timestamps), no native enums / timestamptz / uuid / json.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE users (
    id BIGSERIAL PRIMARY KEY,
    email TEXT NOT NULL,
    email_norm TEXT NOT NULL,
    email_verified TIMESTAMP NULL,
    password_hash TEXT NULL,
    name TEXT NULL,
    image TEXT NULL,
    clerk_id TEXT NULL,
    role TEXT NOT NULL CHECK (role IN ('candidate', 'employer', 'admin')),
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    is_active BOOLEAN NOT NULL DEFAULT TRUE,
    token_version BIGINT NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    CONSTRAINT users_email_norm_key UNIQUE (email_norm),
    CONSTRAINT users_clerk_id_key UNIQUE (clerk_id)
);
CREATE INDEX users_created_at_idx ON users (created_at);

CREATE TABLE candidates (
    id BIGSERIAL PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    phone TEXT NULL,
    location TEXT NULL,
    linkedin_url TEXT NULL,
    website_url TEXT NULL,
    profile_picture_url TEXT NULL,
    title TEXT NULL,
    summary TEXT NULL,
    years_experience INTEGER NULL,
    salary_expectation_min INTEGER NULL,
    salary_expectation_max INTEGER NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    CONSTRAINT candidates_user_id_key UNIQUE (user_id)
);

CREATE TABLE candidate_cvs (
    id BIGSERIAL PRIMARY KEY,
    candidate_id BIGINT NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    filename TEXT NOT NULL,
    storage_key TEXT NOT NULL,
    file_size BIGINT NOT NULL,
    is_active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    CONSTRAINT candidate_cvs_storage_key_key UNIQUE (storage_key)
);
CREATE INDEX candidate_cvs_candidate_active_created_idx
    ON candidate_cvs (candidate_id, is_active, created_at);

CREATE TABLE experiences (
    id BIGSERIAL PRIMARY KEY,
    candidate_id BIGINT NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    company TEXT NOT NULL,
    location TEXT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT NULL,
    is_current BOOLEAN NOT NULL DEFAULT FALSE,
    description TEXT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX experiences_candidate_id_idx ON experiences (candidate_id);

CREATE TABLE educations (
    id BIGSERIAL PRIMARY KEY,
    candidate_id BIGINT NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    degree TEXT NOT NULL,
    school TEXT NOT NULL,
    field_of_study TEXT NULL,
    location TEXT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT NULL,
    is_current BOOLEAN NOT NULL DEFAULT FALSE,
    description TEXT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX educations_candidate_id_idx ON educations (candidate_id);

CREATE TABLE skills (
    id BIGSERIAL PRIMARY KEY,
    candidate_id BIGINT NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
    category TEXT NOT NULL CHECK (category IN ('technical', 'soft', 'language', 'other')),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX skills_candidate_id_idx ON skills (candidate_id);

CREATE TABLE companies (
    id BIGSERIAL PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT NULL,
    industry TEXT NULL,
    size TEXT NULL,
    website_url TEXT NULL,
    linkedin_url TEXT NULL,
    address TEXT NULL,
    city TEXT NULL,
    country TEXT NULL,
    logo_url TEXT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE employers (
    id BIGSERIAL PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    company_id BIGINT NULL REFERENCES companies (id) ON DELETE SET NULL,
    position TEXT NULL,
    department TEXT NULL,
    phone TEXT NULL,
    can_create_jobs BOOLEAN NOT NULL DEFAULT TRUE,
    can_manage_candidates BOOLEAN NOT NULL DEFAULT TRUE,
    is_admin BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    CONSTRAINT employers_user_id_key UNIQUE (user_id)
);
CREATE INDEX employers_company_id_idx ON employers (company_id);

CREATE TABLE jobs (
    id BIGSERIAL PRIMARY KEY,
    employer_id BIGINT NOT NULL REFERENCES employers (id) ON DELETE CASCADE,
    company_id BIGINT NOT NULL REFERENCES companies (id),
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    requirements TEXT NULL,
    responsibilities TEXT NULL,
    benefits TEXT NULL,
    job_type TEXT NOT NULL
        CHECK (job_type IN ('full_time', 'part_time', 'contract', 'temporary', 'internship')),
    location_type TEXT NOT NULL CHECK (location_type IN ('on_site', 'remote', 'hybrid')),
    location TEXT NULL,
    salary_min INTEGER NULL,
    salary_max INTEGER NULL,
    currency TEXT NOT NULL DEFAULT 'EUR',
    status TEXT NOT NULL CHECK (status IN ('draft', 'published', 'closed', 'archived')),
    is_featured BOOLEAN NOT NULL DEFAULT FALSE,
    views_count BIGINT NOT NULL DEFAULT 0,
    applications_count INTEGER NOT NULL DEFAULT 0,
    search_text TEXT NOT NULL DEFAULT '',
    posted_at TIMESTAMP NULL,
    expires_at TIMESTAMP NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX jobs_employer_posted_idx ON jobs (employer_id, posted_at DESC, id DESC);
CREATE INDEX jobs_status_posted_idx ON jobs (status, posted_at DESC, id DESC);
CREATE INDEX jobs_company_id_idx ON jobs (company_id);
CREATE INDEX jobs_search_text_trgm_idx ON jobs USING GIN (search_text gin_trgm_ops);

CREATE TABLE job_applications (
    id BIGSERIAL PRIMARY KEY,
    job_id BIGINT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    candidate_id BIGINT NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    cv_id BIGINT NULL REFERENCES candidate_cvs (id) ON DELETE SET NULL,
    status TEXT NOT NULL
        CHECK (status IN ('applied', 'viewed', 'shortlisted', 'interview', 'rejected', 'accepted')),
    cover_letter TEXT NULL,
    cover_letter_url TEXT NULL,
    notes TEXT NULL,
    applied_at TIMESTAMP NOT NULL,
    viewed_at TIMESTAMP NULL,
    updated_at TIMESTAMP NOT NULL,
    CONSTRAINT job_applications_job_candidate_key UNIQUE (job_id, candidate_id)
);
CREATE INDEX job_applications_candidate_applied_idx
    ON job_applications (candidate_id, applied_at DESC, id DESC);
CREATE INDEX job_applications_job_applied_idx
    ON job_applications (job_id, applied_at DESC, id DESC);
CREATE INDEX job_applications_cv_id_idx ON job_applications (cv_id);

CREATE TABLE notifications (
    id BIGSERIAL PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    type TEXT NOT NULL
        CHECK (type IN ('new_application', 'status_change', 'new_job', 'message', 'system')),
    title TEXT NOT NULL,
    message TEXT NOT NULL,
    related_job_id BIGINT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    related_application_id BIGINT NULL REFERENCES job_applications (id) ON DELETE CASCADE,
    is_read BOOLEAN NOT NULL DEFAULT FALSE,
    read_at TIMESTAMP NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX notifications_user_created_idx ON notifications (user_id, created_at DESC, id DESC);
CREATE INDEX notifications_user_unread_idx ON notifications (user_id) WHERE is_read = FALSE;
CREATE INDEX notifications_related_job_idx ON notifications (related_job_id);
CREATE INDEX notifications_related_application_idx ON notifications (related_application_id);

CREATE TABLE password_reset_tokens (
    id BIGSERIAL PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP NULL,
    created_at TIMESTAMP NOT NULL,
    CONSTRAINT password_reset_tokens_token_hash_key UNIQUE (token_hash)
);
CREATE INDEX password_reset_tokens_user_id_idx ON password_reset_tokens (user_id);

-- No foreign keys: the audit trail keeps its values after users are deleted.
CREATE TABLE admin_audit_log (
    id BIGSERIAL PRIMARY KEY,
    actor_user_id BIGINT NULL,
    actor_email TEXT NULL,
    action TEXT NOT NULL,
    target_user_id BIGINT NULL,
    target_email TEXT NULL,
    details TEXT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX admin_audit_log_created_at_idx ON admin_audit_log (created_at);
