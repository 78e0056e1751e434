//! Storage adapter contract tests. Every body runs against SQLite and PostgreSQL
//! (`TEST_DATABASE_URL`, default `postgres://postgres@127.0.0.1:5432/postgres`); a fresh database per
//! test, dropped afterwards.

#![allow(clippy::unwrap_used)]

mod concurrency;
mod migrations;
mod runtime;
mod support;
mod users;
