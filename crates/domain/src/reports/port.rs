//! The reports' ports: the facts the dashboard does not already read, and the renderer.

use async_trait::async_trait;
use thiserror::Error;

use super::document::Report;
use super::facts::{CandidateDetails, EmployerDetails};
use crate::error::RepoError;
use crate::ids::UserId;

/// Each method runs a fixed number of statements whatever the number of rows.
#[cfg_attr(any(test, feature = "mocks"), mockall::automock)]
#[async_trait]
pub trait ReportRepository: Send + Sync {
    /// `Ok(None)` when the user has no candidate row. At most `max_rows` applications.
    async fn candidate_details(
        &self,
        user: UserId,
        max_rows: i64,
    ) -> Result<Option<CandidateDetails>, RepoError>;

    /// `Ok(None)` without an employer row or without a company. At most `max_rows` jobs.
    async fn employer_details(
        &self,
        user: UserId,
        max_rows: i64,
    ) -> Result<Option<EmployerDetails>, RepoError>;
}

#[derive(Debug, Error)]
#[error("report rendering failed: {0}")]
pub struct RenderError(pub String);

/// Lays a report out as a file. CPU-bound: implementations run off the async workers.
#[cfg_attr(any(test, feature = "mocks"), mockall::automock)]
#[async_trait]
pub trait ReportRenderer: Send + Sync {
    /// The file's bytes (a PDF for the production renderer).
    async fn render(&self, report: Report) -> Result<Vec<u8>, RenderError>;
}
