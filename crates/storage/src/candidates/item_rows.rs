//! Rows of the profile item tables and their conversion into domain types.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use intowork_domain::RepoError;
use intowork_domain::candidate::{Education, Experience, Period, Skill, SkillCategory, SkillLevel};

use crate::schema::{educations, experiences, skills};
use crate::stored::moved_fields;

/// `item_columns!(NAME: Type = table: (a, b, …), period, (c, …))`: the columns an item row reads,
/// in its field order, with the table's three period columns nested where the row has its
/// `period` (for `.select` and `.returning`).
macro_rules! item_columns {
    ($name:ident: $ty:ident = $table:ident: ($($before:ident),+), period, ($($after:ident),+)) => {
        pub(crate) type $ty = (
            $($table::$before,)+
            ($table::start_date, $table::end_date, $table::is_current),
            $($table::$after,)+
        );
        pub(crate) const $name: $ty = (
            $($table::$before,)+
            ($table::start_date, $table::end_date, $table::is_current),
            $($table::$after,)+
        );
    };
}

/// The period columns, which experiences and educations share.
#[derive(Queryable)]
pub(crate) struct PeriodRow {
    start_date: String,
    end_date: Option<String>,
    is_current: bool,
}

moved_fields!(PeriodRow => Period { start_date, end_date, is_current });

item_columns!(EXPERIENCE_COLUMNS: ExperienceColumns = experiences:
    (id, title, company, location), period, (description));

#[derive(Queryable)]
pub(crate) struct ExperienceRow {
    id: i64,
    title: String,
    company: String,
    location: Option<String>,
    period: PeriodRow,
    description: Option<String>,
}

impl From<ExperienceRow> for Experience {
    fn from(r: ExperienceRow) -> Self {
        Experience {
            id: r.id,
            title: r.title,
            company: r.company,
            location: r.location,
            period: r.period.into(),
            description: r.description,
        }
    }
}

item_columns!(EDUCATION_COLUMNS: EducationColumns = educations:
    (id, degree, school, field_of_study, location), period, (description));

#[derive(Queryable)]
pub(crate) struct EducationRow {
    id: i64,
    degree: String,
    school: String,
    field_of_study: Option<String>,
    location: Option<String>,
    period: PeriodRow,
    description: Option<String>,
}

impl From<EducationRow> for Education {
    fn from(r: EducationRow) -> Self {
        Education {
            id: r.id,
            degree: r.degree,
            school: r.school,
            field_of_study: r.field_of_study,
            location: r.location,
            period: r.period.into(),
            description: r.description,
        }
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
