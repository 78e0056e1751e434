//! The email-template use cases' errors (HEAD's texts).

use intowork_domain::email_template::TemplateError;

use super::api_error::ApiError;

impl From<TemplateError> for ApiError {
    fn from(e: TemplateError) -> Self {
        match e {
            TemplateError::EmployerMissing => ApiError::not_found(
                "Employer profile not found. Please complete your profile setup.",
            ),
            TemplateError::CompanyMissing => ApiError::bad_request(
                "company_required",
                "You must create a company profile before creating email templates",
            ),
            TemplateError::NotFound => ApiError::not_found("Template not found"),
            TemplateError::BuiltInNotFound => ApiError::not_found("Default template not found"),
            TemplateError::UnknownVariable(v) => {
                ApiError::bad_request("unknown_variable", format!("Variable inconnue : {v}"))
            }
            TemplateError::Repo(e) => e.into(),
        }
    }
}
