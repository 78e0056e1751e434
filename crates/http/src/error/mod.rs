//! `ApiError`, the error bodies, the documented error answers, and the exhaustive mapping from each
//! use case's error enum, one file per area. A new domain variant must not compile until someone
//! decides its status (no `_ =>`).

mod activity;
mod admin;
mod alerts;
mod api_error;
mod applications;
mod auth;
mod back_office;
mod body;
mod candidates;
mod cv_builder;
mod hiring;
mod images;
mod infra;
mod limits;
mod order;
mod reports;
pub mod responses;
mod templates;

pub use api_error::ApiError;
pub use body::{ErrorBody, ValidationErrorBody};
pub use candidates::file_too_large;
pub use order::after_checks;
