//! Failures of the ports themselves: the database (503 when unreachable, else 500), hashing and
//! tokens (500). The cause goes to the logs, never to the body.

use intowork_domain::RepoError;
use intowork_domain::ports::{HashError, TokenError};

use super::api_error::ApiError;

impl From<RepoError> for ApiError {
    fn from(e: RepoError) -> Self {
        match &e {
            RepoError::Unavailable(_) => ApiError::unavailable(&e),
            RepoError::Internal(_) => ApiError::internal(&e),
        }
    }
}

impl From<HashError> for ApiError {
    fn from(e: HashError) -> Self {
        ApiError::internal(&e)
    }
}

impl From<TokenError> for ApiError {
    fn from(e: TokenError) -> Self {
        ApiError::internal(&e)
    }
}
