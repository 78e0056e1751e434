//! Wire values the contract validates after the use case's own checks.

use std::future::Future;

use super::api_error::ApiError;

/// A wire value parsed at the edge whose error the contract reports only after `earlier` checks
/// (sign-up's taken email, the job or application the caller may not touch). A good value is
/// returned without running `earlier`, whose checks the use case itself then makes; a bad one
/// runs `earlier` first, so its error wins, and only then answers the value's own error.
pub async fn after_checks<T, E>(
    parsed: Result<T, ApiError>,
    earlier: impl Future<Output = Result<(), E>>,
) -> Result<T, ApiError>
where
    ApiError: From<E>,
{
    match parsed {
        Ok(value) => Ok(value),
        Err(bad_value) => {
            earlier.await?;
            Err(bad_value)
        }
    }
}
