//! Status, code and `detail` of every employer, company and job use-case error (CONTRACT 3.4–3.6,
//! 8.8, 9.14, 9.15). Exhaustive on purpose: a new variant must not compile until mapped.

use actix_web::http::StatusCode;
use intowork_domain::company::{
    CompleteRegistrationError, CreateCompanyError, EmployerProfileError, MyCompanyError,
};
use intowork_domain::job::{
    CreateJobError, DeleteJobError, MyJobsError, UpdateJobError, ViewJobError,
};

use super::api_error::ApiError;
use crate::validation::ValidationItem;

const ALREADY_HAS_COMPANY: &str = "Vous avez déjà une entreprise";

fn already_has_company() -> ApiError {
    ApiError::bad_request("company_already_exists", ALREADY_HAS_COMPANY)
}

fn not_found(code: &'static str, detail: &str) -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, code, detail)
}

impl From<EmployerProfileError> for ApiError {
    fn from(e: EmployerProfileError) -> Self {
        match e {
            EmployerProfileError::NotFound => {
                not_found("employer_not_found", "Employer profile not found")
            }
            EmployerProfileError::CompanyNotFound => {
                not_found("company_not_found", "Entreprise introuvable")
            }
            EmployerProfileError::CompanyForbidden => ApiError::new(
                StatusCode::FORBIDDEN,
                "company_forbidden",
                "Accès refusé à cette entreprise",
            ),
            EmployerProfileError::Repo(e) => e.into(),
        }
    }
}

impl From<CreateCompanyError> for ApiError {
    fn from(e: CreateCompanyError) -> Self {
        match e {
            CreateCompanyError::EmployerNotFound => {
                not_found("employer_not_found", "Employeur introuvable")
            }
            CreateCompanyError::AlreadyHasCompany => already_has_company(),
            CreateCompanyError::Repo(e) => e.into(),
        }
    }
}

impl From<MyCompanyError> for ApiError {
    fn from(e: MyCompanyError) -> Self {
        match e {
            MyCompanyError::EmployerNotFound => {
                not_found("employer_not_found", "Employeur introuvable")
            }
            MyCompanyError::CompanyNotFound => {
                not_found("company_not_found", "Entreprise introuvable")
            }
            MyCompanyError::Repo(e) => e.into(),
        }
    }
}

impl From<CompleteRegistrationError> for ApiError {
    fn from(e: CompleteRegistrationError) -> Self {
        match e {
            CompleteRegistrationError::RoleMismatch => {
                ApiError::bad_request("role_mismatch", "Rôle incompatible")
            }
            CompleteRegistrationError::ProfileNotFound => {
                not_found("profile_not_found", "Profil introuvable")
            }
            CompleteRegistrationError::EmptyCompanyName => ApiError::validation(vec![
                ValidationItem::body_field(
                    "string_too_short",
                    "company_name",
                    "String should have at least 1 character",
                )
                .with_ctx(serde_json::json!({"min_length": 1})),
            ]),
            CompleteRegistrationError::AlreadyHasCompany => already_has_company(),
            CompleteRegistrationError::Repo(e) => e.into(),
        }
    }
}

impl From<MyJobsError> for ApiError {
    fn from(e: MyJobsError) -> Self {
        match e {
            MyJobsError::EmployerNotFound => {
                not_found("employer_not_found", "Profil employeur non trouvé")
            }
            MyJobsError::Repo(e) => e.into(),
        }
    }
}

impl From<CreateJobError> for ApiError {
    fn from(e: CreateJobError) -> Self {
        match e {
            CreateJobError::EmployerNotFound => {
                not_found("employer_not_found", "Employeur introuvable")
            }
            CreateJobError::CompanyNotFound => {
                not_found("company_not_found", "Entreprise introuvable")
            }
            CreateJobError::Repo(e) => e.into(),
        }
    }
}

impl From<UpdateJobError> for ApiError {
    fn from(e: UpdateJobError) -> Self {
        match e {
            UpdateJobError::NotFound => not_found("job_not_found", "Offre introuvable"),
            UpdateJobError::Repo(e) => e.into(),
        }
    }
}

impl From<DeleteJobError> for ApiError {
    fn from(e: DeleteJobError) -> Self {
        match e {
            DeleteJobError::NotFound => not_found("job_not_found", "Offre introuvable"),
            DeleteJobError::Repo(e) => e.into(),
        }
    }
}

impl From<ViewJobError> for ApiError {
    fn from(e: ViewJobError) -> Self {
        match e {
            ViewJobError::NotFound => not_found("job_not_found", "Job not found"),
            ViewJobError::Repo(e) => e.into(),
        }
    }
}
