//! `CandidateRepository` over diesel: the profile row and its experiences, educations and skills.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use diesel::QueryResult;
use intowork_domain::candidate::{
    CandidateProfile, CandidateRepository, Education, EducationFields, Experience,
    ExperienceFields, ItemKind, ProfileUpdate, Skill, SkillFields,
};
use intowork_domain::{CandidateId, RepoError, UserId};

use super::item_values::{EducationValues, ExperienceValues, SkillValues, Write};
use super::items::{Educations, Experiences, Skills};
use super::profile::{ensure_row, find_id, load_profile, update_profile};
use crate::conn::DbConn;
use crate::database::{Database, write_tx};
use crate::error::map_db_error;
use crate::stored::naive;

#[derive(Clone, Debug)]
pub struct DieselCandidateRepository {
    db: Database,
}

impl DieselCandidateRepository {
    pub fn new(db: Database) -> Self {
        Self { db }
    }

    /// One item statement, its row turned into the domain item.
    async fn item<R, T>(
        &self,
        write: impl FnOnce(&mut DbConn) -> QueryResult<R> + Send + 'static,
        convert: impl FnOnce(R) -> Result<T, RepoError> + Send + 'static,
    ) -> Result<T, RepoError>
    where
        R: Send + 'static,
        T: Send + 'static,
    {
        self.db
            .run(move |conn| convert(write(conn).map_err(map_db_error)?))
            .await
    }
}

fn some<T>(row: Option<impl Into<T>>) -> Result<Option<T>, RepoError> {
    Ok(row.map(Into::into))
}

#[async_trait]
impl CandidateRepository for DieselCandidateRepository {
    async fn candidate_id(&self, user: UserId) -> Result<Option<CandidateId>, RepoError> {
        self.db
            .run(move |conn| find_id(conn, user.get()).map_err(map_db_error))
            .await
            .map(|id| id.map(CandidateId))
    }

    async fn load_or_create(
        &self,
        user: UserId,
        now: DateTime<Utc>,
    ) -> Result<CandidateProfile, RepoError> {
        self.db
            .run(move |conn| {
                let id = match find_id(conn, user.get()).map_err(map_db_error)? {
                    Some(id) => id,
                    None => write_tx(conn, |c| ensure_row(c, user.get(), naive(now)))
                        .map_err(map_db_error)?,
                };
                load_profile(conn, id)
            })
            .await
    }

    async fn update_profile(
        &self,
        user: UserId,
        u: ProfileUpdate,
        now: DateTime<Utc>,
    ) -> Result<CandidateProfile, RepoError> {
        self.db
            .run(move |conn| {
                let id = write_tx(conn, |c| update_profile(c, user.get(), u, naive(now)))
                    .map_err(map_db_error)?;
                load_profile(conn, id)
            })
            .await
    }

    async fn add_experience(
        &self,
        candidate: CandidateId,
        f: ExperienceFields,
        now: DateTime<Utc>,
    ) -> Result<Experience, RepoError> {
        let new = move |c: &mut DbConn| {
            Experiences::insert(
                c,
                (candidate.get(), naive(now)),
                ExperienceValues::of(Write::Insert, &f, naive(now)),
            )
        };
        self.item(new, |row| Ok(row.into())).await
    }

    async fn update_experience(
        &self,
        candidate: CandidateId,
        id: i64,
        f: ExperienceFields,
        now: DateTime<Utc>,
    ) -> Result<Option<Experience>, RepoError> {
        let changes = move |c: &mut DbConn| {
            Experiences::update(
                c,
                (candidate.get(), id),
                ExperienceValues::of(Write::Update, &f, naive(now)),
            )
        };
        self.item(changes, some).await
    }

    async fn add_education(
        &self,
        candidate: CandidateId,
        f: EducationFields,
        now: DateTime<Utc>,
    ) -> Result<Education, RepoError> {
        let new = move |c: &mut DbConn| {
            Educations::insert(
                c,
                (candidate.get(), naive(now)),
                EducationValues::of(Write::Insert, &f, naive(now)),
            )
        };
        self.item(new, |row| Ok(row.into())).await
    }

    async fn update_education(
        &self,
        candidate: CandidateId,
        id: i64,
        f: EducationFields,
        now: DateTime<Utc>,
    ) -> Result<Option<Education>, RepoError> {
        let changes = move |c: &mut DbConn| {
            Educations::update(
                c,
                (candidate.get(), id),
                EducationValues::of(Write::Update, &f, naive(now)),
            )
        };
        self.item(changes, some).await
    }

    async fn add_skill(
        &self,
        candidate: CandidateId,
        f: SkillFields,
        now: DateTime<Utc>,
    ) -> Result<Skill, RepoError> {
        let new = move |c: &mut DbConn| {
            Skills::insert(
                c,
                (candidate.get(), naive(now)),
                SkillValues::of(&f, naive(now)),
            )
        };
        self.item(new, Skill::try_from).await
    }

    async fn update_skill(
        &self,
        candidate: CandidateId,
        id: i64,
        f: SkillFields,
        now: DateTime<Utc>,
    ) -> Result<Option<Skill>, RepoError> {
        let changes = move |c: &mut DbConn| {
            Skills::update(c, (candidate.get(), id), SkillValues::of(&f, naive(now)))
        };
        self.item(changes, |row| row.map(Skill::try_from).transpose())
            .await
    }

    async fn delete_item(
        &self,
        candidate: CandidateId,
        kind: ItemKind,
        id: i64,
    ) -> Result<bool, RepoError> {
        let key = (candidate.get(), id);
        let delete = move |c: &mut DbConn| match kind {
            ItemKind::Experience => Experiences::delete(c, key),
            ItemKind::Education => Educations::delete(c, key),
            ItemKind::Skill => Skills::delete(c, key),
        };
        self.item(delete, Ok).await
    }
}
