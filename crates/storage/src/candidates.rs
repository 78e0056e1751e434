//! `CandidateRepository` over diesel: the profile row and its experiences, educations and skills.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use intowork_domain::candidate::{
    CandidateProfile, CandidateRepository, CurrentCv, Education, EducationFields, Experience,
    ExperienceFields, ItemKind, ProfileUpdate, Skill, SkillFields,
};
use intowork_domain::{CandidateId, CvId, RepoError, UserId};

use crate::conn::DbConn;
use crate::database::{Database, write_tx};
use crate::error::map_db_error;
use crate::profile_rows::{EducationRow, ExperienceRow, SkillRow, opt};
use crate::schema::{candidate_cvs, candidates, educations, experiences, skills};

#[derive(Queryable, Selectable)]
#[diesel(table_name = candidates)]
struct CandidateRow {
    id: i64,
    user_id: i64,
    phone: Option<String>,
    location: Option<String>,
    linkedin_url: Option<String>,
    website_url: Option<String>,
    #[allow(dead_code)]
    profile_picture_url: Option<String>,
    title: Option<String>,
    summary: Option<String>,
    years_experience: Option<i32>,
    salary_expectation_min: Option<i32>,
    salary_expectation_max: Option<i32>,
    #[allow(dead_code)]
    created_at: NaiveDateTime,
    #[allow(dead_code)]
    updated_at: NaiveDateTime,
}

/// Present keys are written (`Some(None)` writes NULL); absent ones are skipped.
#[derive(AsChangeset)]
#[diesel(table_name = candidates)]
struct ProfileChanges {
    phone: Option<Option<String>>,
    location: Option<Option<String>>,
    linkedin_url: Option<Option<String>>,
    website_url: Option<Option<String>>,
    title: Option<Option<String>>,
    summary: Option<Option<String>>,
    years_experience: Option<Option<i32>>,
    salary_expectation_min: Option<Option<i32>>,
    salary_expectation_max: Option<Option<i32>>,
    updated_at: NaiveDateTime,
}

#[derive(Clone, Debug)]
pub struct DieselCandidateRepository {
    db: Database,
}

impl DieselCandidateRepository {
    pub fn new(db: Database) -> Self {
        Self { db }
    }
}

fn find_id(conn: &mut DbConn, user: i64) -> QueryResult<Option<i64>> {
    candidates::table
        .filter(candidates::user_id.eq(user))
        .select(candidates::id)
        .first(conn)
        .optional()
}

/// The candidate row of `user`, created empty when missing. The insert runs in a savepoint: if a
/// concurrent request created the row first, the unique violation rolls back only the savepoint
/// (PostgreSQL would otherwise abort the whole transaction) and the winner's row is read.
fn ensure_row(conn: &mut DbConn, user: i64, now: NaiveDateTime) -> QueryResult<i64> {
    if let Some(id) = find_id(conn, user)? {
        return Ok(id);
    }
    let inserted = conn.transaction(|c| {
        diesel::insert_into(candidates::table)
            .values((
                candidates::user_id.eq(user),
                candidates::created_at.eq(now),
                candidates::updated_at.eq(now),
            ))
            .returning(candidates::id)
            .get_result(c)
    });
    match inserted {
        Ok(id) => Ok(id),
        Err(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        )) => find_id(conn, user)?.ok_or(diesel::result::Error::NotFound),
        Err(e) => Err(e),
    }
}

/// The whole profile in a fixed five queries, whatever its size.
fn load_profile(conn: &mut DbConn, id: i64) -> Result<CandidateProfile, RepoError> {
    let row: CandidateRow = candidates::table
        .find(id)
        .select(CandidateRow::as_select())
        .first(conn)
        .map_err(map_db_error)?;
    let experiences: Vec<Experience> = experiences::table
        .filter(experiences::candidate_id.eq(id))
        .order(experiences::id.asc())
        .select(ExperienceRow::as_select())
        .load(conn)
        .map_err(map_db_error)?
        .into_iter()
        .map(Into::into)
        .collect();
    let educations: Vec<Education> = educations::table
        .filter(educations::candidate_id.eq(id))
        .order(educations::id.asc())
        .select(EducationRow::as_select())
        .load(conn)
        .map_err(map_db_error)?
        .into_iter()
        .map(Into::into)
        .collect();
    let skills = skills::table
        .filter(skills::candidate_id.eq(id))
        .order(skills::id.asc())
        .select(SkillRow::as_select())
        .load(conn)
        .map_err(map_db_error)?
        .into_iter()
        .map(Skill::try_from)
        .collect::<Result<Vec<_>, _>>()?;
    let current_cv = candidate_cvs::table
        .filter(candidate_cvs::candidate_id.eq(id))
        .filter(candidate_cvs::is_active.eq(true))
        .order((candidate_cvs::created_at.desc(), candidate_cvs::id.desc()))
        .select((
            candidate_cvs::id,
            candidate_cvs::filename,
            candidate_cvs::created_at,
        ))
        .first::<(i64, String, NaiveDateTime)>(conn)
        .optional()
        .map_err(map_db_error)?
        .map(|(cv, filename, at)| CurrentCv {
            id: CvId(cv),
            filename,
            uploaded_at: at.and_utc(),
        });
    Ok(CandidateProfile {
        id: CandidateId(row.id),
        user_id: UserId(row.user_id),
        phone: row.phone,
        location: row.location,
        linkedin_url: row.linkedin_url,
        website_url: row.website_url,
        title: row.title,
        summary: row.summary,
        years_experience: row.years_experience,
        salary_expectation_min: row.salary_expectation_min,
        salary_expectation_max: row.salary_expectation_max,
        current_cv,
        experiences,
        educations,
        skills,
    })
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
                    None => write_tx(conn, |c| ensure_row(c, user.get(), now.naive_utc()))
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
                let id = write_tx(conn, |c| {
                    let id = ensure_row(c, user.get(), now.naive_utc())?;
                    diesel::update(candidates::table.find(id))
                        .set(ProfileChanges {
                            phone: u.phone,
                            location: u.location,
                            linkedin_url: u.linkedin_url,
                            website_url: u.website_url,
                            title: u.title,
                            summary: u.summary,
                            years_experience: u.years_experience,
                            salary_expectation_min: u.salary_expectation_min,
                            salary_expectation_max: u.salary_expectation_max,
                            updated_at: now.naive_utc(),
                        })
                        .execute(c)?;
                    Ok::<_, diesel::result::Error>(id)
                })
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
        self.db
            .run(move |conn| {
                let now = now.naive_utc();
                diesel::insert_into(experiences::table)
                    .values((
                        experiences::candidate_id.eq(candidate.get()),
                        experiences::title.eq(&f.title),
                        experiences::company.eq(&f.company),
                        experiences::location.eq(f.location.clone().flatten()),
                        experiences::start_date.eq(&f.start_date),
                        experiences::end_date.eq(f.end_date.clone().flatten()),
                        experiences::is_current.eq(f.is_current.unwrap_or(false)),
                        experiences::description.eq(f.description.clone().flatten()),
                        experiences::created_at.eq(now),
                        experiences::updated_at.eq(now),
                    ))
                    .returning(experiences::all_columns)
                    .get_result::<ExperienceRow>(conn)
                    .map(Into::into)
                    .map_err(map_db_error)
            })
            .await
    }

    async fn update_experience(
        &self,
        candidate: CandidateId,
        id: i64,
        f: ExperienceFields,
        now: DateTime<Utc>,
    ) -> Result<Option<Experience>, RepoError> {
        self.db
            .run(move |conn| {
                #[derive(AsChangeset)]
                #[diesel(table_name = experiences)]
                struct Changes<'a> {
                    title: &'a str,
                    company: &'a str,
                    start_date: &'a str,
                    location: Option<Option<&'a str>>,
                    end_date: Option<Option<&'a str>>,
                    is_current: Option<bool>,
                    description: Option<Option<&'a str>>,
                    updated_at: NaiveDateTime,
                }
                diesel::update(
                    experiences::table
                        .filter(experiences::id.eq(id))
                        .filter(experiences::candidate_id.eq(candidate.get())),
                )
                .set(Changes {
                    title: &f.title,
                    company: &f.company,
                    start_date: &f.start_date,
                    location: opt(&f.location),
                    end_date: opt(&f.end_date),
                    is_current: f.is_current,
                    description: opt(&f.description),
                    updated_at: now.naive_utc(),
                })
                .returning(experiences::all_columns)
                .get_result::<ExperienceRow>(conn)
                .optional()
                .map(|r| r.map(Into::into))
                .map_err(map_db_error)
            })
            .await
    }

    async fn add_education(
        &self,
        candidate: CandidateId,
        f: EducationFields,
        now: DateTime<Utc>,
    ) -> Result<Education, RepoError> {
        self.db
            .run(move |conn| crate::profile_items::add_education(conn, candidate, &f, now))
            .await
    }

    async fn update_education(
        &self,
        candidate: CandidateId,
        id: i64,
        f: EducationFields,
        now: DateTime<Utc>,
    ) -> Result<Option<Education>, RepoError> {
        self.db
            .run(move |conn| crate::profile_items::update_education(conn, candidate, id, &f, now))
            .await
    }

    async fn add_skill(
        &self,
        candidate: CandidateId,
        f: SkillFields,
        now: DateTime<Utc>,
    ) -> Result<Skill, RepoError> {
        self.db
            .run(move |conn| crate::profile_items::add_skill(conn, candidate, &f, now))
            .await
    }

    async fn update_skill(
        &self,
        candidate: CandidateId,
        id: i64,
        f: SkillFields,
        now: DateTime<Utc>,
    ) -> Result<Option<Skill>, RepoError> {
        self.db
            .run(move |conn| crate::profile_items::update_skill(conn, candidate, id, &f, now))
            .await
    }

    async fn delete_item(
        &self,
        candidate: CandidateId,
        kind: ItemKind,
        id: i64,
    ) -> Result<bool, RepoError> {
        self.db
            .run(move |conn| crate::profile_items::delete_item(conn, candidate, kind, id))
            .await
    }
}
