//! The employer side: companies, employers, jobs.

use intowork_domain::RepoError;
use intowork_domain::job::{JobStatus, JobType, LocationType};
use intowork_domain::search::{job_search_text, normalize};

use crate::decide::{Matching, parent_id};
use crate::importer::Importer;
use crate::reference::hiring::{RefCompany, RefEmployer, RefJob};
use crate::report::TableReport;
use crate::rows::{CompanyRow, EmployerRow, JobRow};
use crate::values::{int32, label, required, stamps};

const COMPANIES: Matching<RefCompany> = Matching {
    ids: |s| &mut s.companies,
    identity: |r| r.name.clone().unwrap_or_default(),
};

const EMPLOYERS: Matching<RefEmployer> = Matching {
    ids: |s| &mut s.employers,
    identity: |r| parent_id(r.user_id),
};

const JOBS: Matching<RefJob> = Matching {
    ids: |s| &mut s.jobs,
    identity: |r| parent_id(r.employer_id),
};

impl Importer {
    pub fn companies(&mut self, rows: &[RefCompany]) -> Result<TableReport, RepoError> {
        let now = self.now;
        let report = self.copy(rows, &COMPANIES, |s, r, _| {
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
        })?;
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
        self.copy(rows, &EMPLOYERS, |s, r, report| {
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
        })
    }

    /// The search columns are computed with the same domain functions the job repository uses
    /// (CONTRACT 9.10). `applications_count` is ours to compute (the reference never maintained it).
    pub fn jobs(&mut self, rows: &[RefJob]) -> Result<TableReport, RepoError> {
        let now = self.now;
        self.copy(rows, &JOBS, |s, r, report| {
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
        })
    }
}
