//! Bodies of the CV routes (CONTRACT 3.3, 3.11).

use chrono::{DateTime, Utc};
use intowork_domain::cv::Cv;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::wire::ser_time;

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CvUploaded {
    pub message: &'static str,
    pub filename: String,
    pub size: i64,
    pub candidate_id: i64,
    pub cv_id: i64,
}

impl From<Cv> for CvUploaded {
    fn from(cv: Cv) -> Self {
        Self {
            message: "CV téléchargé avec succès",
            filename: cv.filename,
            size: cv.file_size,
            candidate_id: cv.candidate_id.get(),
            cv_id: cv.id.get(),
        }
    }
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CvItem {
    pub id: i64,
    pub filename: String,
    pub file_size: i64,
    pub is_active: bool,
    #[serde(serialize_with = "ser_time")]
    pub created_at: DateTime<Utc>,
}

impl From<Cv> for CvItem {
    fn from(cv: Cv) -> Self {
        Self {
            id: cv.id.get(),
            filename: cv.filename,
            file_size: cv.file_size,
            is_active: cv.is_active,
            created_at: cv.created_at,
        }
    }
}

// The two binary shapes are streamed, not serialized: these types only name them in the document.
/// A PDF (CV downloads).
#[derive(ToSchema)]
#[schema(value_type = String, format = Binary)]
pub struct PdfFile(pub Vec<u8>);

/// `multipart/form-data` with the file in the `cv` part (PDF, at most `MAX_CV_SIZE_MB`).
#[derive(Deserialize, ToSchema)]
pub struct CvUploadForm {
    #[schema(value_type = String, format = Binary)]
    pub cv: Vec<u8>,
}
