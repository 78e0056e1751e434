//! A saved CV as the use cases read and write it.

use chrono::{DateTime, NaiveDate, Utc};

use super::document::{CvDocument, CvTemplate};
use crate::files::FileKey;
use crate::ids::{CvDocumentId, UserId};

/// A candidate's CV as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SavedCv {
    pub id: CvDocumentId,
    pub user: UserId,
    /// Random and fixed at creation: the public page's address.
    pub slug: String,
    pub title: Option<String>,
    pub template: CvTemplate,
    pub is_public: bool,
    pub document: CvDocument,
    pub photo: Option<FileKey>,
    pub views_count: i64,
    pub downloads_count: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A save as the domain decided it: one unit of work for the repository.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CvSave {
    pub user: UserId,
    /// Used only when the candidate has no CV yet.
    pub new_slug: String,
    /// The title of a new CV when none is given.
    pub default_title: String,
    /// `None` keeps the stored title.
    pub title: Option<String>,
    pub template: CvTemplate,
    pub is_public: bool,
    pub document: CvDocument,
    pub photo: Option<FileKey>,
    pub now: DateTime<Utc>,
}

/// What a committed save changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SavedVersion {
    pub cv: SavedCv,
    /// The photo the save replaced or removed, to delete after the commit.
    pub replaced_photo: Option<FileKey>,
}

/// The public page's view of a CV.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicCv {
    pub slug: String,
    pub template: CvTemplate,
    pub document: CvDocument,
    pub photo: Option<FileKey>,
    pub views_count: i64,
}

impl From<SavedCv> for PublicCv {
    fn from(cv: SavedCv) -> Self {
        PublicCv {
            slug: cv.slug,
            template: cv.template,
            document: cv.document,
            photo: cv.photo,
            views_count: cv.views_count,
        }
    }
}

/// Views of one UTC day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DailyViews {
    pub day: NaiveDate,
    pub views: i64,
}

/// The owner's figures. No visitor data is kept, so there is no breakdown by country or referrer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CvAnalytics {
    pub total_views: i64,
    pub total_downloads: i64,
    /// The last 30 days with at least one view, oldest first.
    pub views_by_date: Vec<DailyViews>,
}

/// Whether the CV is public after a toggle, and its slug.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Visibility {
    pub is_public: bool,
    pub slug: String,
}
