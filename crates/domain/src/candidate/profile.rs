//! The candidate profile as it is read: its own fields, the current CV and every item (CONTRACT 3.3).

use chrono::{DateTime, Utc};

use super::history::{Education, Experience};
use super::skill::Skill;
use crate::ids::{CandidateId, CvId, UserId};

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
