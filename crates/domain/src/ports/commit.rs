//! How a port method answers when it commits a unit of work that the domain decided from facts it
//! read first (a job's applications, an employer's applicants).

use crate::error::RepoError;

/// The answer of a unit-of-work commit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Commit<T> {
    /// Everything was written, in one transaction.
    Done(T),
    /// The target no longer exists (or no longer qualifies); nothing was written.
    NotFound,
    /// The facts the decision was made from changed in the meantime (a candidate applied); nothing
    /// was written. The caller reads them again and decides again.
    Stale,
}

/// How many times a use case reads, decides and commits before giving up. Each retry means a
/// concurrent write changed the facts, so this only runs out under a flood of such writes.
pub const DECISION_ATTEMPTS: usize = 10;

/// The error of a use case whose commits stayed [`Commit::Stale`] for [`DECISION_ATTEMPTS`].
pub fn facts_kept_changing() -> RepoError {
    RepoError::Internal(format!(
        "the facts of the decision changed {DECISION_ATTEMPTS} times in a row"
    ))
}
