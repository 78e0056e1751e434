//! Educations, skills and item deletion (split from `candidates.rs` to keep files small).

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use intowork_domain::candidate::{Education, EducationFields, ItemKind, Skill, SkillFields};
use intowork_domain::{CandidateId, RepoError};

use crate::conn::DbConn;
use crate::error::map_db_error;
use crate::profile_rows::{EducationRow, SkillRow, opt};
use crate::schema::{educations, experiences, skills};

pub(crate) fn add_education(
    conn: &mut DbConn,
    candidate: CandidateId,
    f: &EducationFields,
    now: DateTime<Utc>,
) -> Result<Education, RepoError> {
    let now = now.naive_utc();
    diesel::insert_into(educations::table)
        .values((
            educations::candidate_id.eq(candidate.get()),
            educations::degree.eq(&f.degree),
            educations::school.eq(&f.school),
            educations::field_of_study.eq(f.field_of_study.clone().flatten()),
            educations::location.eq(f.location.clone().flatten()),
            educations::start_date.eq(&f.start_date),
            educations::end_date.eq(f.end_date.clone().flatten()),
            educations::is_current.eq(f.is_current.unwrap_or(false)),
            educations::description.eq(f.description.clone().flatten()),
            educations::created_at.eq(now),
            educations::updated_at.eq(now),
        ))
        .returning(educations::all_columns)
        .get_result::<EducationRow>(conn)
        .map(Into::into)
        .map_err(map_db_error)
}

pub(crate) fn update_education(
    conn: &mut DbConn,
    candidate: CandidateId,
    id: i64,
    f: &EducationFields,
    now: DateTime<Utc>,
) -> Result<Option<Education>, RepoError> {
    #[derive(AsChangeset)]
    #[diesel(table_name = educations)]
    struct Changes<'a> {
        degree: &'a str,
        school: &'a str,
        start_date: &'a str,
        field_of_study: Option<Option<&'a str>>,
        location: Option<Option<&'a str>>,
        end_date: Option<Option<&'a str>>,
        is_current: Option<bool>,
        description: Option<Option<&'a str>>,
        updated_at: NaiveDateTime,
    }
    diesel::update(
        educations::table
            .filter(educations::id.eq(id))
            .filter(educations::candidate_id.eq(candidate.get())),
    )
    .set(Changes {
        degree: &f.degree,
        school: &f.school,
        start_date: &f.start_date,
        field_of_study: opt(&f.field_of_study),
        location: opt(&f.location),
        end_date: opt(&f.end_date),
        is_current: f.is_current,
        description: opt(&f.description),
        updated_at: now.naive_utc(),
    })
    .returning(educations::all_columns)
    .get_result::<EducationRow>(conn)
    .optional()
    .map(|r| r.map(Into::into))
    .map_err(map_db_error)
}

pub(crate) fn add_skill(
    conn: &mut DbConn,
    candidate: CandidateId,
    f: &SkillFields,
    now: DateTime<Utc>,
) -> Result<Skill, RepoError> {
    let now = now.naive_utc();
    let row = diesel::insert_into(skills::table)
        .values((
            skills::candidate_id.eq(candidate.get()),
            skills::name.eq(&f.name),
            skills::level.eq(i32::from(f.level.get())),
            skills::category.eq(f.category.as_str()),
            skills::created_at.eq(now),
            skills::updated_at.eq(now),
        ))
        .returning(skills::all_columns)
        .get_result::<SkillRow>(conn)
        .map_err(map_db_error)?;
    Skill::try_from(row)
}

pub(crate) fn update_skill(
    conn: &mut DbConn,
    candidate: CandidateId,
    id: i64,
    f: &SkillFields,
    now: DateTime<Utc>,
) -> Result<Option<Skill>, RepoError> {
    diesel::update(
        skills::table
            .filter(skills::id.eq(id))
            .filter(skills::candidate_id.eq(candidate.get())),
    )
    .set((
        skills::name.eq(&f.name),
        skills::level.eq(i32::from(f.level.get())),
        skills::category.eq(f.category.as_str()),
        skills::updated_at.eq(now.naive_utc()),
    ))
    .returning(skills::all_columns)
    .get_result::<SkillRow>(conn)
    .optional()
    .map_err(map_db_error)?
    .map(Skill::try_from)
    .transpose()
}

pub(crate) fn delete_item(
    conn: &mut DbConn,
    candidate: CandidateId,
    kind: ItemKind,
    id: i64,
) -> Result<bool, RepoError> {
    let c = candidate.get();
    let deleted = match kind {
        ItemKind::Experience => diesel::delete(
            experiences::table
                .filter(experiences::id.eq(id))
                .filter(experiences::candidate_id.eq(c)),
        )
        .execute(conn),
        ItemKind::Education => diesel::delete(
            educations::table
                .filter(educations::id.eq(id))
                .filter(educations::candidate_id.eq(c)),
        )
        .execute(conn),
        ItemKind::Skill => diesel::delete(
            skills::table
                .filter(skills::id.eq(id))
                .filter(skills::candidate_id.eq(c)),
        )
        .execute(conn),
    }
    .map_err(map_db_error)?;
    Ok(deleted > 0)
}
