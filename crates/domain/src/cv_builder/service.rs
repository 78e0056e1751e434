//! The CV builder's use cases: save and load the candidate's one CV, share it under its random
//! slug, count its public views, and store its photo as a public image.

use std::sync::Arc;

use chrono::{NaiveDate, TimeDelta};
use derive_new::new;
use tracing::{info, instrument, warn};

use super::entity::{CvAnalytics, CvSave, PublicCv, SavedCv, Visibility};
use super::error::{OwnCvError, PublicCvError, SaveCvError};
use super::limits::check;
use super::photo::PhotoInput;
use super::port::{CvBuilderNames, CvBuilderRepository};
use super::{CvDocument, CvTemplate};
use crate::error::RepoError;
use crate::files::FileKey;
use crate::ids::UserId;
use crate::image::{ImageKind, ImageStore, StoreImageError};
use crate::ports::Clock;

/// How far back `views_by_date` goes (HEAD: 30 days).
const VIEWS_WINDOW: TimeDelta = TimeDelta::days(30);

/// A save as the edge parsed it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SaveCommand {
    pub document: CvDocument,
    pub photo: PhotoInput,
    pub template: CvTemplate,
    pub title: Option<String>,
    pub is_public: bool,
}

#[derive(new)]
pub struct CvBuilderService {
    repo: Arc<dyn CvBuilderRepository>,
    images: ImageStore,
    names: Arc<dyn CvBuilderNames>,
    clock: Arc<dyn Clock>,
}

impl CvBuilderService {
    /// The caller's CV, `None` before the first save.
    #[instrument(skip_all, fields(user_id = %user))]
    pub async fn load(&self, user: UserId) -> Result<Option<SavedCv>, RepoError> {
        self.repo.find(user).await
    }

    /// Checks the document, stores a new photo, then saves; a failed save removes the photo it
    /// stored, and a photo the save replaced is removed after the commit.
    #[instrument(skip_all, fields(user_id = %user))]
    pub async fn save(&self, user: UserId, cmd: SaveCommand) -> Result<SavedCv, SaveCvError> {
        let problems = check(&cmd.document);
        if !problems.is_empty() {
            return Err(SaveCvError::Invalid(problems));
        }
        let (photo, stored) = match cmd.photo {
            PhotoInput::None => (None, None),
            PhotoInput::Keep(key) => (Some(self.current_photo(user, key).await?), None),
            PhotoInput::Upload(bytes) => {
                let key = self.store_photo(bytes).await?;
                (Some(key.clone()), Some(key))
            }
        };
        let p = &cmd.document.personal;
        let save = CvSave {
            user,
            new_slug: self.names.slug(),
            default_title: format!("CV de {} {}", p.first_name, p.last_name)
                .trim()
                .to_owned(),
            title: cmd.title.filter(|t| !t.trim().is_empty()),
            template: cmd.template,
            is_public: cmd.is_public,
            document: cmd.document,
            photo,
            now: self.clock.now(),
        };
        let saved = match self.repo.save(save).await {
            Ok(saved) => saved,
            Err(e) => {
                if let Some(key) = stored {
                    self.images.discard(key.as_str()).await;
                }
                return Err(e.into());
            }
        };
        if let Some(old) = saved.replaced_photo {
            self.images.discard(old.as_str()).await;
        }
        info!(document_id = %saved.cv.id, "CV builder document saved");
        Ok(saved.cv)
    }

    /// The caller's CV (zero or one), as HEAD's list route answers.
    pub async fn list(&self, user: UserId) -> Result<Vec<SavedCv>, RepoError> {
        Ok(self.repo.find(user).await?.into_iter().collect())
    }

    #[instrument(skip_all, fields(user_id = %user))]
    pub async fn toggle_public(&self, user: UserId) -> Result<Visibility, OwnCvError> {
        self.repo
            .toggle_public(user)
            .await?
            .ok_or(OwnCvError::NotFound)
    }

    /// Deletes the CV and its counters, then its photo.
    #[instrument(skip_all, fields(user_id = %user))]
    pub async fn delete(&self, user: UserId) -> Result<(), OwnCvError> {
        let photo = self.repo.delete(user).await?.ok_or(OwnCvError::NotFound)?;
        if let Some(key) = photo {
            self.images.discard(key.as_str()).await;
        }
        Ok(())
    }

    /// Totals, and the views of the last 30 days; zeros before the first save.
    #[instrument(skip_all, fields(user_id = %user))]
    pub async fn analytics(&self, user: UserId) -> Result<CvAnalytics, RepoError> {
        let Some(cv) = self.repo.find(user).await? else {
            return Ok(CvAnalytics::default());
        };
        let since: NaiveDate = (self.clock.now() - VIEWS_WINDOW).date_naive();
        Ok(CvAnalytics {
            total_views: cv.views_count,
            total_downloads: cv.downloads_count,
            views_by_date: self.repo.daily_views(user, since).await?,
        })
    }

    /// The public page's data. Reading it counts nothing: the page counts through
    /// [`Self::track_view`] (HEAD counted each visit twice).
    pub async fn public(&self, slug: &str) -> Result<PublicCv, PublicCvError> {
        let cv = self.repo.find_public(slug).await?;
        cv.map(PublicCv::from).ok_or(PublicCvError::NotFound)
    }

    /// One view of a public CV; a private or unknown slug counts nothing.
    pub async fn track_view(&self, slug: &str) -> Result<i64, PublicCvError> {
        self.repo
            .record_view(slug, self.clock.now())
            .await?
            .ok_or(PublicCvError::NotFound)
    }

    /// A kept photo must be the CV's current one: a link to another candidate's photo is refused.
    async fn current_photo(&self, user: UserId, key: FileKey) -> Result<FileKey, SaveCvError> {
        let current = self.repo.find(user).await?.and_then(|cv| cv.photo);
        match current {
            Some(current) if current == key => Ok(current),
            _ => Err(SaveCvError::UnknownPhoto),
        }
    }

    /// Checks the image (size, then a PNG, JPEG or WebP signature) and stores it under a new key.
    async fn store_photo(&self, bytes: Vec<u8>) -> Result<FileKey, SaveCvError> {
        match self.images.put(ImageKind::CvPhoto, bytes).await {
            Ok(stored) => Ok(stored.key),
            Err(StoreImageError::Rejected(r)) => Err(SaveCvError::Photo(r)),
            Err(StoreImageError::Storage(e)) => {
                warn!(error = %e, "CV photo could not be stored");
                Err(SaveCvError::Storage(e))
            }
        }
    }
}
