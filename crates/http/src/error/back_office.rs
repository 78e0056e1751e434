//! Exhaustive mappings of the back-office's company and account-creation errors (HEAD.md 10.12;
//! see `error/mod.rs` for the rules). The French texts are HEAD's where it has one.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use intowork_domain::admin::companies::{RemoveCompanyError, VerifyCompanyError};
use intowork_domain::admin::invitations::{InviteError, ResendCredentialsError};
use intowork_domain::recovery::RESET_LINK_MIN_INTERVAL;

use super::admin::admin_target;
use super::api_error::ApiError;

fn company_not_found() -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "company_not_found",
        "Entreprise introuvable",
    )
}

/// Seconds until another link may go out.
fn retry_after() -> HeaderValue {
    HeaderValue::from(RESET_LINK_MIN_INTERVAL.num_seconds())
}

impl From<VerifyCompanyError> for ApiError {
    fn from(e: VerifyCompanyError) -> Self {
        match e {
            VerifyCompanyError::NotFound => company_not_found(),
            VerifyCompanyError::Repo(e) => e.into(),
        }
    }
}

impl From<RemoveCompanyError> for ApiError {
    fn from(e: RemoveCompanyError) -> Self {
        match e {
            RemoveCompanyError::NotFound => company_not_found(),
            RemoveCompanyError::Repo(e) => e.into(),
        }
    }
}

impl From<InviteError> for ApiError {
    fn from(e: InviteError) -> Self {
        match e {
            InviteError::CompanyNameRequired => ApiError::bad_request(
                "company_name_required",
                "Le nom de l'entreprise est requis pour un employeur",
            ),
            // Sign-up's answer to a taken address.
            InviteError::EmailTaken => {
                ApiError::bad_request("email_already_registered", "Email already registered")
            }
            InviteError::Repo(e) => e.into(),
        }
    }
}

impl From<ResendCredentialsError> for ApiError {
    fn from(e: ResendCredentialsError) -> Self {
        match e {
            ResendCredentialsError::NotFound => ApiError::new(
                StatusCode::NOT_FOUND,
                "user_not_found",
                "Utilisateur introuvable",
            ),
            ResendCredentialsError::TargetIsAdmin => admin_target(),
            ResendCredentialsError::Inactive => ApiError::bad_request(
                "target_inactive",
                "Ce compte est désactivé : réactivez-le avant de renvoyer un lien",
            ),
            ResendCredentialsError::RecentlySent => ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                "credentials_recently_sent",
                "Un lien a déjà été envoyé il y a moins d'une minute",
            )
            .with_header(header::RETRY_AFTER, retry_after()),
            ResendCredentialsError::Repo(e) => e.into(),
        }
    }
}
