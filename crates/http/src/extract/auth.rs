//! The authenticated user, with role checks in the handler's signature (DESIGN 4).

use std::marker::PhantomData;

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpMessage, HttpRequest, web};
use futures_util::future::LocalBoxFuture;
use intowork_domain::user::{Role, User};

use crate::error::ApiError;
use crate::state::AppState;

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
