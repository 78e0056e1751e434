//! The middleware applying the per-address cap on requests in flight (`client_slots`).

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{FromRequest, ResponseError, web};

use crate::client_ip::ClientIp;
use crate::error::ApiError;
use crate::state::HttpSettings;

/// Refuses a request over its address's cap at once: 429 with `Retry-After`, and the connection
/// closed, since its body (if any) is left unread. The platform's liveness probe (`/health`)
/// is exempt: it reads no body and answers at once, so it cannot hold a slot for long, and
/// refusing it because it shares an address with an attacker (every request does when the
/// proxy hops are misconfigured) would make the platform restart a healthy service.
pub async fn limit_in_flight(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let slots = req
        .app_data::<web::Data<HttpSettings>>()
        .map(|s| s.client_slots.clone());
    let Some(slots) = slots.filter(|s| s.cap() > 0 && req.path() != "/health") else {
        return next
            .call(req)
            .await
            .map(ServiceResponse::map_into_boxed_body);
    };
    let client = ClientIp::extract(req.request())
        .await
        .unwrap_or_else(|never| match never {});
    let Some(_slot) = slots.take(client.as_str()) else {
        tracing::warn!(cap = slots.cap(), "client over its in-flight request cap");
        let res = too_many_in_flight().error_response();
        return Ok(req.into_response(res));
    };
    next.call(req)
        .await
        .map(ServiceResponse::map_into_boxed_body)
}

fn too_many_in_flight() -> ApiError {
    ApiError::new(
        StatusCode::TOO_MANY_REQUESTS,
        "too_many_requests",
        "Too many requests in progress from this address",
    )
    .with_header(header::RETRY_AFTER, HeaderValue::from_static("1"))
    .closing_connection()
}
