//! Storage adapter contract tests. Every body runs against SQLite and PostgreSQL
//! (`TEST_DATABASE_URL`, default `postgres://postgres@127.0.0.1:5432/postgres`); a fresh database per
//! test, dropped afterwards.

#![allow(clippy::unwrap_used)]

mod admin;
mod admin_companies;
mod admin_invitations;
mod application_history;
mod applications;
mod candidates;
mod cold_loads;
mod companies;
mod concurrency;
mod cv_builder;
mod cv_maintenance;
mod cvs;
mod dashboard;
mod directory;
mod email_templates;
mod job_alerts;
mod job_fields;
mod job_fixtures;
mod job_lists;
mod job_search;
mod job_views;
mod jobs;
mod migrations;
mod notifications;
mod outbox;
mod outbox_claims;
mod races;
mod read_caches;
mod reset_tokens;
mod runtime;
mod support;
mod users;
