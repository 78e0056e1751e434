//! What a template use case can refuse.

use thiserror::Error;

use crate::error::RepoError;

#[derive(Debug, Error)]
pub enum TemplateError {
    /// The caller has no employer row.
    #[error("employer profile missing")]
    EmployerMissing,
    /// Creating or activating a template needs a company.
    #[error("no company")]
    CompanyMissing,
    /// No such template in the caller's company (another company's is not found either).
    #[error("template not found")]
    NotFound,
    /// No built-in template of that type.
    #[error("no built-in template")]
    BuiltInNotFound,
    /// The subject or body uses a variable that does not exist; holds it as written.
    #[error("unknown variable {0}")]
    UnknownVariable(String),
    #[error(transparent)]
    Repo(#[from] RepoError),
}
