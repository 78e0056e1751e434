//! Storage adapter contract tests. Every body runs against SQLite and PostgreSQL
//! (`TEST_DATABASE_URL`, default `postgres://postgres@127.0.0.1:5432/postgres`); a fresh database per
//! test, dropped afterwards.

#![allow(clippy::unwrap_used)]

mod admin;
mod applications;
mod candidates;
mod companies;
mod concurrency;
mod cv_maintenance;
mod cvs;
mod dashboard;
mod job_fields;
mod job_fixtures;
mod job_lists;
mod jobs;
mod migrations;
mod notifications;
mod races;
mod read_caches;
mod reset_tokens;
mod runtime;
mod support;
mod users;
