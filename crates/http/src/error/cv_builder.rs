//! Exhaustive mappings of the CV builder's errors. The texts of the owner's and the public routes
//! are HEAD's (English); the photo's are the image uploads'.

use intowork_domain::cv_builder::{
    DocumentProblem, OwnCvError, PathStep, ProblemKind, PublicCvError, SaveCvError,
};
use serde_json::{Value, json};

use super::api_error::ApiError;
use super::images::rejected;
use crate::validation::ValidationItem;

/// pydantic's item for a problem of the document, under `["body", "cv_data", …]`.
fn item(p: DocumentProblem) -> ValidationItem {
    let mut loc: Vec<Value> = vec!["body".into(), "cv_data".into()];
    loc.extend(p.path.into_iter().map(|step| match step {
        PathStep::Field(name) => Value::from(name),
        PathStep::Index(i) => Value::from(i),
    }));
    match p.kind {
        ProblemKind::TooLong { max_chars } => ValidationItem::new(
            "string_too_long",
            loc,
            format!("String should have at most {max_chars} characters"),
        )
        .with_ctx(json!({ "max_length": max_chars })),
        ProblemKind::TooMany { max_items, items } => ValidationItem::new(
            "too_long",
            loc,
            format!("List should have at most {max_items} items after validation, not {items}"),
        )
        .with_ctx(json!({ "field_type": "List", "max_length": max_items, "actual_length": items })),
        ProblemKind::OutOfRange { min, value, .. } if value < min => ValidationItem::new(
            "greater_than_equal",
            loc,
            format!("Input should be greater than or equal to {min}"),
        )
        .with_input(json!(value))
        .with_ctx(json!({ "ge": min })),
        ProblemKind::OutOfRange { max, value, .. } => ValidationItem::new(
            "less_than_equal",
            loc,
            format!("Input should be less than or equal to {max}"),
        )
        .with_input(json!(value))
        .with_ctx(json!({ "le": max })),
    }
}

impl From<SaveCvError> for ApiError {
    fn from(e: SaveCvError) -> Self {
        match e {
            SaveCvError::Invalid(problems) => {
                ApiError::validation(problems.into_iter().map(item).collect())
            }
            // As a job picture or a logo would be.
            SaveCvError::Photo(r) => rejected(r),
            SaveCvError::UnknownPhoto => ApiError::bad_request(
                "invalid_photo",
                "Cette photo n'est pas celle du CV : envoyez l'image elle-même",
            ),
            SaveCvError::Storage(e) => ApiError::unavailable(&e),
            SaveCvError::Repo(e) => e.into(),
        }
    }
}

impl From<OwnCvError> for ApiError {
    fn from(e: OwnCvError) -> Self {
        match e {
            OwnCvError::NotFound => ApiError::not_found("CV not found"),
            OwnCvError::Repo(e) => e.into(),
        }
    }
}

impl From<PublicCvError> for ApiError {
    fn from(e: PublicCvError) -> Self {
        match e {
            PublicCvError::NotFound => ApiError::not_found("CV not found or not public"),
            PublicCvError::Repo(e) => e.into(),
        }
    }
}
