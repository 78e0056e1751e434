//! HTTP tests: the real actix app against mockall doubles of every port. One binary for the crate.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a panic is a failed assertion

mod admin;
mod admin_actions;
mod admin_mail;
mod applications;
mod auth;
mod back_office;
mod candidates;
mod companies;
mod cross_cutting;
mod cv_builder;
mod cv_builder_public;
mod cvs;
mod dashboard;
mod directory;
mod email_templates;
mod employer_insights;
mod health;
mod images;
mod input_limits;
mod job_alerts;
mod job_form;
mod jobs;
mod limits;
mod notifications;
mod openapi;
mod openapi_schemas;
mod outside_services;
mod password_reset;
mod quick_message;
mod reports;
mod spec_check;
mod support;
mod transport;
