//! How each kind of profile item's fields become columns. One struct per kind serves the insert
//! and the update: on an update an absent optional field (`None`) keeps its value and `Some(None)`
//! clears it; an insert writes every column (absent and cleared both store NULL).

use chrono::NaiveDateTime;
use diesel::prelude::*;
use intowork_domain::candidate::{EducationFields, ExperienceFields, PeriodFields, SkillFields};

use crate::schema::{educations, experiences, skills};

/// Whether the values are for an insert (every column) or an update (the present ones).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Write {
    Insert,
    Update,
}

impl Write {
    /// An optional text field: on an insert absent means NULL; on an update absent is skipped.
    fn text(self, p: &Option<Option<String>>) -> Option<Option<&str>> {
        match (self, p) {
            (Write::Insert, p) => Some(p.as_ref().and_then(Option::as_deref)),
            (Write::Update, p) => p.as_ref().map(Option::as_deref),
        }
    }

    /// `is_current`: an insert without it stores false.
    fn flag(self, p: Option<bool>) -> Option<bool> {
        match self {
            Write::Insert => Some(p.unwrap_or(false)),
            Write::Update => p,
        }
    }
}

/// The period columns, which experiences and educations share: written by the same rules for
/// both tables. One struct per table, as diesel's `AsChangeset` names a single table.
macro_rules! period_values {
    ($name:ident: $table:ident) => {
        #[derive(Insertable, AsChangeset)]
        #[diesel(table_name = $table)]
        pub(crate) struct $name<'a> {
            start_date: &'a str,
            end_date: Option<Option<&'a str>>,
            is_current: Option<bool>,
        }

        impl<'a> $name<'a> {
            fn of(write: Write, p: &'a PeriodFields) -> Self {
                $name {
                    start_date: &p.start_date,
                    end_date: write.text(&p.end_date),
                    is_current: write.flag(p.is_current),
                }
            }
        }
    };
}

period_values!(ExperiencePeriod: experiences);
period_values!(EducationPeriod: educations);

#[derive(Insertable, AsChangeset)]
#[diesel(table_name = experiences)]
pub(crate) struct ExperienceValues<'a> {
    title: &'a str,
    company: &'a str,
    location: Option<Option<&'a str>>,
    #[diesel(embed)]
    period: ExperiencePeriod<'a>,
    description: Option<Option<&'a str>>,
    updated_at: NaiveDateTime,
}

impl<'a> ExperienceValues<'a> {
    pub(crate) fn of(write: Write, f: &'a ExperienceFields, now: NaiveDateTime) -> Self {
        ExperienceValues {
            title: &f.title,
            company: &f.company,
            location: write.text(&f.location),
            period: ExperiencePeriod::of(write, &f.period),
            description: write.text(&f.description),
            updated_at: now,
        }
    }
}

#[derive(Insertable, AsChangeset)]
#[diesel(table_name = educations)]
pub(crate) struct EducationValues<'a> {
    degree: &'a str,
    school: &'a str,
    field_of_study: Option<Option<&'a str>>,
    location: Option<Option<&'a str>>,
    #[diesel(embed)]
    period: EducationPeriod<'a>,
    description: Option<Option<&'a str>>,
    updated_at: NaiveDateTime,
}

impl<'a> EducationValues<'a> {
    pub(crate) fn of(write: Write, f: &'a EducationFields, now: NaiveDateTime) -> Self {
        EducationValues {
            degree: &f.degree,
            school: &f.school,
            field_of_study: write.text(&f.field_of_study),
            location: write.text(&f.location),
            period: EducationPeriod::of(write, &f.period),
            description: write.text(&f.description),
            updated_at: now,
        }
    }
}

#[derive(Insertable, AsChangeset)]
#[diesel(table_name = skills)]
pub(crate) struct SkillValues<'a> {
    name: &'a str,
    level: i32,
    category: &'static str,
    updated_at: NaiveDateTime,
}

impl<'a> SkillValues<'a> {
    pub(crate) fn of(f: &'a SkillFields, now: NaiveDateTime) -> Self {
        SkillValues {
            name: &f.name,
            level: i32::from(f.level.get()),
            category: f.category.as_str(),
            updated_at: now,
        }
    }
}
