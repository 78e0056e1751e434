-- Email templates (HEAD 10.14): each company's reusable mails. The candidate mails sent on apply
-- and on a status change use the company's default template of their type, else a built-in one.
-- At most one default per company and type (the partial unique index); the writes unset the
-- previous default first. When its author's account is deleted the company keeps the template
-- and `created_by_user_id` becomes null.
CREATE TABLE email_templates (
    id BIGSERIAL PRIMARY KEY,
    company_id BIGINT NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    created_by_user_id BIGINT NULL REFERENCES users (id) ON DELETE SET NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL CHECK (type IN ('welcome_candidate', 'application_received',
        'application_rejected', 'interview_invitation', 'interview_confirmation',
        'interview_reminder', 'offer_letter', 'onboarding', 'custom')),
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    is_active BOOLEAN NOT NULL DEFAULT TRUE,
    is_default BOOLEAN NOT NULL DEFAULT FALSE,
    usage_count BIGINT NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    last_used_at TIMESTAMP NULL
);
-- The list: one company's templates.
CREATE INDEX email_templates_company_idx ON email_templates (company_id, type);
-- One default per company and type.
CREATE UNIQUE INDEX email_templates_one_default_idx ON email_templates (company_id, type)
    WHERE is_default;
