//! One module per resource, each with `fn config(cfg: &mut web::ServiceConfig)` and its part of the
//! OpenAPI document (`…Api`, the paths next to their handlers); `registry` lists them all.

pub mod admin;
pub mod admin_mail;
pub mod applications;
pub mod auth;
pub mod candidates;
pub mod companies;
pub mod contact;
pub mod cv_builder;
pub mod cvs;
pub mod dashboard;
pub mod directory;
pub mod email_templates;
pub mod employers;
pub mod health;
pub mod images;
pub mod job_alerts;
pub mod jobs;
pub mod notifications;
pub mod outside_services;
pub mod password_reset;
pub mod profile_items;
pub mod registry;
pub mod reports;
mod resource;
pub mod users;
