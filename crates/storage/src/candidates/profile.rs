//! The candidate's profile row: found or created, updated, and read whole with its items and
//! current CV.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use intowork_domain::candidate::{
    CandidateProfile, CurrentCv, Education, Experience, ProfileUpdate, Skill,
};
use intowork_domain::{CandidateId, CvId, RepoError, UserId};

use super::item_rows::{
    EDUCATION_COLUMNS, EXPERIENCE_COLUMNS, EducationRow, ExperienceRow, SkillRow,
};
use crate::conn::DbConn;
use crate::error::map_db_error;
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

pub(crate) fn find_id(conn: &mut DbConn, user: i64) -> QueryResult<Option<i64>> {
    candidates::table
        .filter(candidates::user_id.eq(user))
        .select(candidates::id)
        .first(conn)
        .optional()
}

/// The candidate row of `user`, created empty when missing. The insert runs in a savepoint: if a
/// concurrent request created the row first, the unique violation rolls back only the savepoint
/// (PostgreSQL would otherwise abort the whole transaction) and the winner's row is read.
pub(crate) fn ensure_row(conn: &mut DbConn, user: i64, now: NaiveDateTime) -> QueryResult<i64> {
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

/// Writes the present fields of `u` to the candidate row of `user` (created when missing), inside
/// the caller's transaction; returns the row's id.
pub(crate) fn update_profile(
    conn: &mut DbConn,
    user: i64,
    u: ProfileUpdate,
    now: NaiveDateTime,
) -> QueryResult<i64> {
    let id = ensure_row(conn, user, now)?;
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
            updated_at: now,
        })
        .execute(conn)?;
    Ok(id)
}

/// The whole profile in a fixed five queries, whatever its size.
pub(crate) fn load_profile(conn: &mut DbConn, id: i64) -> Result<CandidateProfile, RepoError> {
    let row: CandidateRow = candidates::table
        .find(id)
        .select(CandidateRow::as_select())
        .first(conn)
        .map_err(map_db_error)?;
    let (experiences, educations, skills) = load_items(conn, id)?;
    let current_cv = current_cv(conn, id).map_err(map_db_error)?;
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

type Items = (Vec<Experience>, Vec<Education>, Vec<Skill>);

/// The candidate's items of every kind, oldest first.
fn load_items(conn: &mut DbConn, id: i64) -> Result<Items, RepoError> {
    let experiences: Vec<ExperienceRow> = experiences::table
        .filter(experiences::candidate_id.eq(id))
        .order(experiences::id.asc())
        .select(EXPERIENCE_COLUMNS)
        .load(conn)
        .map_err(map_db_error)?;
    let educations: Vec<EducationRow> = educations::table
        .filter(educations::candidate_id.eq(id))
        .order(educations::id.asc())
        .select(EDUCATION_COLUMNS)
        .load(conn)
        .map_err(map_db_error)?;
    let skills: Vec<SkillRow> = skills::table
        .filter(skills::candidate_id.eq(id))
        .order(skills::id.asc())
        .select(SkillRow::as_select())
        .load(conn)
        .map_err(map_db_error)?;
    Ok((
        experiences.into_iter().map(Into::into).collect(),
        educations.into_iter().map(Into::into).collect(),
        skills
            .into_iter()
            .map(Skill::try_from)
            .collect::<Result<_, _>>()?,
    ))
}

/// The newest active CV.
fn current_cv(conn: &mut DbConn, id: i64) -> QueryResult<Option<CurrentCv>> {
    let newest = candidate_cvs::table
        .filter(candidate_cvs::candidate_id.eq(id))
        .filter(candidate_cvs::is_active.eq(true))
        .order((candidate_cvs::created_at.desc(), candidate_cvs::id.desc()))
        .select((
            candidate_cvs::id,
            candidate_cvs::filename,
            candidate_cvs::created_at,
        ))
        .first::<(i64, String, NaiveDateTime)>(conn)
        .optional()?;
    Ok(newest.map(|(cv, filename, at)| CurrentCv {
        id: CvId(cv),
        filename,
        uploaded_at: at.and_utc(),
    }))
}
