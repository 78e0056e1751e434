//! A job's picture (HEAD.md 10.4): the owner uploads one, it is stored under a new key, the job
//! points at it, and the picture it replaces is removed.

use tracing::{info, instrument};

use super::entity::JobListing;
use super::errors::JobImageError;
use super::service::JobService;
use crate::ids::JobId;
use crate::image::ImageKind;
use crate::user::User;

impl JobService {
    /// Owner only (another employer's job is "not found"). The object is written first and the
    /// row then pointed at it; if that fails the new object is removed again, so a failed upload
    /// changes nothing. The previous picture goes once the row no longer points at it.
    #[instrument(skip_all, fields(user_id = %user.id, job_id = %id, size = bytes.len()))]
    pub async fn replace_image(
        &self,
        user: &User,
        id: JobId,
        bytes: Vec<u8>,
    ) -> Result<JobListing, JobImageError> {
        self.owned_job(user, id)
            .await?
            .ok_or(JobImageError::NotFound)?;
        let stored = self.images.put(ImageKind::JobImage, bytes).await?;
        let key = stored.key.as_str().to_owned();
        let replaced = match self
            .jobs
            .replace_image(id, key.clone(), self.clock.now())
            .await
        {
            Ok(Some(replaced)) => replaced,
            Ok(None) => {
                self.images.discard(&key).await;
                return Err(JobImageError::NotFound);
            }
            Err(e) => {
                self.images.discard(&key).await;
                return Err(e.into());
            }
        };
        if let Some(previous) = replaced.previous_key {
            self.images.discard(&previous).await;
        }
        info!("job image replaced");
        self.jobs
            .find_listing(id, None)
            .await?
            .ok_or(JobImageError::NotFound)
    }

    /// The upload's checks that need no body: the job exists and is the caller's. The route runs
    /// them before reading the file, so a refused caller uploads nothing.
    pub async fn check_image_owner(&self, user: &User, id: JobId) -> Result<(), JobImageError> {
        match self.owned_job(user, id).await? {
            Some(_) => Ok(()),
            None => Err(JobImageError::NotFound),
        }
    }
}
