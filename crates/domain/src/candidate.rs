//! Candidate profiles: the profile itself, experiences, educations and skills (CONTRACT 3.3, 8.9).

use std::sync::Arc;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use thiserror::Error;
use tracing::instrument;

use crate::error::RepoError;
use crate::ids::{CandidateId, CvId, UserId};
use crate::ports::Clock;

/// A field of a partial update: `None` = absent (keep), `Some(None)` = explicit null (clear),
/// `Some(Some(v))` = write `v`. The frontend relies on the difference (CONTRACT 5.8 D1, D2).
pub type Patch<T> = Option<Option<T>>;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SkillCategory {
    Technical,
    Soft,
    Language,
    Other,
}

impl SkillCategory {
    pub fn as_str(self) -> &'static str {
        match self {
            SkillCategory::Technical => "technical",
            SkillCategory::Soft => "soft",
            SkillCategory::Language => "language",
            SkillCategory::Other => "other",
        }
    }

    /// API values plus the frontend's French ones (CONTRACT 8.9 M4).
    pub fn parse(raw: &str) -> Option<SkillCategory> {
        match raw.trim().to_lowercase().as_str() {
            "technical" | "technique" => Some(SkillCategory::Technical),
            "soft" | "soft-skill" => Some(SkillCategory::Soft),
            "language" | "langue" => Some(SkillCategory::Language),
            "other" | "autre" => Some(SkillCategory::Other),
            _ => None,
        }
    }
}

/// A skill level from 1 to 5.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SkillLevel(u8);

impl SkillLevel {
    pub fn new(level: i64) -> Option<SkillLevel> {
        u8::try_from(level)
            .ok()
            .filter(|l| (1..=5).contains(l))
            .map(SkillLevel)
    }

    /// The frontend's words: beginner 1, intermediate 2, advanced 3, expert 4.
    pub fn from_word(word: &str) -> Option<SkillLevel> {
        match word.trim().to_lowercase().as_str() {
            "beginner" => Some(SkillLevel(1)),
            "intermediate" => Some(SkillLevel(2)),
            "advanced" => Some(SkillLevel(3)),
            "expert" => Some(SkillLevel(4)),
            _ => None,
        }
    }

    pub fn get(self) -> u8 {
        self.0
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Experience {
    pub id: i64,
    pub title: String,
    pub company: String,
    pub location: Option<String>,
    pub start_date: String,
    pub end_date: Option<String>,
    pub is_current: bool,
    pub description: Option<String>,
}

/// Create: absent optional fields become null/false. Update: absent ones are kept.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ExperienceFields {
    pub title: String,
    pub company: String,
    pub start_date: String,
    pub location: Patch<String>,
    pub end_date: Patch<String>,
    pub is_current: Option<bool>,
    pub description: Patch<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Education {
    pub id: i64,
    pub degree: String,
    pub school: String,
    pub field_of_study: Option<String>,
    pub location: Option<String>,
    pub start_date: String,
    pub end_date: Option<String>,
    pub is_current: bool,
    pub description: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct EducationFields {
    pub degree: String,
    pub school: String,
    pub start_date: String,
    pub field_of_study: Patch<String>,
    pub location: Patch<String>,
    pub end_date: Patch<String>,
    pub is_current: Option<bool>,
    pub description: Patch<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Skill {
    pub id: i64,
    pub name: String,
    pub level: SkillLevel,
    pub category: SkillCategory,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SkillFields {
    pub name: String,
    pub level: SkillLevel,
    pub category: SkillCategory,
}

/// The newest active CV, shown as the profile's "current CV" (derived, so it can never point at a
/// deleted file: CONTRACT 5.8 D3).
#[derive(Clone, Debug, PartialEq)]
pub struct CurrentCv {
    pub id: CvId,
    pub filename: String,
    pub uploaded_at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CandidateProfile {
    pub id: CandidateId,
    pub user_id: UserId,
    pub phone: Option<String>,
    pub location: Option<String>,
    pub linkedin_url: Option<String>,
    pub website_url: Option<String>,
    pub title: Option<String>,
    pub summary: Option<String>,
    pub years_experience: Option<i32>,
    pub salary_expectation_min: Option<i32>,
    pub salary_expectation_max: Option<i32>,
    pub current_cv: Option<CurrentCv>,
    pub experiences: Vec<Experience>,
    pub educations: Vec<Education>,
    pub skills: Vec<Skill>,
}

/// PUT /profile. The server-managed `cv_*` fields are not part of it: clients cannot set them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProfileUpdate {
    pub phone: Patch<String>,
    pub location: Patch<String>,
    pub linkedin_url: Patch<String>,
    pub website_url: Patch<String>,
    pub title: Patch<String>,
    pub summary: Patch<String>,
    pub years_experience: Patch<i32>,
    pub salary_expectation_min: Patch<i32>,
    pub salary_expectation_max: Patch<i32>,
}

/// Which kind of profile item an operation addressed (for the 404 text).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemKind {
    Experience,
    Education,
    Skill,
}

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

#[derive(Debug, Error)]
pub enum AddItemError {
    /// The user has no candidate row.
    #[error("candidate profile not found")]
    ProfileMissing,
    #[error(transparent)]
    Repo(#[from] RepoError),
}

#[derive(Debug, Error)]
pub enum EditItemError {
    /// No such item, or not the caller's (never revealed which).
    #[error("{0:?} not found")]
    NotFound(ItemKind),
    #[error(transparent)]
    Repo(#[from] RepoError),
}

pub struct ProfileService {
    repo: Arc<dyn CandidateRepository>,
    clock: Arc<dyn Clock>,
}

impl ProfileService {
    pub fn new(repo: Arc<dyn CandidateRepository>, clock: Arc<dyn Clock>) -> Self {
        Self { repo, clock }
    }

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

    async fn owner(&self, user: UserId) -> Result<CandidateId, AddItemError> {
        self.repo
            .candidate_id(user)
            .await?
            .ok_or(AddItemError::ProfileMissing)
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

    #[instrument(skip_all, fields(user_id = %user))]
    pub async fn add_experience(
        &self,
        user: UserId,
        fields: ExperienceFields,
    ) -> Result<Experience, AddItemError> {
        let candidate = self.owner(user).await?;
        Ok(self
            .repo
            .add_experience(candidate, fields, self.clock.now())
            .await?)
    }

    #[instrument(skip_all, fields(user_id = %user))]
    pub async fn update_experience(
        &self,
        user: UserId,
        id: i64,
        fields: ExperienceFields,
    ) -> Result<Experience, EditItemError> {
        let candidate = self.owner_for_edit(user, ItemKind::Experience).await?;
        self.repo
            .update_experience(candidate, id, fields, self.clock.now())
            .await?
            .ok_or(EditItemError::NotFound(ItemKind::Experience))
    }

    #[instrument(skip_all, fields(user_id = %user))]
    pub async fn add_education(
        &self,
        user: UserId,
        fields: EducationFields,
    ) -> Result<Education, AddItemError> {
        let candidate = self.owner(user).await?;
        Ok(self
            .repo
            .add_education(candidate, fields, self.clock.now())
            .await?)
    }

    #[instrument(skip_all, fields(user_id = %user))]
    pub async fn update_education(
        &self,
        user: UserId,
        id: i64,
        fields: EducationFields,
    ) -> Result<Education, EditItemError> {
        let candidate = self.owner_for_edit(user, ItemKind::Education).await?;
        self.repo
            .update_education(candidate, id, fields, self.clock.now())
            .await?
            .ok_or(EditItemError::NotFound(ItemKind::Education))
    }

    #[instrument(skip_all, fields(user_id = %user))]
    pub async fn add_skill(
        &self,
        user: UserId,
        fields: SkillFields,
    ) -> Result<Skill, AddItemError> {
        let candidate = self.owner(user).await?;
        Ok(self
            .repo
            .add_skill(candidate, fields, self.clock.now())
            .await?)
    }

    #[instrument(skip_all, fields(user_id = %user))]
    pub async fn update_skill(
        &self,
        user: UserId,
        id: i64,
        fields: SkillFields,
    ) -> Result<Skill, EditItemError> {
        let candidate = self.owner_for_edit(user, ItemKind::Skill).await?;
        self.repo
            .update_skill(candidate, id, fields, self.clock.now())
            .await?
            .ok_or(EditItemError::NotFound(ItemKind::Skill))
    }

    #[instrument(skip_all, fields(user_id = %user))]
    pub async fn delete_item(
        &self,
        user: UserId,
        kind: ItemKind,
        id: i64,
    ) -> Result<(), EditItemError> {
        let candidate = self.owner_for_edit(user, kind).await?;
        if self.repo.delete_item(candidate, kind, id).await? {
            Ok(())
        } else {
            Err(EditItemError::NotFound(kind))
        }
    }
}

#[cfg(test)]
mod tests;
