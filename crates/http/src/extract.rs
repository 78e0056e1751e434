//! Extractors: JSON bodies and query strings with pydantic-shaped 422s, and the authenticated user
//! with role checks in the handler's signature (DESIGN 4).

use std::marker::PhantomData;

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpMessage, HttpRequest, web};
use futures_util::StreamExt;
use futures_util::future::LocalBoxFuture;
use intowork_domain::user::{Role, User};
use serde::de::DeserializeOwned;

use crate::error::ApiError;
use crate::state::{AppState, HttpSettings};
use crate::validation::{self, ValidationItem};

/// A JSON body. Malformed JSON, wrong types and missing fields give 422 with pydantic's item list;
/// a body over the configured limit gives 413 without being read whole. Unknown fields are ignored.
pub struct ValidJson<T>(pub T);

impl<T: DeserializeOwned + 'static> FromRequest for ValidJson<T> {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let limit = req
            .app_data::<web::Data<HttpSettings>>()
            .map_or(1024 * 1024, |s| s.json_limit);
        let declared = req
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<usize>().ok());
        let mut payload = payload.take();
        Box::pin(async move {
            if declared.is_some_and(|len| len > limit) {
                return Err(too_large());
            }
            let mut body = web::BytesMut::new();
            while let Some(chunk) = payload.next().await {
                let chunk = chunk.map_err(|_| {
                    ApiError::bad_request("invalid_body", "The request body could not be read")
                })?;
                if body.len() + chunk.len() > limit {
                    return Err(too_large());
                }
                body.extend_from_slice(&chunk);
            }
            parse_json(&body).map(ValidJson)
        })
    }
}

fn too_large() -> ApiError {
    ApiError::new(
        actix_web::http::StatusCode::PAYLOAD_TOO_LARGE,
        "payload_too_large",
        "Request body too large",
    )
}

pub fn parse_json<T: DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(ApiError::validation(vec![ValidationItem::missing_body()]));
    }
    // serde would accept `[..]` for a struct (sequence form); the contract's bodies are objects.
    let first = body.iter().find(|b| !b.is_ascii_whitespace());
    if first != Some(&b'{') && serde_json::from_slice::<serde::de::IgnoredAny>(body).is_ok() {
        return Err(ApiError::validation(vec![ValidationItem::new(
            "model_attributes_type",
            vec!["body".into()],
            "Input should be a valid dictionary or object to extract fields from",
        )]));
    }
    if let Some(item) = crate::nul::in_json(body) {
        return Err(ApiError::validation(vec![item]));
    }
    let de = &mut serde_json::Deserializer::from_slice(body);
    serde_path_to_error::deserialize(de)
        .map_err(|e| ApiError::validation(vec![validation::from_json_error(e)]))
}

/// A query string, with `loc: ["query", name]` errors. Unknown parameters are ignored.
pub struct ValidQuery<T>(pub T);

impl<T: DeserializeOwned> FromRequest for ValidQuery<T> {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        if let Some(item) = crate::nul::in_query(req.query_string()) {
            return std::future::ready(Err(ApiError::validation(vec![item])));
        }
        let de = serde_urlencoded::Deserializer::new(form_urlencoded_parse(req.query_string()));
        std::future::ready(
            serde_path_to_error::deserialize(de)
                .map(ValidQuery)
                .map_err(|e| ApiError::validation(vec![validation::from_plain_error("query", &e)])),
        )
    }
}

fn form_urlencoded_parse(query: &str) -> form_urlencoded::Parse<'_> {
    form_urlencoded::parse(query.as_bytes())
}

/// Path parameters that fail to parse (`/api/jobs/abc`) give 422 `loc: ["path", <name>]`.
pub fn path_error_handler(err: actix_web::error::PathError, req: &HttpRequest) -> actix_web::Error {
    let name = req
        .match_info()
        .iter()
        .find(|(_, value)| value.parse::<i64>().is_err())
        .map_or_else(|| "id".to_owned(), |(name, _)| name.to_owned());
    tracing::debug!(error = %err, "path parameter rejected");
    ApiError::validation(vec![
        ValidationItem::new(
            "int_parsing",
            vec!["path".into(), name.into()],
            "Input should be a valid integer, unable to parse string as an integer",
        )
        .with_input(serde_json::Value::from(
            req.match_info()
                .iter()
                .find(|(_, v)| v.parse::<i64>().is_err())
                .map_or("", |(_, v)| v),
        )),
    ])
    .into()
}

/// The bearer token of the request, if it carries one. Other schemes and an empty token count as
/// no credentials (CONTRACT 1.2).
fn bearer_token(req: &HttpRequest) -> Option<String> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.trim().split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then(|| token.to_owned())
}

async fn authenticate(req: &HttpRequest, token: String) -> Result<User, ApiError> {
    let state = req
        .app_data::<web::Data<AppState>>()
        .cloned()
        .ok_or_else(|| ApiError::internal(&MissingState))?;
    let user = state.auth.authenticate(&token).await?;
    tracing::Span::current().record("user_id", user.id.get());
    req.extensions_mut().insert(user.id);
    Ok(user)
}

#[derive(Debug, thiserror::Error)]
#[error("AppState is not registered")]
struct MissingState;

/// Any authenticated, active user.
pub struct AuthUser(pub User);

impl FromRequest for AuthUser {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let token = bearer_token(&req).ok_or_else(|| {
                ApiError::unauthorized("authentication_required", "Authentication required")
            })?;
            authenticate(&req, token).await.map(AuthUser)
        })
    }
}

/// Anonymous callers are `None`; a token that is present must be valid (CONTRACT 1.2 "optional").
pub struct MaybeUser(pub Option<User>);

impl FromRequest for MaybeUser {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            match bearer_token(&req) {
                None => Ok(MaybeUser(None)),
                Some(token) => authenticate(&req, token).await.map(|u| MaybeUser(Some(u))),
            }
        })
    }
}

/// A role requirement and the `detail` other roles get. The texts vary per route in the contract,
/// so each route names its gate: `RoleUser<AdminOnly>`.
pub trait RoleGate {
    const ROLE: Role;
    const DENIED: &'static str;
}

/// An authenticated user whose stored role is `G::ROLE`; anyone else gets 403 `G::DENIED`.
pub struct RoleUser<G: RoleGate>(pub User, PhantomData<G>);

impl<G: RoleGate> RoleUser<G> {
    pub fn user(&self) -> &User {
        &self.0
    }
}

impl<G: RoleGate + 'static> FromRequest for RoleUser<G> {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let user = AuthUser::from_request(req, payload);
        Box::pin(async move {
            let AuthUser(user) = user.await?;
            if user.role == G::ROLE {
                Ok(RoleUser(user, PhantomData))
            } else {
                Err(ApiError::forbidden(G::DENIED))
            }
        })
    }
}

/// Declares a [`RoleGate`]: `role_gate!(AdminOnly, Role::Admin, "Access denied. Required roles: admin");`
#[macro_export]
macro_rules! role_gate {
    ($(#[$meta:meta])* $name:ident, $role:expr, $denied:expr) => {
        $(#[$meta])*
        pub struct $name;
        impl $crate::extract::RoleGate for $name {
            const ROLE: intowork_domain::user::Role = $role;
            const DENIED: &'static str = $denied;
        }
    };
}

role_gate!(
    /// Every `/api/admin` route and `/api/users*` (CONTRACT 3.10, 8.14).
    AdminOnly,
    Role::Admin,
    "Access denied. Required roles: admin"
);
