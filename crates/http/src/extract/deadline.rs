//! Reading a request body under a deadline.

use std::future::Future;
use std::time::Duration;

use crate::error::ApiError;

/// Runs `read` (the whole body read) for at most `deadline`. Past it the read is dropped and the
/// answer is 408 with the connection closed (`ApiError::request_timeout`): the client is either
/// gone or sending too slowly to be worth a connection.
pub async fn within_deadline<T>(
    deadline: Duration,
    read: impl Future<Output = Result<T, ApiError>>,
) -> Result<T, ApiError> {
    match actix_web::rt::time::timeout(deadline, read).await {
        Ok(done) => done,
        Err(_elapsed) => {
            tracing::info!(
                deadline_secs = deadline.as_secs_f64(),
                "request body not received in time"
            );
            Err(ApiError::request_timeout())
        }
    }
}
