//! Users and candidate profiles: users, candidates, experiences, educations, skills.

use diesel::RunQueryDsl;
use intowork_domain::RepoError;
use intowork_domain::candidate::SkillCategory;
use intowork_domain::user::{Role, normalize_email};

use super::reference::{RefCandidate, RefEducation, RefExperience, RefSkill, RefUser};
use super::rows::{CandidateRow, EducationRow, ExperienceRow, SkillRow, UserRow};
use super::{Importer, TableReport, decide, int32, required, stamps};
use intowork_storage::schema::{candidates, educations, experiences, skills, users};

impl Importer {
    /// Users keep their bcrypt hash (verified, then re-hashed to argon2id at the next sign-in,
    /// CONTRACT 8.4). Emails are unique case-insensitively here, unlike in the reference: of two
    /// addresses differing only in case, the older account (smaller id) is imported and the other
    /// reported.
    pub fn users(&mut self, rows: &[RefUser]) -> Result<TableReport, RepoError> {
        let mut report = TableReport::new("users");
        let now = self.now;
        let s = &mut self.state;
        let accepted = decide(
            &mut s.users,
            &mut report,
            rows,
            |r| r.id,
            |r| normalize_email(r.email.as_deref().unwrap_or("")),
            |r, report| {
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
                    email_verified: r.email_verified,
                    password_hash: r.password_hash.clone().filter(|h| !h.is_empty()),
                    name: r.name.clone(),
                    image: r.image.clone(),
                    clerk_id: r.clerk_id.clone(),
                    role: role.as_str(),
                    first_name: r.first_name.clone().unwrap_or_default(),
                    last_name: r.last_name.clone().unwrap_or_default(),
                    is_active,
                    token_version: 0,
                    created_at,
                    updated_at,
                })
            },
        );
        self.write("users", &accepted, report.max_id, |c, row| {
            diesel::insert_into(users::table).values(row).execute(c)
        })?;
        Ok(report)
    }

    /// A candidate profile only for a user whose role is candidate: the reference let employers
    /// and admins upload CVs, which created stray candidate rows (CONTRACT 5.3 A5).
    pub fn candidates(&mut self, rows: &[RefCandidate]) -> Result<TableReport, RepoError> {
        let mut report = TableReport::new("candidates");
        let now = self.now;
        let s = &mut self.state;
        let accepted = decide(
            &mut s.candidates,
            &mut report,
            rows,
            |r| r.id,
            |r| r.user_id.unwrap_or_default().to_string(),
            |r, report| {
                let user = present_parent(&s.users.present, r.user_id, "user")?;
                if s.roles.get(&user) != Some(&"candidate") {
                    return Err("user is not a candidate".to_owned());
                }
                if s.candidate_of_user.contains_key(&user) {
                    return Err("user already has a candidate profile".to_owned());
                }
                s.candidate_of_user.insert(user, r.id);
                let (created_at, updated_at) = stamps(r.created_at, r.updated_at, now);
                Ok(CandidateRow {
                    id: r.id,
                    user_id: user,
                    phone: r.phone.clone(),
                    location: r.location.clone(),
                    linkedin_url: r.linkedin_url.clone(),
                    website_url: r.website_url.clone(),
                    profile_picture_url: r.profile_picture_url.clone(),
                    title: r.title.clone(),
                    summary: r.summary.clone(),
                    years_experience: int32(r.years_experience, "years_experience", r.id, report),
                    salary_expectation_min: int32(
                        r.salary_expectation_min,
                        "salary_expectation_min",
                        r.id,
                        report,
                    ),
                    salary_expectation_max: int32(
                        r.salary_expectation_max,
                        "salary_expectation_max",
                        r.id,
                        report,
                    ),
                    created_at,
                    updated_at,
                })
            },
        );
        self.write("candidates", &accepted, report.max_id, |c, row| {
            diesel::insert_into(candidates::table)
                .values(row)
                .execute(c)
        })?;
        Ok(report)
    }

    pub fn experiences(&mut self, rows: &[RefExperience]) -> Result<TableReport, RepoError> {
        let mut report = TableReport::new("experiences");
        let now = self.now;
        let s = &mut self.state;
        let accepted = decide(
            &mut s.experiences,
            &mut report,
            rows,
            |r| r.id,
            |r| r.candidate_id.unwrap_or_default().to_string(),
            |r, _| {
                let candidate = present_parent(&s.candidates.present, r.candidate_id, "candidate")?;
                let (created_at, updated_at) = stamps(r.created_at, r.updated_at, now);
                Ok(ExperienceRow {
                    id: r.id,
                    candidate_id: candidate,
                    title: required(&r.title, "title")?,
                    company: required(&r.company, "company")?,
                    location: r.location.clone(),
                    start_date: r.start_date.clone().ok_or("no start_date")?,
                    end_date: r.end_date.clone(),
                    is_current: r.is_current.unwrap_or(false),
                    description: r.description.clone(),
                    created_at,
                    updated_at,
                })
            },
        );
        self.write("experiences", &accepted, report.max_id, |c, row| {
            diesel::insert_into(experiences::table)
                .values(row)
                .execute(c)
        })?;
        Ok(report)
    }

    /// The reference has neither `field_of_study` nor `is_current` for educations: NULL, false.
    pub fn educations(&mut self, rows: &[RefEducation]) -> Result<TableReport, RepoError> {
        let mut report = TableReport::new("educations");
        let now = self.now;
        let s = &mut self.state;
        let accepted = decide(
            &mut s.educations,
            &mut report,
            rows,
            |r| r.id,
            |r| r.candidate_id.unwrap_or_default().to_string(),
            |r, _| {
                let candidate = present_parent(&s.candidates.present, r.candidate_id, "candidate")?;
                let (created_at, updated_at) = stamps(r.created_at, r.updated_at, now);
                Ok(EducationRow {
                    id: r.id,
                    candidate_id: candidate,
                    degree: required(&r.degree, "degree")?,
                    school: required(&r.school, "school")?,
                    field_of_study: None,
                    location: r.location.clone(),
                    start_date: r.start_date.clone().ok_or("no start_date")?,
                    end_date: r.end_date.clone(),
                    is_current: false,
                    description: r.description.clone(),
                    created_at,
                    updated_at,
                })
            },
        );
        self.write("educations", &accepted, report.max_id, |c, row| {
            diesel::insert_into(educations::table)
                .values(row)
                .execute(c)
        })?;
        Ok(report)
    }

    /// Categories in either spelling (`TECHNICAL`, `technical`, the frontend's `technique`...).
    /// Levels outside 1–5 (only the reference's request schema checked them) are brought into
    /// range and reported.
    pub fn skills(&mut self, rows: &[RefSkill]) -> Result<TableReport, RepoError> {
        let mut report = TableReport::new("skills");
        let now = self.now;
        let s = &mut self.state;
        let accepted = decide(
            &mut s.skills,
            &mut report,
            rows,
            |r| r.id,
            |r| r.candidate_id.unwrap_or_default().to_string(),
            |r, report| {
                let candidate = present_parent(&s.candidates.present, r.candidate_id, "candidate")?;
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
            },
        );
        self.write("skills", &accepted, report.max_id, |c, row| {
            diesel::insert_into(skills::table).values(row).execute(c)
        })?;
        Ok(report)
    }
}

/// The parent id if this run may refer to it, else why not.
pub(super) fn present_parent(
    present: &std::collections::HashSet<i64>,
    id: Option<i64>,
    what: &str,
) -> Result<i64, String> {
    let id = id.ok_or_else(|| format!("no {what}_id"))?;
    if present.contains(&id) {
        Ok(id)
    } else {
        Err(format!("{what} not imported"))
    }
}
