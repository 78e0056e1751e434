//! The upload rules: size and count limits, the PDF checks and the displayed file name (CONTRACT
//! 5.2, 5.4).

use super::error::UploadCvError;

/// Bounds set by configuration.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CvLimits {
    /// Largest accepted file, in bytes (`MAX_UPLOAD_SIZE_MB` MiB).
    pub max_bytes: usize,
    /// Active CVs a candidate may keep (`MAX_CVS_PER_CANDIDATE`).
    pub max_cvs: u32,
}

impl CvLimits {
    /// The checks that need no storage, in the reference's order: declared type, size, content.
    pub(super) fn check(self, upload: &CvUpload) -> Result<(), UploadCvError> {
        if !upload.declares_pdf() {
            return Err(UploadCvError::NotPdf);
        }
        if upload.bytes.len() > self.max_bytes {
            return Err(UploadCvError::TooLarge {
                max_mib: self.max_bytes / (1024 * 1024),
            });
        }
        if !is_pdf(&upload.bytes) {
            return Err(UploadCvError::NotPdf);
        }
        Ok(())
    }
}

/// The upload as received; nothing in it is trusted.
#[derive(Clone, Debug)]
pub struct CvUpload {
    pub filename: Option<String>,
    pub content_type: Option<String>,
    pub bytes: Vec<u8>,
}

impl CvUpload {
    /// Whether the declared media type (parameters ignored) is `application/pdf`.
    fn declares_pdf(&self) -> bool {
        self.content_type.as_deref().is_some_and(|ct| {
            ct.split(';')
                .next()
                .is_some_and(|m| m.trim().eq_ignore_ascii_case("application/pdf"))
        })
    }
}

/// Keeps the last path segment, drops control characters and separators, caps the length. The
/// result is only ever displayed; it never becomes a path.
pub fn sanitize_filename(raw: &str) -> String {
    let base = raw.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = base
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '"' | '<' | '>' | '|' | '*' | '?' | ':'))
        .take(150)
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.').trim().to_owned();
    if cleaned.is_empty() {
        "cv.pdf".to_owned()
    } else {
        cleaned
    }
}

pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes.starts_with(b"%PDF-")
}
