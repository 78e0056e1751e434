//! Applying: one write transaction that checks the job, picks the chosen or current CV, inserts
//! the application, its first history row, the employer's notification and the candidate's
//! acknowledgement mail (CONTRACT D6, HEAD.md 10.5, 10.9, 10.14).

use diesel::prelude::*;
use intowork_domain::application::{
    ApplicationStatus, CandidateApplication, CreateApplicationError, NewApplication,
};
use intowork_domain::job::JobStatus;
use intowork_domain::notification::NewNotification;
use intowork_domain::{EmployerId, RepoError};

use super::history::append;
use super::rows::{CANDIDATE_COLUMNS, CandidateRow};
use crate::conn::{DbConn, MultiBackend};
use crate::email_templates::candidate_mail;
use crate::error::{TxError, is_foreign_key_violation, is_unique_violation_on};
use crate::locks::{job_status_shared, lock_candidate};
use crate::notifications::insert_notification;
use crate::outbox::Outbox;
use crate::schema::{candidate_cvs, companies, job_applications, jobs};

const ONE_PER_JOB: &str = "job_applications_job_candidate_key";

pub(crate) fn candidate_view(conn: &mut DbConn, id: i64) -> QueryResult<CandidateApplication> {
    let row: CandidateRow = job_applications::table
        .inner_join(jobs::table.inner_join(companies::table))
        .filter(job_applications::id.eq(id))
        .select(CANDIDATE_COLUMNS)
        .first(conn)?;
    row.try_into()
        .map_err(|e: RepoError| diesel::result::Error::DeserializationError(e.to_string().into()))
}

pub(crate) fn create(
    conn: &mut DbConn,
    outbox: &Outbox,
    new: &NewApplication,
    notification: &NewNotification,
) -> Result<(CandidateApplication, EmployerId), TxError<CreateApplicationError>> {
    // Candidate first (serialises with CV changes), then the job, shared (held until commit, so a
    // concurrent delete or archive of the job sees this application).
    lock_candidate(conn, new.candidate_id.get())?;
    let employer = match job_status_shared(conn, new.job_id.get())? {
        Some((status, employer)) if status == JobStatus::Published.as_str() => employer,
        _ => return Err(TxError::Domain(CreateApplicationError::JobNotFound)),
    };
    // The CV the application is made with: the chosen one if it is an active CV of the
    // candidate's, else their current one (D4). Read under the candidate's lock, so a concurrent
    // delete of that CV waits for this application.
    let mut cvs = candidate_cvs::table
        .filter(candidate_cvs::candidate_id.eq(new.candidate_id.get()))
        .filter(candidate_cvs::is_active.eq(true))
        .into_boxed::<MultiBackend>();
    if let Some(chosen) = new.cv {
        cvs = cvs.filter(candidate_cvs::id.eq(chosen.get()));
    }
    let cv: Option<i64> = cvs
        .order((candidate_cvs::created_at.desc(), candidate_cvs::id.desc()))
        .select(candidate_cvs::id)
        .first(conn)
        .optional()?;
    let now = new.now.naive_utc();
    let id: i64 = diesel::insert_into(job_applications::table)
        .values((
            job_applications::job_id.eq(new.job_id.get()),
            job_applications::employer_id.eq(employer),
            job_applications::candidate_id.eq(new.candidate_id.get()),
            job_applications::cv_id.eq(cv),
            job_applications::status.eq(ApplicationStatus::Applied.as_str()),
            job_applications::cover_letter.eq(new.cover_letter.as_deref()),
            job_applications::source_ref.eq(new.source_ref.as_deref()),
            job_applications::applied_at.eq(now),
            job_applications::updated_at.eq(now),
        ))
        .returning(job_applications::id)
        .get_result(conn)
        .map_err(|e| {
            if is_unique_violation_on(&e, ONE_PER_JOB) {
                TxError::Domain(CreateApplicationError::AlreadyApplied)
            } else if is_foreign_key_violation(&e) {
                // The job vanished between the check and the insert.
                TxError::Domain(CreateApplicationError::JobNotFound)
            } else {
                TxError::Db(e)
            }
        })?;
    // After the insert, so a second application is reported as such first (HEAD's order); the
    // error rolls the insert back.
    if new.cv.is_some() && cv.is_none() {
        return Err(TxError::Domain(CreateApplicationError::InvalidCv));
    }
    let applied = ApplicationStatus::Applied;
    append(conn, id, None, applied, new.actor.get(), now)?;
    insert_notification(conn, notification, Some(id), now)?;
    if let Some(kind) = new.candidate_mail {
        candidate_mail::queue(conn, outbox, id, kind, new.now)?;
    }
    Ok((candidate_view(conn, id)?, EmployerId(employer)))
}
