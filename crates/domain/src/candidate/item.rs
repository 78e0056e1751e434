//! Experiences, educations and skills follow the same rules: added to the caller's own profile,
//! updated or deleted only when they are the caller's. [`ProfileItem`] is what differs between the
//! kinds (their fields and the repository methods that store them), so that the service writes
//! the rules once, generically.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::history::{Education, EducationFields, Experience, ExperienceFields};
use super::kind::ItemKind;
use super::port::CandidateRepository;
use super::skill::{Skill, SkillFields};
use crate::error::RepoError;
use crate::ids::CandidateId;

/// A kind of profile item, as the generic use cases of
/// [`ProfileService`](super::service::ProfileService) see it.
#[async_trait]
pub trait ProfileItem: Sized + Send {
    /// What a client writes on create and update.
    type Fields: Send;
    /// Names the kind in a 404.
    const KIND: ItemKind;

    /// Stores a new item of the candidate's.
    async fn add(
        repo: &dyn CandidateRepository,
        candidate: CandidateId,
        fields: Self::Fields,
        now: DateTime<Utc>,
    ) -> Result<Self, RepoError>;

    /// `Ok(None)` when the item does not exist or belongs to another candidate.
    async fn update(
        repo: &dyn CandidateRepository,
        candidate: CandidateId,
        id: i64,
        fields: Self::Fields,
        now: DateTime<Utc>,
    ) -> Result<Option<Self>, RepoError>;
}

/// Binds a kind to its fields and its two repository methods.
macro_rules! profile_item {
    ($item:ident, $fields:ident, $add:ident, $update:ident) => {
        #[async_trait]
        impl ProfileItem for $item {
            type Fields = $fields;
            const KIND: ItemKind = ItemKind::$item;

            async fn add(
                repo: &dyn CandidateRepository,
                candidate: CandidateId,
                fields: $fields,
                now: DateTime<Utc>,
            ) -> Result<Self, RepoError> {
                repo.$add(candidate, fields, now).await
            }

            async fn update(
                repo: &dyn CandidateRepository,
                candidate: CandidateId,
                id: i64,
                fields: $fields,
                now: DateTime<Utc>,
            ) -> Result<Option<Self>, RepoError> {
                repo.$update(candidate, id, fields, now).await
            }
        }
    };
}

profile_item!(
    Experience,
    ExperienceFields,
    add_experience,
    update_experience
);
profile_item!(Education, EducationFields, add_education, update_education);
profile_item!(Skill, SkillFields, add_skill, update_skill);
