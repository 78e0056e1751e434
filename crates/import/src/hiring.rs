//! The employer side: companies, employers, jobs, applications, notifications.

use intowork_domain::RepoError;
use intowork_domain::application::ApplicationStatus;
use intowork_domain::job::{JobStatus, JobType, LocationType};
use intowork_domain::notification::NotificationKind;
use intowork_domain::search::{job_search_text, normalize};

use crate::decide::parent_id;
use crate::importer::Importer;
use crate::reference::hiring::{RefApplication, RefCompany, RefEmployer, RefJob, RefNotification};
use crate::report::TableReport;
use crate::rows::{ApplicationRow, CompanyRow, EmployerRow, JobRow, NotificationRow};
use crate::values::{int32, label, required, stamps};

impl Importer {
    pub fn companies(&mut self, rows: &[RefCompany]) -> Result<TableReport, RepoError> {
        let now = self.now;
        let identity = |r: &RefCompany| r.name.clone().unwrap_or_default();
        let report = self.copy(
            rows,
            |s| &mut s.companies,
            identity,
            |s, r, _| {
                let name = required(&r.name, "name")?;
                s.company_names.insert(r.id, name.clone());
                let (created_at, updated_at) = stamps(r.created_at, r.updated_at, now);
                Ok(CompanyRow {
                    id: r.id,
                    name,
                    created_at,
                    updated_at,
                    verbatim: r.verbatim.clone(),
                })
            },
        )?;
        // Companies matched by an earlier run keep their names for the jobs' search text.
        let s = &mut self.state;
        for r in rows {
            if let (true, Some(name)) = (s.companies.present.contains(&r.id), &r.name) {
                s.company_names.entry(r.id).or_insert_with(|| name.clone());
            }
        }
        Ok(report)
    }

    /// An employer profile only for a user whose role is employer; a company that was not
    /// imported leaves the employer without one (reported).
    pub fn employers(&mut self, rows: &[RefEmployer]) -> Result<TableReport, RepoError> {
        let now = self.now;
        let identity = |r: &RefEmployer| parent_id(r.user_id);
        self.copy(
            rows,
            |s| &mut s.employers,
            identity,
            |s, r, report| {
                let user = s.users.parent(r.user_id, "user")?;
                if s.roles.get(&user) != Some(&"employer") {
                    return Err("user is not an employer".to_owned());
                }
                if s.employer_of_user.contains_key(&user) {
                    return Err("user already has an employer profile".to_owned());
                }
                let company_id = s.companies.link(r.company_id, || {
                    report.adjust("company not imported, company_id set to NULL", r.id);
                });
                s.employer_of_user.insert(user, r.id);
                let (created_at, updated_at) = stamps(r.created_at, r.updated_at, now);
                Ok(EmployerRow {
                    id: r.id,
                    user_id: user,
                    company_id,
                    can_create_jobs: r.can_create_jobs.unwrap_or(true),
                    can_manage_candidates: r.can_manage_candidates.unwrap_or(true),
                    is_admin: r.is_admin.unwrap_or(false),
                    created_at,
                    updated_at,
                    verbatim: r.verbatim.clone(),
                })
            },
        )
    }

    /// The search columns are computed with the same domain functions the job repository uses
    /// (CONTRACT 9.10). `applications_count` is ours to compute (the reference never maintained it).
    pub fn jobs(&mut self, rows: &[RefJob]) -> Result<TableReport, RepoError> {
        let now = self.now;
        let identity = |r: &RefJob| parent_id(r.employer_id);
        self.copy(
            rows,
            |s| &mut s.jobs,
            identity,
            |s, r, report| {
                let employer = s.employers.parent(r.employer_id, "employer")?;
                let company = s.companies.parent(r.company_id, "company")?;
                let title = required(&r.title, "title")?;
                let description = r.description.clone().ok_or("no description")?;
                let company_name = s.company_names.get(&company).map_or("", String::as_str);
                let location = r.verbatim.location.as_deref().unwrap_or("");
                let (created_at, updated_at) = stamps(r.created_at, r.updated_at, now);
                s.job_employer.insert(r.id, employer);
                Ok(JobRow {
                    id: r.id,
                    employer_id: employer,
                    company_id: company,
                    search_text: job_search_text(company_name, &title, &description),
                    location_norm: normalize(location),
                    title,
                    description,
                    job_type: label(&r.job_type, "job_type", JobType::parse)?.as_str(),
                    location_type: label(&r.location_type, "location_type", LocationType::parse)?
                        .as_str(),
                    salary_min: int32(r.salary_min, "salary_min", r.id, report),
                    salary_max: int32(r.salary_max, "salary_max", r.id, report),
                    currency: r.currency.clone().unwrap_or_else(|| "EUR".to_owned()),
                    status: label(&r.status, "status", JobStatus::parse)?.as_str(),
                    is_featured: r.is_featured.unwrap_or(false),
                    views_count: r.views_count.unwrap_or(0).max(0),
                    applications_count: 0,
                    created_at,
                    updated_at,
                    verbatim: r.verbatim.clone(),
                })
            },
        )
    }

    /// The reference never recorded which CV an application was made with (CONTRACT 5.8 D4): its
    /// employers saw the candidate's current CV. So `cv_id` is the candidate's newest imported CV
    /// (which is what those employers saw last), or NULL without one. A second application to
    /// the same job (the reference had no unique constraint) is reported, not imported.
    pub fn applications(&mut self, rows: &[RefApplication]) -> Result<TableReport, RepoError> {
        let now = self.now;
        let identity = |r: &RefApplication| {
            let (job, candidate) = (parent_id(r.job_id), parent_id(r.candidate_id));
            format!("{job}:{candidate}")
        };
        self.copy(
            rows,
            |s| &mut s.applications,
            identity,
            |s, r, report| {
                let job = s.jobs.parent(r.job_id, "job")?;
                let candidate = s.candidates.parent(r.candidate_id, "candidate")?;
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
                    applied_at,
                    updated_at: r.updated_at.unwrap_or(applied_at),
                    verbatim: r.verbatim.clone(),
                })
            },
        )
    }

    /// Type labels in either spelling (the ORM wrote `NEW_APPLICATION`, migration f6a0b4c3d2e1
    /// created lowercase labels). A link to a job or application that was not imported is
    /// dropped (reported); the notification stays.
    pub fn notifications(&mut self, rows: &[RefNotification]) -> Result<TableReport, RepoError> {
        let now = self.now;
        let identity = |r: &RefNotification| parent_id(r.user_id);
        self.copy(
            rows,
            |s| &mut s.notifications,
            identity,
            |s, r, report| {
                let user = s.users.parent(r.user_id, "user")?;
                let kind = label(&r.kind, "type", NotificationKind::parse)?;
                let mut dropped =
                    |what: &str| report.adjust(format!("{what} not imported, link dropped"), r.id);
                let related_job_id = s.jobs.link(r.related_job_id, || dropped("related job"));
                let related_application_id = s
                    .applications
                    .link(r.related_application_id, || dropped("related application"));
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
        )
    }
}
