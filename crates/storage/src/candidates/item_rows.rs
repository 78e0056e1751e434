//! Rows of the profile item tables and their conversion into domain types.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use intowork_domain::RepoError;
use intowork_domain::candidate::{Education, Experience, Period, Skill, SkillCategory, SkillLevel};

use crate::schema::{educations, experiences, skills};

#[derive(Queryable, Selectable)]
#[diesel(table_name = experiences)]
pub(crate) struct ExperienceRow {
    id: i64,
    #[allow(dead_code)]
    candidate_id: i64,
    title: String,
    company: String,
    location: Option<String>,
    start_date: String,
    end_date: Option<String>,
    is_current: bool,
    description: Option<String>,
    #[allow(dead_code)]
    created_at: NaiveDateTime,
    #[allow(dead_code)]
    updated_at: NaiveDateTime,
}

impl From<ExperienceRow> for Experience {
    fn from(r: ExperienceRow) -> Self {
        Experience {
            period: period(r.start_date, r.end_date, r.is_current),
            id: r.id,
            title: r.title,
            company: r.company,
            location: r.location,
            description: r.description,
        }
    }
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = educations)]
pub(crate) struct EducationRow {
    id: i64,
    #[allow(dead_code)]
    candidate_id: i64,
    degree: String,
    school: String,
    field_of_study: Option<String>,
    location: Option<String>,
    start_date: String,
    end_date: Option<String>,
    is_current: bool,
    description: Option<String>,
    #[allow(dead_code)]
    created_at: NaiveDateTime,
    #[allow(dead_code)]
    updated_at: NaiveDateTime,
}

impl From<EducationRow> for Education {
    fn from(r: EducationRow) -> Self {
        Education {
            period: period(r.start_date, r.end_date, r.is_current),
            id: r.id,
            degree: r.degree,
            school: r.school,
            field_of_study: r.field_of_study,
            location: r.location,
            description: r.description,
        }
    }
}

/// The period columns, which the experience and education tables share.
fn period(start_date: String, end_date: Option<String>, is_current: bool) -> Period {
    Period {
        start_date,
        end_date,
        is_current,
    }
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = skills)]
pub(crate) struct SkillRow {
    id: i64,
    #[allow(dead_code)]
    candidate_id: i64,
    name: String,
    level: i32,
    category: String,
    #[allow(dead_code)]
    created_at: NaiveDateTime,
    #[allow(dead_code)]
    updated_at: NaiveDateTime,
}

impl TryFrom<SkillRow> for Skill {
    type Error = RepoError;

    fn try_from(r: SkillRow) -> Result<Skill, RepoError> {
        Ok(Skill {
            id: r.id,
            name: r.name,
            level: SkillLevel::new(i64::from(r.level)).ok_or_else(|| {
                RepoError::Internal(format!("skill level out of range: {}", r.level))
            })?,
            category: SkillCategory::parse(&r.category).ok_or_else(|| {
                RepoError::Internal(format!("unknown skill category: {:?}", r.category))
            })?,
        })
    }
}
