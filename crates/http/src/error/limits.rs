//! A spent rate-limit budget (CONTRACT 8.17, 9.2): 429 with `Retry-After` in whole seconds.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use intowork_domain::limits::Limited;

use super::api_error::ApiError;

impl From<Limited> for ApiError {
    fn from(e: Limited) -> Self {
        // Rounded up and at least 1: "0" would invite an immediate retry that fails again.
        let secs = e.retry_after.as_secs() + u64::from(e.retry_after.subsec_nanos() > 0);
        ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "too_many_requests",
            "Too many requests",
        )
        .with_header(header::RETRY_AFTER, HeaderValue::from(secs.max(1)))
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use actix_web::ResponseError;

    use super::*;

    #[test]
    fn retry_after_is_whole_seconds_rounded_up() {
        for (left, header) in [(1500, "2"), (0, "1"), (60_000, "60")] {
            let err = ApiError::from(Limited {
                retry_after: Duration::from_millis(left),
            });
            let res = err.error_response();
            assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
            assert_eq!(res.headers().get(header::RETRY_AFTER).unwrap(), header);
        }
    }
}
