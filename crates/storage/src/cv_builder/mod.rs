//! `CvBuilderRepository` over diesel: one document row per user, and a view counter per day.

mod json;
mod repository;
mod rows;

pub use repository::DieselCvBuilderRepository;
