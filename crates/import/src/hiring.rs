//! The employer side: companies, employers, jobs, applications, notifications.

use diesel::RunQueryDsl;
use intowork_domain::RepoError;
use intowork_domain::application::ApplicationStatus;
use intowork_domain::job::{JobStatus, JobType, LocationType};
use intowork_domain::notification::NotificationKind;
use intowork_domain::search::{job_search_text, normalize};

use super::people::present_parent;
use super::reference::{RefApplication, RefCompany, RefEmployer, RefJob, RefNotification};
use super::rows::{ApplicationRow, CompanyRow, EmployerRow, JobRow, NotificationRow};
use super::{Importer, TableReport, decide, int32, required, stamps};
use intowork_storage::schema::{companies, employers, job_applications, jobs, notifications};

/// An enum label in either spelling: the reference's ORM wrote member names (`FULL_TIME`), some
/// of its migrations created lowercase labels (`full_time`) (CONTRACT 1.6, 7.1).
fn label<T>(
    value: &Option<String>,
    column: &str,
    parse: impl Fn(&str) -> Option<T>,
) -> Result<T, String> {
    let raw = value.as_deref().unwrap_or("");
    parse(&raw.trim().to_ascii_lowercase()).ok_or_else(|| format!("unknown {column} {raw:?}"))
}

impl Importer {
    pub fn companies(&mut self, rows: &[RefCompany]) -> Result<TableReport, RepoError> {
        let mut report = TableReport::new("companies");
        let now = self.now;
        let s = &mut self.state;
        let accepted = decide(
            &mut s.companies,
            &mut report,
            rows,
            |r| r.id,
            |r| r.name.clone().unwrap_or_default(),
            |r, _| {
                let name = required(&r.name, "name")?;
                s.company_names.insert(r.id, name.clone());
                let (created_at, updated_at) = stamps(r.created_at, r.updated_at, now);
                Ok(CompanyRow {
                    id: r.id,
                    name,
                    description: r.description.clone(),
                    industry: r.industry.clone(),
                    size: r.size.clone(),
                    website_url: r.website_url.clone(),
                    linkedin_url: r.linkedin_url.clone(),
                    address: r.address.clone(),
                    city: r.city.clone(),
                    country: r.country.clone(),
                    logo_url: r.logo_url.clone(),
                    created_at,
                    updated_at,
                })
            },
        );
        // Companies matched by an earlier run keep their names for the jobs' search text.
        for r in rows {
            if let (true, Some(name)) = (s.companies.present.contains(&r.id), &r.name) {
                s.company_names.entry(r.id).or_insert_with(|| name.clone());
            }
        }
        self.write("companies", &accepted, report.max_id, |c, row| {
            diesel::insert_into(companies::table).values(row).execute(c)
        })?;
        Ok(report)
    }

    /// An employer profile only for a user whose role is employer; a company that was not
    /// imported leaves the employer without one (reported).
    pub fn employers(&mut self, rows: &[RefEmployer]) -> Result<TableReport, RepoError> {
        let mut report = TableReport::new("employers");
        let now = self.now;
        let s = &mut self.state;
        let accepted = decide(
            &mut s.employers,
            &mut report,
            rows,
            |r| r.id,
            |r| r.user_id.unwrap_or_default().to_string(),
            |r, report| {
                let user = present_parent(&s.users.present, r.user_id, "user")?;
                if s.roles.get(&user) != Some(&"employer") {
                    return Err("user is not an employer".to_owned());
                }
                if s.employer_of_user.contains_key(&user) {
                    return Err("user already has an employer profile".to_owned());
                }
                let company_id = match r.company_id {
                    Some(c) if s.companies.present.contains(&c) => Some(c),
                    Some(_) => {
                        report.adjust("company not imported, company_id set to NULL", r.id);
                        None
                    }
                    None => None,
                };
                s.employer_of_user.insert(user, r.id);
                let (created_at, updated_at) = stamps(r.created_at, r.updated_at, now);
                Ok(EmployerRow {
                    id: r.id,
                    user_id: user,
                    company_id,
                    position: r.position.clone(),
                    department: r.department.clone(),
                    phone: r.phone.clone(),
                    can_create_jobs: r.can_create_jobs.unwrap_or(true),
                    can_manage_candidates: r.can_manage_candidates.unwrap_or(true),
                    is_admin: r.is_admin.unwrap_or(false),
                    created_at,
                    updated_at,
                })
            },
        );
        self.write("employers", &accepted, report.max_id, |c, row| {
            diesel::insert_into(employers::table).values(row).execute(c)
        })?;
        Ok(report)
    }

    /// The search columns are computed with the same domain functions the job repository uses
    /// (CONTRACT 9.10). `applications_count` is ours to compute (the reference never maintained it).
    pub fn jobs(&mut self, rows: &[RefJob]) -> Result<TableReport, RepoError> {
        let mut report = TableReport::new("jobs");
        let now = self.now;
        let s = &mut self.state;
        let accepted = decide(
            &mut s.jobs,
            &mut report,
            rows,
            |r| r.id,
            |r| r.employer_id.unwrap_or_default().to_string(),
            |r, report| {
                let employer = present_parent(&s.employers.present, r.employer_id, "employer")?;
                let company = present_parent(&s.companies.present, r.company_id, "company")?;
                let title = required(&r.title, "title")?;
                let description = r.description.clone().ok_or("no description")?;
                let company_name = s.company_names.get(&company).map_or("", String::as_str);
                let (created_at, updated_at) = stamps(r.created_at, r.updated_at, now);
                s.job_employer.insert(r.id, employer);
                Ok(JobRow {
                    id: r.id,
                    employer_id: employer,
                    company_id: company,
                    search_text: job_search_text(company_name, &title, &description),
                    location_norm: normalize(r.location.as_deref().unwrap_or("")),
                    title,
                    description,
                    requirements: r.requirements.clone(),
                    responsibilities: r.responsibilities.clone(),
                    benefits: r.benefits.clone(),
                    job_type: label(&r.job_type, "job_type", JobType::parse)?.as_str(),
                    location_type: label(&r.location_type, "location_type", LocationType::parse)?
                        .as_str(),
                    location: r.location.clone(),
                    salary_min: int32(r.salary_min, "salary_min", r.id, report),
                    salary_max: int32(r.salary_max, "salary_max", r.id, report),
                    currency: r.currency.clone().unwrap_or_else(|| "EUR".to_owned()),
                    status: label(&r.status, "status", JobStatus::parse)?.as_str(),
                    is_featured: r.is_featured.unwrap_or(false),
                    views_count: r.views_count.unwrap_or(0).max(0),
                    applications_count: 0,
                    posted_at: r.posted_at,
                    expires_at: r.expires_at,
                    created_at,
                    updated_at,
                })
            },
        );
        self.write("jobs", &accepted, report.max_id, |c, row| {
            diesel::insert_into(jobs::table).values(row).execute(c)
        })?;
        Ok(report)
    }

    /// The reference never recorded which CV an application was made with (CONTRACT 5.8 D4): its
    /// employers saw the candidate's current CV. So `cv_id` is the candidate's newest imported CV
    /// (which is what those employers saw last), or NULL without one. A second application to
    /// the same job (the reference had no unique constraint) is reported, not imported.
    pub fn applications(&mut self, rows: &[RefApplication]) -> Result<TableReport, RepoError> {
        let mut report = TableReport::new("job_applications");
        let now = self.now;
        let s = &mut self.state;
        let accepted = decide(
            &mut s.applications,
            &mut report,
            rows,
            |r| r.id,
            |r| {
                format!(
                    "{}:{}",
                    r.job_id.unwrap_or_default(),
                    r.candidate_id.unwrap_or_default()
                )
            },
            |r, report| {
                let job = present_parent(&s.jobs.present, r.job_id, "job")?;
                let candidate = present_parent(&s.candidates.present, r.candidate_id, "candidate")?;
                let status = label(&r.status, "status", ApplicationStatus::parse)?;
                if !s.application_pairs.insert((job, candidate)) {
                    return Err("the candidate already applied to this job".to_owned());
                }
                let cv_id = s.newest_cv.get(&candidate).map(|(_, id)| *id);
                if cv_id.is_none() {
                    report.adjust("candidate has no CV, cv_id NULL", r.id);
                }
                let applied_at = r.applied_at.or(r.updated_at).unwrap_or(now);
                let employer_id = *s.job_employer.get(&job).ok_or("the job has no employer")?;
                Ok(ApplicationRow {
                    id: r.id,
                    job_id: job,
                    employer_id,
                    candidate_id: candidate,
                    cv_id,
                    status: status.as_str(),
                    cover_letter: r.cover_letter.clone(),
                    cover_letter_url: r.cover_letter_url.clone(),
                    notes: r.notes.clone(),
                    applied_at,
                    viewed_at: r.viewed_at,
                    updated_at: r.updated_at.unwrap_or(applied_at),
                })
            },
        );
        self.write("job_applications", &accepted, report.max_id, |c, row| {
            diesel::insert_into(job_applications::table)
                .values(row)
                .execute(c)
        })?;
        Ok(report)
    }

    /// Type labels in either spelling (the ORM wrote `NEW_APPLICATION`, migration f6a0b4c3d2e1
    /// created lowercase labels). A link to a job or application that was not imported is
    /// dropped (reported); the notification stays.
    pub fn notifications(&mut self, rows: &[RefNotification]) -> Result<TableReport, RepoError> {
        let mut report = TableReport::new("notifications");
        let now = self.now;
        let s = &mut self.state;
        let accepted = decide(
            &mut s.notifications,
            &mut report,
            rows,
            |r| r.id,
            |r| r.user_id.unwrap_or_default().to_string(),
            |r, report| {
                let user = present_parent(&s.users.present, r.user_id, "user")?;
                let kind = label(&r.kind, "type", NotificationKind::parse)?;
                let mut link = |id: Option<i64>, present: &std::collections::HashSet<i64>, what| {
                    let id = id?;
                    if present.contains(&id) {
                        Some(id)
                    } else {
                        report.adjust(format!("{what} not imported, link dropped"), r.id);
                        None
                    }
                };
                let related_job_id = link(r.related_job_id, &s.jobs.present, "related job");
                let related_application_id = link(
                    r.related_application_id,
                    &s.applications.present,
                    "related application",
                );
                Ok(NotificationRow {
                    id: r.id,
                    user_id: user,
                    kind: kind.as_str(),
                    title: r.title.clone().ok_or("no title")?,
                    message: r.message.clone().ok_or("no message")?,
                    related_job_id,
                    related_application_id,
                    is_read: r.is_read.unwrap_or(false),
                    read_at: r.read_at,
                    created_at: r.created_at.unwrap_or(now),
                })
            },
        );
        self.write("notifications", &accepted, report.max_id, |c, row| {
            diesel::insert_into(notifications::table)
                .values(row)
                .execute(c)
        })?;
        Ok(report)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_map_in_either_spelling() {
        let some = |v: &str| Some(v.to_owned());
        assert_eq!(
            label(&some("FULL_TIME"), "job_type", JobType::parse),
            Ok(JobType::FullTime)
        );
        assert_eq!(
            label(&some("full_time"), "job_type", JobType::parse),
            Ok(JobType::FullTime)
        );
        assert_eq!(
            label(&some(" On_Site "), "t", LocationType::parse),
            Ok(LocationType::OnSite)
        );
        assert_eq!(
            label(&some("ARCHIVED"), "status", JobStatus::parse),
            Ok(JobStatus::Archived)
        );
        assert_eq!(
            label(&some("REJECTED"), "status", ApplicationStatus::parse),
            Ok(ApplicationStatus::Rejected)
        );
        for kind in ["NEW_APPLICATION", "new_application"] {
            assert_eq!(
                label(&some(kind), "type", NotificationKind::parse),
                Ok(NotificationKind::NewApplication)
            );
        }
        assert_eq!(
            label(&some("FULLTIME"), "job_type", JobType::parse),
            Err("unknown job_type \"FULLTIME\"".to_owned())
        );
        assert!(label(&None, "status", JobStatus::parse).is_err());
    }
}
