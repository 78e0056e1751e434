//! End-to-end tests: the real service through `Application::build` on port 0, over a real SQLite
//! file and a real PostgreSQL database. One binary for the crate.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed assertion

mod accounts;
mod applications;
mod candidates;
mod dashboard;
mod delivery;
mod hiring;
mod jobs;
mod notifications;
mod startup;
mod support;
