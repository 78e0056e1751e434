//! A stored CV, what storing one takes, and what downloading one returns.

use chrono::{DateTime, Utc};

use crate::ids::{CandidateId, CvId};

/// A stored CV.
#[derive(Clone, Debug, PartialEq)]
pub struct Cv {
    pub id: CvId,
    pub candidate_id: CandidateId,
    pub filename: String,
    pub storage_key: String,
    pub file_size: i64,
    /// False once soft-deleted (kept because an application refers to it, 9.4).
    pub is_active: bool,
    pub created_at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct NewCv {
    pub candidate_id: CandidateId,
    pub filename: String,
    pub storage_key: String,
    pub file_size: i64,
    pub now: DateTime<Utc>,
}

/// What deleting a CV did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CvRemoval {
    /// No application refers to it: the row is gone; the file under this key must go too.
    Deleted { storage_key: String },
    /// An application refers to it: hidden from its owner, still served through that application.
    Deactivated,
}

#[derive(Clone, Debug, PartialEq)]
pub struct UploadedCv {
    pub cv: Cv,
}

/// A file to send back.
#[derive(Clone, Debug, PartialEq)]
pub struct CvFile {
    pub id: CvId,
    pub filename: String,
    pub bytes: Vec<u8>,
    pub created_at: DateTime<Utc>,
}
