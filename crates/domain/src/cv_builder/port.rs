//! The CV builder's ports: the documents, and their random public slugs.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDate, Utc};

use super::entity::{CvSave, DailyViews, SavedCv, SavedVersion, Visibility};
use crate::error::RepoError;
use crate::files::FileKey;
use crate::ids::UserId;

#[cfg_attr(any(test, feature = "mocks"), mockall::automock)]
#[async_trait]
pub trait CvBuilderRepository: Send + Sync {
    /// The user's CV, `Ok(None)` when they have none.
    async fn find(&self, user: UserId) -> Result<Option<SavedCv>, RepoError>;

    /// Creates the user's CV (with `new_slug` and `default_title` when `title` is `None`) or
    /// replaces its content, template, visibility and photo (slug and counters unchanged), in one
    /// transaction; concurrent first saves of one user leave one CV. `replaced_photo` is the
    /// previous photo when it differs from the saved one.
    async fn save(&self, save: CvSave) -> Result<SavedVersion, RepoError>;

    /// Flips `is_public`; `Ok(None)` without a CV.
    async fn toggle_public(&self, user: UserId) -> Result<Option<Visibility>, RepoError>;

    /// The CV with this slug if it is public; `Ok(None)` otherwise. Counts nothing.
    async fn find_public(&self, slug: &str) -> Result<Option<SavedCv>, RepoError>;

    /// Adds one view to the public CV with this slug (its total and the counter of `at`'s UTC day)
    /// in one transaction and returns the new total; `Ok(None)`, counting nothing, when no public
    /// CV has this slug.
    async fn record_view(&self, slug: &str, at: DateTime<Utc>) -> Result<Option<i64>, RepoError>;

    /// The user's views per day from `since` on, oldest first (days without views left out).
    async fn daily_views(
        &self,
        user: UserId,
        since: NaiveDate,
    ) -> Result<Vec<DailyViews>, RepoError>;

    /// Deletes the user's CV and its counters; `Ok(None)` without a CV, else its photo (to delete
    /// after the commit).
    async fn delete(&self, user: UserId) -> Result<Option<Option<FileKey>>, RepoError>;
}

/// Public slugs: nothing about a candidate can be read from them, and they cannot be guessed.
#[cfg_attr(any(test, feature = "mocks"), mockall::automock)]
pub trait CvBuilderNames: Send + Sync {
    /// A URL-safe slug of at least 128 random bits.
    fn slug(&self) -> String;
}
