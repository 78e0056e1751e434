//! End-to-end tests: the real service through `Application::build` on port 0, over a real SQLite
//! file and a real PostgreSQL database. One binary for the crate.

mod accounts;
mod startup;
mod support;
