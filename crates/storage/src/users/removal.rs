//! Deleting an account as the domain decided it ([`AccountRemoval`]), shared by the user's own
//! deletion and the admin's (which adds its audit row in the same transaction).

use chrono::NaiveDateTime;
use diesel::prelude::*;
use intowork_domain::UserId;
use intowork_domain::ports::{AccountRemoval, Commit, DeletedUser};
use intowork_domain::user::Role;

use crate::cache::{CacheEvent, ReadCaches, publish};
use crate::conn::DbConn;
use crate::locks::lock_jobs_of;
use crate::notifications::insert_notifications;
use crate::schema::{
    candidate_cvs, candidates, cv_builder_documents, employers, job_applications, jobs, users,
};

/// The candidates' user ids with an application to a job of `user`'s employer profile, the user
/// excluded, ascending and distinct.
pub(crate) fn applicants_of(conn: &mut DbConn, user: i64) -> QueryResult<Vec<UserId>> {
    let ids: Vec<i64> = job_applications::table
        .inner_join(jobs::table.inner_join(employers::table))
        .inner_join(candidates::table)
        .filter(employers::user_id.eq(user))
        .filter(candidates::user_id.ne(user))
        .select(candidates::user_id)
        .distinct()
        .order(candidates::user_id.asc())
        .load(conn)?;
    Ok(ids.into_iter().map(UserId).collect())
}

/// What a committed removal deleted.
pub(crate) struct Removed {
    pub(crate) deleted: DeletedUser,
    /// For the read caches: what went with the account. An unknown stored role counts as an
    /// employer's (the most that can go).
    pub(crate) role: Role,
}

/// Commits `removal` inside the caller's write transaction: checks that the account exists and
/// that its applicants are still the ones the decision was made from, writes the notices, and
/// deletes the user; foreign keys cascade the rest (profile, experiences, educations, skills, CV
/// rows, applications, jobs, notifications, reset tokens).
pub(crate) fn remove_account(
    conn: &mut DbConn,
    removal: &AccountRemoval,
) -> QueryResult<Commit<Removed>> {
    let id = removal.user.get();
    let role: Option<String> = users::table
        .find(id)
        .select(users::role)
        .first(conn)
        .optional()?;
    let Some(role) = role else {
        return Ok(Commit::NotFound);
    };
    lock_jobs_of(conn, id)?;
    if applicants_of(conn, id)? != removal.applicants {
        return Ok(Commit::Stale);
    }
    // CV files to remove after the commit (the rows go with the candidate profile).
    let cv_keys: Vec<String> = candidate_cvs::table
        .inner_join(candidates::table)
        .filter(candidates::user_id.eq(id))
        .select(candidate_cvs::storage_key)
        .order(candidate_cvs::id.asc())
        .load(conn)?;
    // Pictures of the jobs that go with the employer profile.
    let mut image_keys: Vec<String> = jobs::table
        .inner_join(employers::table)
        .filter(employers::user_id.eq(id))
        .filter(jobs::image_key.is_not_null())
        .select(jobs::image_key.assume_not_null())
        .order(jobs::id.asc())
        .load(conn)?;
    // The CV builder's photo goes with its document (the row cascades with the user).
    let photo: Option<Option<String>> = cv_builder_documents::table
        .filter(cv_builder_documents::user_id.eq(id))
        .select(cv_builder_documents::photo_key)
        .first(conn)
        .optional()?;
    image_keys.extend(photo.flatten());
    let now: NaiveDateTime = removal.at.naive_utc();
    insert_notifications(conn, &removal.notifications, now)?;
    diesel::delete(users::table.find(id)).execute(conn)?;
    Ok(Commit::Done(Removed {
        deleted: DeletedUser {
            cv_keys,
            image_keys,
        },
        role: crate::stored::role(&role).unwrap_or(Role::Employer),
    }))
}

/// Publishes what a committed removal evicts, and hands back the port's answer.
pub(crate) fn removed(caches: &Option<ReadCaches>, commit: Commit<Removed>) -> Commit<DeletedUser> {
    match commit {
        Commit::Done(Removed { deleted, role }) => {
            publish(caches, CacheEvent::AccountRemoved { role });
            Commit::Done(deleted)
        }
        Commit::NotFound => Commit::NotFound,
        Commit::Stale => Commit::Stale,
    }
}
