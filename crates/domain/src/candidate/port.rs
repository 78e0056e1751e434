//! The candidate repository port.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::history::{Education, EducationFields, Experience, ExperienceFields};
use super::kind::ItemKind;
use super::patch::ProfileUpdate;
use super::profile::CandidateProfile;
use super::skill::{Skill, SkillFields};
use crate::error::RepoError;
use crate::ids::{CandidateId, UserId};

#[cfg_attr(any(test, feature = "mocks"), mockall::automock)]
#[async_trait]
pub trait CandidateRepository: Send + Sync {
    /// The candidate id of a user, `Ok(None)` when the user has no candidate row.
    async fn candidate_id(&self, user: UserId) -> Result<Option<CandidateId>, RepoError>;

    /// The full profile, creating an empty candidate row first when it is missing. Only ever
    /// called for users whose role is candidate.
    async fn load_or_create(
        &self,
        user: UserId,
        now: DateTime<Utc>,
    ) -> Result<CandidateProfile, RepoError>;

    /// Applies the present fields (creating the row if missing) and returns the full profile.
    async fn update_profile(
        &self,
        user: UserId,
        update: ProfileUpdate,
        now: DateTime<Utc>,
    ) -> Result<CandidateProfile, RepoError>;

    async fn add_experience(
        &self,
        candidate: CandidateId,
        fields: ExperienceFields,
        now: DateTime<Utc>,
    ) -> Result<Experience, RepoError>;
    /// `Ok(None)` when the experience does not exist or belongs to another candidate.
    async fn update_experience(
        &self,
        candidate: CandidateId,
        id: i64,
        fields: ExperienceFields,
        now: DateTime<Utc>,
    ) -> Result<Option<Experience>, RepoError>;

    async fn add_education(
        &self,
        candidate: CandidateId,
        fields: EducationFields,
        now: DateTime<Utc>,
    ) -> Result<Education, RepoError>;
    /// `Ok(None)` when the education does not exist or belongs to another candidate.
    async fn update_education(
        &self,
        candidate: CandidateId,
        id: i64,
        fields: EducationFields,
        now: DateTime<Utc>,
    ) -> Result<Option<Education>, RepoError>;

    async fn add_skill(
        &self,
        candidate: CandidateId,
        fields: SkillFields,
        now: DateTime<Utc>,
    ) -> Result<Skill, RepoError>;
    /// `Ok(None)` when the skill does not exist or belongs to another candidate.
    async fn update_skill(
        &self,
        candidate: CandidateId,
        id: i64,
        fields: SkillFields,
        now: DateTime<Utc>,
    ) -> Result<Option<Skill>, RepoError>;

    /// Deletes one item of the candidate's; `Ok(false)` when it is not theirs or does not exist.
    async fn delete_item(
        &self,
        candidate: CandidateId,
        kind: ItemKind,
        id: i64,
    ) -> Result<bool, RepoError>;
}
