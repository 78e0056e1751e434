//! The company changes of the back-office, each in one write transaction with its audit row:
//! the verified badge, and the removal the domain decided ([`CompanyRemoval`]), which first
//! checks, under the company's and its jobs' row locks, that the facts of the decision still
//! hold.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use intowork_domain::admin::AuditRecord;
use intowork_domain::admin::companies::{CompanyApplicant, CompanyRemoval, RemovedCompany};
use intowork_domain::job::JobStatus;
use intowork_domain::ports::Commit;
use intowork_domain::{ApplicationId, JobId, UserId};

use super::list::{VERIFICATION, VerificationRow};
use crate::admin::audit::insert_untargeted_audit;
use crate::conn::DbConn;
use crate::database::write_tx;
use crate::notifications::insert_notifications;
use crate::schema::{candidates, companies, employers, job_applications, jobs};

pub(crate) fn set_verified(
    conn: &mut DbConn,
    id: i64,
    verified_at: Option<NaiveDateTime>,
    audit: &AuditRecord,
) -> QueryResult<Option<VerificationRow>> {
    write_tx(conn, |conn| {
        let row: Option<VerificationRow> = diesel::update(
            companies::table
                .filter(companies::id.eq(id))
                .filter(companies::deleted_at.is_null()),
        )
        .set((
            companies::is_verified.eq(verified_at.is_some()),
            companies::verified_at.eq(verified_at),
            companies::updated_at.eq(audit.at.naive_utc()),
        ))
        .returning(VERIFICATION)
        .get_result(conn)
        .optional()?;
        if row.is_some() {
            insert_untargeted_audit(conn, audit)?;
        }
        Ok(row)
    })
}

/// The applications to the company's jobs that are not archived, ascending.
pub(crate) fn applicants(conn: &mut DbConn, company: i64) -> QueryResult<Vec<CompanyApplicant>> {
    let rows: Vec<(i64, String, i64, i64)> = job_applications::table
        .inner_join(jobs::table)
        .inner_join(candidates::table)
        .filter(jobs::company_id.eq(company))
        .filter(jobs::status.ne(JobStatus::Archived.as_str()))
        .order(job_applications::id.asc())
        .select((
            jobs::id,
            jobs::title,
            job_applications::id,
            candidates::user_id,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(job, job_title, application, candidate)| CompanyApplicant {
                job: JobId(job),
                job_title,
                application: ApplicationId(application),
                candidate: UserId(candidate),
            },
        )
        .collect())
}

/// Locks the company, and its jobs against applications (an application holds its job's row
/// shared until it commits), until the transaction ends; `false` when the company is gone or
/// removed. SQLite needs no lock: a write transaction holds the database's write lock.
fn lock_company(conn: &mut DbConn, company: i64) -> QueryResult<bool> {
    let found = companies::table
        .filter(companies::id.eq(company))
        .filter(companies::deleted_at.is_null())
        .select(companies::id);
    match conn {
        DbConn::Pg(pg) => {
            let found = found.for_update().first::<i64>(pg).optional()?;
            jobs::table
                .filter(jobs::company_id.eq(company))
                .select(jobs::id)
                .for_update()
                .load::<i64>(pg)?;
            Ok(found.is_some())
        }
        DbConn::Sqlite(c) => Ok(found.first::<i64>(c).optional()?.is_some()),
    }
}

pub(crate) fn remove(
    conn: &mut DbConn,
    removal: &CompanyRemoval,
    audit: &AuditRecord,
) -> QueryResult<Commit<RemovedCompany>> {
    let company = removal.company.get();
    write_tx(conn, |conn| {
        if !lock_company(conn, company)? {
            return Ok(Commit::NotFound);
        }
        let now: Vec<ApplicationId> = applicants(conn, company)?
            .into_iter()
            .map(|a| a.application)
            .collect();
        if now != removal.applications {
            return Ok(Commit::Stale);
        }
        let at = removal.at.naive_utc();
        let archived_jobs = diesel::update(
            jobs::table
                .filter(jobs::company_id.eq(company))
                .filter(jobs::status.ne(JobStatus::Archived.as_str())),
        )
        .set((
            jobs::status.eq(JobStatus::Archived.as_str()),
            jobs::updated_at.eq(at),
        ))
        .execute(conn)?;
        insert_notifications(conn, &removal.notifications, at)?;
        let detached_employers =
            diesel::update(employers::table.filter(employers::company_id.eq(company)))
                .set((
                    employers::company_id.eq(None::<i64>),
                    employers::updated_at.eq(at),
                ))
                .execute(conn)?;
        diesel::update(companies::table.find(company))
            .set((
                companies::deleted_at.eq(Some(at)),
                companies::updated_at.eq(at),
            ))
            .execute(conn)?;
        insert_untargeted_audit(conn, audit)?;
        Ok(Commit::Done(RemovedCompany {
            archived_jobs: i64::try_from(archived_jobs).unwrap_or(i64::MAX),
            detached_employers: i64::try_from(detached_employers).unwrap_or(i64::MAX),
        }))
    })
}
