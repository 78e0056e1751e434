-- Reverses 2026-11-27-000001_initial. Children first, so that no foreign key check fires.
DROP TABLE IF EXISTS admin_audit_log;
DROP TABLE IF EXISTS password_reset_tokens;
DROP TABLE IF EXISTS notifications;
DROP TABLE IF EXISTS job_applications;
DROP TABLE IF EXISTS jobs;
DROP TABLE IF EXISTS employers;
DROP TABLE IF EXISTS companies;
DROP TABLE IF EXISTS skills;
DROP TABLE IF EXISTS educations;
DROP TABLE IF EXISTS experiences;
DROP TABLE IF EXISTS candidate_cvs;
DROP TABLE IF EXISTS candidates;
DROP TABLE IF EXISTS users;
