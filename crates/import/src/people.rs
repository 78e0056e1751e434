//! Users and candidate profiles: users, candidates, experiences, educations, skills.

use intowork_domain::RepoError;
use intowork_domain::candidate::SkillCategory;
use intowork_domain::user::{Role, normalize_email};

use crate::decide::{Matching, parent_id};
use crate::importer::Importer;
use crate::reference::people::{RefCandidate, RefEducation, RefExperience, RefSkill, RefUser};
use crate::report::TableReport;
use crate::rows::{CandidateRow, EducationRow, ExperienceRow, SkillRow, UserRow};
use crate::values::{int32, required, stamps};

const USERS: Matching<RefUser> = Matching {
    ids: |s| &mut s.users,
    identity: |r| normalize_email(r.email.as_deref().unwrap_or("")),
};

const CANDIDATES: Matching<RefCandidate> = Matching {
    ids: |s| &mut s.candidates,
    identity: |r| parent_id(r.user_id),
};

const EXPERIENCES: Matching<RefExperience> = Matching {
    ids: |s| &mut s.experiences,
    identity: |r| parent_id(r.candidate_id),
};

const EDUCATIONS: Matching<RefEducation> = Matching {
    ids: |s| &mut s.educations,
    identity: |r| parent_id(r.candidate_id),
};

const SKILLS: Matching<RefSkill> = Matching {
    ids: |s| &mut s.skills,
    identity: |r| parent_id(r.candidate_id),
};

impl Importer {
    /// Users keep their bcrypt hash (verified, then re-hashed to argon2id at the next sign-in,
    /// CONTRACT 8.4). Emails are unique case-insensitively here, unlike in the reference: of two
    /// addresses differing only in case, the older account (smaller id) is imported and the other
    /// reported.
    pub fn users(&mut self, rows: &[RefUser]) -> Result<TableReport, RepoError> {
        let now = self.now;
        self.copy(rows, &USERS, |s, r, report| {
            let email = required(&r.email, "email")?.trim().to_owned();
            let email_norm = normalize_email(&email);
            if s.email_owner.contains_key(&email_norm) {
                return Err(
                    "email already used by another user (emails are case-insensitive here)"
                        .to_owned(),
                );
            }
            let label = r.role.as_deref().unwrap_or("");
            let role = Role::parse(label).ok_or_else(|| format!("unknown role {label:?}"))?;
            // The reference refuses every request of a user whose flag is not true.
            let is_active = r.is_active.unwrap_or_else(|| {
                report.adjust("is_active NULL, imported inactive", r.id);
                false
            });
            let (created_at, updated_at) = stamps(r.created_at, r.updated_at, now);
            s.email_owner.insert(email_norm.clone(), r.id);
            s.roles.insert(r.id, role.as_str());
            Ok(UserRow {
                id: r.id,
                email,
                email_norm,
                password_hash: r.password_hash.clone().filter(|h| !h.is_empty()),
                role: role.as_str(),
                first_name: r.first_name.clone().unwrap_or_default(),
                last_name: r.last_name.clone().unwrap_or_default(),
                is_active,
                token_version: 0,
                created_at,
                updated_at,
                verbatim: r.verbatim.clone(),
            })
        })
    }

    /// A candidate profile only for a user whose role is candidate: the reference let employers
    /// and admins upload CVs, which created stray candidate rows (CONTRACT 5.3 A5).
    pub fn candidates(&mut self, rows: &[RefCandidate]) -> Result<TableReport, RepoError> {
        let now = self.now;
        self.copy(rows, &CANDIDATES, |s, r, report| {
            let user = s.users.parent(r.user_id, "user")?;
            if s.roles.get(&user) != Some(&"candidate") {
                return Err("user is not a candidate".to_owned());
            }
            if s.candidate_of_user.contains_key(&user) {
                return Err("user already has a candidate profile".to_owned());
            }
            s.candidate_of_user.insert(user, r.id);
            let (created_at, updated_at) = stamps(r.created_at, r.updated_at, now);
            let mut int = |value, column| int32(value, column, r.id, report);
            Ok(CandidateRow {
                id: r.id,
                user_id: user,
                years_experience: int(r.years_experience, "years_experience"),
                salary_expectation_min: int(r.salary_expectation_min, "salary_expectation_min"),
                salary_expectation_max: int(r.salary_expectation_max, "salary_expectation_max"),
                created_at,
                updated_at,
                verbatim: r.verbatim.clone(),
            })
        })
    }

    pub fn experiences(&mut self, rows: &[RefExperience]) -> Result<TableReport, RepoError> {
        let now = self.now;
        self.copy(rows, &EXPERIENCES, |s, r, _| {
            let (created_at, updated_at) = stamps(r.created_at, r.updated_at, now);
            Ok(ExperienceRow {
                id: r.id,
                candidate_id: s.candidates.parent(r.candidate_id, "candidate")?,
                title: required(&r.title, "title")?,
                company: required(&r.company, "company")?,
                start_date: r.start_date.clone().ok_or("no start_date")?,
                is_current: r.is_current.unwrap_or(false),
                created_at,
                updated_at,
                verbatim: r.verbatim.clone(),
            })
        })
    }

    /// The reference has neither `field_of_study` nor `is_current` for educations: NULL, false.
    pub fn educations(&mut self, rows: &[RefEducation]) -> Result<TableReport, RepoError> {
        let now = self.now;
        self.copy(rows, &EDUCATIONS, |s, r, _| {
            let (created_at, updated_at) = stamps(r.created_at, r.updated_at, now);
            Ok(EducationRow {
                id: r.id,
                candidate_id: s.candidates.parent(r.candidate_id, "candidate")?,
                degree: required(&r.degree, "degree")?,
                school: required(&r.school, "school")?,
                field_of_study: None,
                start_date: r.start_date.clone().ok_or("no start_date")?,
                is_current: false,
                created_at,
                updated_at,
                verbatim: r.verbatim.clone(),
            })
        })
    }

    /// Categories in either spelling (`TECHNICAL`, `technical`, the frontend's `technique`...).
    /// Levels outside 1–5 (only the reference's request schema checked them) are brought into
    /// range and reported.
    pub fn skills(&mut self, rows: &[RefSkill]) -> Result<TableReport, RepoError> {
        let now = self.now;
        self.copy(rows, &SKILLS, |s, r, report| {
            let candidate = s.candidates.parent(r.candidate_id, "candidate")?;
            let label = r.category.as_deref().unwrap_or("");
            let category = SkillCategory::parse(label)
                .ok_or_else(|| format!("unknown skill category {label:?}"))?;
            let raw = r.level.ok_or("no level")?;
            let level = raw.clamp(1, 5);
            if level != raw {
                report.adjust("level outside 1-5, brought into range", r.id);
            }
            let (created_at, updated_at) = stamps(r.created_at, r.updated_at, now);
            Ok(SkillRow {
                id: r.id,
                candidate_id: candidate,
                name: required(&r.name, "name")?,
                level: i32::try_from(level).unwrap_or(1),
                category: category.as_str(),
                created_at,
                updated_at,
            })
        })
    }
}
