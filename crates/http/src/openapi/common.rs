//! Shared wire schemas: errors, acknowledgements, the enums with their exact values, binary files.
//! These types only describe what the handlers send (many bodies are built with `json!`); the HTTP
//! tests validate every JSON response against them, so a drift between the two fails a test.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

/// Every error except 422: `{"detail": <text>, "code": <stable snake_case>}` (CONTRACT 1.3, 9.17).
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"detail": "Not authenticated", "code": "not_authenticated"}))]
pub struct ErrorBody {
    pub detail: String,
    /// Stable machine-readable code; the list is in docs/api.md.
    pub code: String,
}

/// 422: pydantic's list of problems in `detail`.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"detail": [{"type": "missing", "loc": ["body", "email"],
    "msg": "Field required", "input": {}}], "code": "validation_error"}))]
pub struct ValidationErrorBody {
    pub detail: Vec<ValidationItemDoc>,
    pub code: ValidationCode,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ValidationCode {
    ValidationError,
}

/// One pydantic-shaped problem.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(as = ValidationItem)]
pub struct ValidationItemDoc {
    /// pydantic's error type (`missing`, `int_parsing`, `value_error`, ...).
    #[serde(rename = "type")]
    pub kind: String,
    /// Where: `["body", "email"]`, `["query", "page"]`, `["path", "job_id"]`.
    #[schema(value_type = Vec<Value>)]
    pub loc: Vec<Value>,
    pub msg: String,
    /// The rejected input (any JSON value).
    #[schema(value_type = Value)]
    pub input: Value,
    /// Extra context such as `{"ge": 1}`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub ctx: Option<Value>,
}

/// `{"message": "..."}` acknowledgement.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"message": "Notification supprimée"}))]
pub struct MessageBody {
    pub message: String,
}

#[derive(Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Candidate,
    Employer,
    Admin,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum TokenType {
    Bearer,
}

#[derive(Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum JobType {
    FullTime,
    PartTime,
    Contract,
    Temporary,
    Internship,
}

#[derive(Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum LocationType {
    OnSite,
    Remote,
    Hybrid,
}

#[derive(Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum JobStatus {
    Draft,
    Published,
    Closed,
    Archived,
}

#[derive(Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ApplicationStatus {
    Applied,
    Viewed,
    Shortlisted,
    Interview,
    Rejected,
    Accepted,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum NotificationType {
    NewApplication,
    StatusChange,
    NewJob,
    Message,
    System,
}

#[derive(Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SkillCategory {
    Technical,
    Soft,
    Language,
    Other,
}

/// A PDF (CV downloads).
#[derive(Serialize, ToSchema)]
#[schema(value_type = String, format = Binary)]
pub struct PdfFile(pub Vec<u8>);

/// `multipart/form-data` with the file in the `cv` part (PDF, at most `MAX_CV_SIZE_MB`).
#[derive(Deserialize, ToSchema)]
pub struct CvUploadForm {
    #[schema(value_type = String, format = Binary)]
    pub cv: Vec<u8>,
}
