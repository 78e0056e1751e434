//! `POST /api/contact` (HEAD 10.17): the public contact form. Rate-limited per client address;
//! the message is mailed to `CONTACT_EMAIL` through the outbox (or only logged when unset), and
//! the answer is the same either way.

use actix_web::web;
use intowork_domain::contact::ContactMessage;
use serde::Deserialize;
use utoipa::{OpenApi, ToSchema};

use super::job_alerts::wire::DetailBody;
use crate::client_ip::ClientIp;
use crate::error::ApiError;
use crate::error::responses::Invalid;
use crate::extract::ValidJson;
use crate::resource;
use crate::state::AppState;
use crate::wire::{EmailText, Text, parse_email};

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(resource!(["/api/contact", "/api/contact/"], post => contact));
}

#[derive(OpenApi)]
#[openapi(paths(contact))]
pub struct ContactApi;

/// The contact form as HEAD's page sends it.
#[derive(Deserialize, ToSchema)]
#[schema(example = json!({"name": "Léa Diop", "email": "lea@example.com",
    "subject": "Partenariat", "message": "Bonjour, …"}))]
pub struct ContactRequest {
    #[schema(inline)]
    pub name: Text<200>,
    pub email: EmailText,
    #[schema(inline)]
    pub subject: Text<200>,
    #[schema(inline)]
    pub message: Text<5000>,
}

#[utoipa::path(post, path = "/api/contact", tag = "contact",
    request_body = ContactRequest,
    responses((status = 200, description = "Received", body = DetailBody), Invalid,
        (status = 429, description = "Too many messages from this address", body = crate::error::ErrorBody)))]
async fn contact(
    state: web::Data<AppState>,
    ip: ClientIp,
    ValidJson(body): ValidJson<ContactRequest>,
) -> Result<web::Json<DetailBody>, ApiError> {
    let email = parse_email(&body.email, "email")?;
    state.limits.contact(ip.as_str()).await?;
    state
        .contact
        .send(ContactMessage {
            name: body.name.into_inner(),
            email: email.as_str().to_owned(),
            subject: body.subject.into_inner(),
            message: body.message.into_inner(),
        })
        .await?;
    Ok(web::Json(DetailBody {
        detail: "Message envoyé. Nous vous répondrons rapidement.",
    }))
}
