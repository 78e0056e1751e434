//! The dated entries of a profile: work experiences and educations.

use super::patch::Patch;
use super::period::{Period, PeriodFields};

#[derive(Clone, Debug, PartialEq)]
pub struct Experience {
    pub id: i64,
    pub title: String,
    pub company: String,
    pub location: Option<String>,
    pub period: Period,
    pub description: Option<String>,
}

/// Create: absent optional fields become null/false. Update: absent ones are kept.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ExperienceFields {
    pub title: String,
    pub company: String,
    pub location: Patch<String>,
    pub period: PeriodFields,
    pub description: Patch<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Education {
    pub id: i64,
    pub degree: String,
    pub school: String,
    pub field_of_study: Option<String>,
    pub location: Option<String>,
    pub period: Period,
    pub description: Option<String>,
}

/// As [`ExperienceFields`]: absent optional fields are null/false on create, kept on update.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EducationFields {
    pub degree: String,
    pub school: String,
    pub field_of_study: Patch<String>,
    pub location: Patch<String>,
    pub period: PeriodFields,
    pub description: Patch<String>,
}
