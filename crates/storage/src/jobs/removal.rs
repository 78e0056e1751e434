//! Removing a job as the domain decided it ([`JobRemovalPlan`]): deleting a job nobody applied
//! to, or archiving it with its applicants' notices. Each commit first checks, under the job's
//! row lock, that the facts of the decision still hold.
//!
//! [`JobRemovalPlan`]: intowork_domain::job::JobRemovalPlan

use diesel::prelude::*;
use intowork_domain::job::{ArchiveJob, JobApplicant, JobStatus};
use intowork_domain::ports::Commit;
use intowork_domain::{ApplicationId, UserId};

use crate::conn::DbConn;
use crate::locks::job_status_exclusive;
use crate::notifications::insert_notifications;
use crate::schema::{candidates, job_applications, jobs};

/// The job's applications and their candidates' user ids, oldest first.
pub(crate) fn applicants(conn: &mut DbConn, id: i64) -> QueryResult<Vec<JobApplicant>> {
    let rows: Vec<(i64, i64)> = job_applications::table
        .inner_join(candidates::table)
        .filter(job_applications::job_id.eq(id))
        .select((job_applications::id, candidates::user_id))
        .order(job_applications::id.asc())
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(application, user)| JobApplicant {
            application: ApplicationId(application),
            user: UserId(user),
        })
        .collect())
}

/// Locks the job (exclusively: an application being written to it commits first and is then seen
/// here) and tells whether it can still be removed: it exists and is not archived.
fn lock_removable(conn: &mut DbConn, id: i64) -> QueryResult<bool> {
    let status = job_status_exclusive(conn, id)?;
    Ok(status.is_some_and(|s| s != JobStatus::Archived.as_str()))
}

fn application_ids(conn: &mut DbConn, id: i64) -> QueryResult<Vec<i64>> {
    job_applications::table
        .filter(job_applications::job_id.eq(id))
        .select(job_applications::id)
        .order(job_applications::id.asc())
        .load(conn)
}

pub(crate) fn delete_unapplied(conn: &mut DbConn, id: i64) -> QueryResult<Commit<()>> {
    if !lock_removable(conn, id)? {
        return Ok(Commit::NotFound);
    }
    if !application_ids(conn, id)?.is_empty() {
        return Ok(Commit::Stale);
    }
    diesel::delete(jobs::table.find(id)).execute(conn)?;
    Ok(Commit::Done(()))
}

pub(crate) fn archive(conn: &mut DbConn, work: &ArchiveJob) -> QueryResult<Commit<()>> {
    let id = work.job.get();
    if !lock_removable(conn, id)? {
        return Ok(Commit::NotFound);
    }
    let expected: Vec<i64> = work.applications.iter().map(|a| a.get()).collect();
    if application_ids(conn, id)? != expected {
        return Ok(Commit::Stale);
    }
    let now = work.at.naive_utc();
    diesel::update(jobs::table.find(id))
        .set((
            jobs::status.eq(JobStatus::Archived.as_str()),
            jobs::updated_at.eq(now),
        ))
        .execute(conn)?;
    insert_notifications(conn, &work.notifications, now)?;
    Ok(Commit::Done(()))
}
