//! End-to-end tests: the real service through `Application::build` on port 0, over a real SQLite
//! file and a real PostgreSQL database. One binary for the crate.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed assertion

mod abuse;
mod accounts;
mod admin;
mod admin_cli;
mod application_insights;
mod applications;
mod authz_matrix;
mod back_office;
mod budgets;
mod candidate_mails;
mod candidates;
mod cleanup_cvs;
mod command;
mod cv_builder;
mod dashboard;
mod delivery;
mod hiring;
mod import_reference;
mod import_reference_data;
mod input_limits;
mod job_alerts;
mod job_form;
mod job_images;
mod job_views;
mod jobs;
mod mail_crash;
mod mail_outbox;
mod notifications;
mod operator;
mod public_pages;
mod recovery;
mod reporting;
mod reports;
mod request_log;
mod scale_out;
mod slow_clients;
mod startup;
mod support;
