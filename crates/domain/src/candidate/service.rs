//! The candidate's own profile: reading and updating it, and adding, updating and deleting its
//! items. Every item kind goes through the same generic methods, named by its type
//! (`add_item::<Experience>`).

use std::sync::Arc;

use derive_new::new;
use tracing::instrument;

use super::error::{AddItemError, EditItemError};
use super::item::ProfileItem;
use super::kind::ItemKind;
use super::patch::ProfileUpdate;
use super::port::CandidateRepository;
use super::profile::CandidateProfile;
use crate::error::RepoError;
use crate::ids::{CandidateId, UserId};
use crate::ports::Clock;

#[derive(new)]
pub struct ProfileService {
    pub(super) repo: Arc<dyn CandidateRepository>,
    pub(super) clock: Arc<dyn Clock>,
}

impl ProfileService {
    #[instrument(skip_all, fields(user_id = %user))]
    pub async fn profile(&self, user: UserId) -> Result<CandidateProfile, RepoError> {
        self.repo.load_or_create(user, self.clock.now()).await
    }

    #[instrument(skip_all, fields(user_id = %user))]
    pub async fn update(
        &self,
        user: UserId,
        update: ProfileUpdate,
    ) -> Result<CandidateProfile, RepoError> {
        self.repo
            .update_profile(user, update, self.clock.now())
            .await
    }

    /// Adds an item to the caller's profile; the caller must have a candidate row.
    #[instrument(skip_all, fields(user_id = %user, kind = ?I::KIND))]
    pub async fn add_item<I: ProfileItem>(
        &self,
        user: UserId,
        fields: I::Fields,
    ) -> Result<I, AddItemError> {
        let candidate = self
            .repo
            .candidate_id(user)
            .await?
            .ok_or(AddItemError::ProfileMissing)?;
        Ok(I::add(self.repo.as_ref(), candidate, fields, self.clock.now()).await?)
    }

    /// Updates one of the caller's items; anyone else's is "not found".
    #[instrument(skip_all, fields(user_id = %user, kind = ?I::KIND))]
    pub async fn update_item<I: ProfileItem>(
        &self,
        user: UserId,
        id: i64,
        fields: I::Fields,
    ) -> Result<I, EditItemError> {
        let candidate = self.owner_for_edit(user, I::KIND).await?;
        I::update(self.repo.as_ref(), candidate, id, fields, self.clock.now())
            .await?
            .ok_or(EditItemError::NotFound(I::KIND))
    }

    #[instrument(skip_all, fields(user_id = %user))]
    pub async fn delete_item(
        &self,
        user: UserId,
        kind: ItemKind,
        id: i64,
    ) -> Result<(), EditItemError> {
        let candidate = self.owner_for_edit(user, kind).await?;
        let found = self.repo.delete_item(candidate, kind, id).await?;
        found.then_some(()).ok_or(EditItemError::NotFound(kind))
    }

    async fn owner_for_edit(
        &self,
        user: UserId,
        kind: ItemKind,
    ) -> Result<CandidateId, EditItemError> {
        self.repo
            .candidate_id(user)
            .await?
            .ok_or(EditItemError::NotFound(kind))
    }
}
