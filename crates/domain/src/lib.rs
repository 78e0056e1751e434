//! The IntoWork hiring domain.
//!
//! Pure business logic: entities and value objects, the rules that govern them, the use-case services
//! and the port traits the adapters implement. This crate knows no web framework, no database and no
//! token library; the dependency rule (checked by `scripts/check-architecture`) keeps it that way.

pub mod admin;
pub mod application;
pub mod auth;
pub mod candidate;
pub mod cleanup;
pub mod company;
pub mod contact;
pub mod cv;
pub mod cv_builder;
pub mod dashboard;
pub mod directory;
pub mod email_template;
pub mod error;
pub mod files;
pub mod health;
pub mod ids;
pub mod image;
pub mod job;
pub mod job_alert;
pub mod limits;
pub mod mail;
pub mod notification;
pub mod ports;
pub mod recovery;
pub mod reports;
pub mod search;
pub mod user;

pub use error::RepoError;
pub use ids::*;
