//! The company-wide counters, and the candidate fields written by onboarding.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use intowork_domain::company::{CandidateContact, CandidateContactProfile, CompanyStats};
use intowork_domain::job::JobStatus;
use intowork_domain::{CandidateId, UserId};

use super::rows::CandidateChanges;
use crate::conn::DbConn;
use crate::schema::{candidates, employers, job_applications, jobs};

pub(crate) fn stats(conn: &mut DbConn, id: i64) -> QueryResult<CompanyStats> {
    // One statement with four scalar sub-selects, each backed by an index on company_id.
    let company_jobs = || jobs::table.filter(jobs::company_id.eq(id));
    let (active, total, applications, employers_n) = diesel::select((
        company_jobs()
            .filter(jobs::status.eq(JobStatus::Published.as_str()))
            .count()
            .single_value(),
        company_jobs().count().single_value(),
        job_applications::table
            .inner_join(jobs::table)
            .filter(jobs::company_id.eq(id))
            .count()
            .single_value(),
        employers::table
            .filter(employers::company_id.eq(Some(id)))
            .count()
            .single_value(),
    ))
    .get_result::<(Option<i64>, Option<i64>, Option<i64>, Option<i64>)>(conn)?;
    Ok(CompanyStats {
        active_jobs: active.unwrap_or(0),
        total_jobs: total.unwrap_or(0),
        total_applications: applications.unwrap_or(0),
        total_employers: employers_n.unwrap_or(0),
    })
}

/// Writes the present contact fields of the candidate behind `user`; `None` without a profile.
pub(crate) fn update_candidate_contact(
    conn: &mut DbConn,
    user: UserId,
    contact: &CandidateContact,
    now: NaiveDateTime,
) -> QueryResult<Option<CandidateContactProfile>> {
    let changes = CandidateChanges {
        phone: contact.phone.as_deref(),
        location: contact.location.as_deref(),
        title: contact.title.as_deref(),
        updated_at: now,
    };
    let row = diesel::update(candidates::table.filter(candidates::user_id.eq(user.get())))
        .set(&changes)
        .returning((
            candidates::id,
            candidates::user_id,
            candidates::phone,
            candidates::location,
            candidates::title,
        ))
        .get_result::<(i64, i64, Option<String>, Option<String>, Option<String>)>(conn)
        .optional()?;
    Ok(row.map(
        |(id, user_id, phone, location, title)| CandidateContactProfile {
            id: CandidateId(id),
            user_id: UserId(user_id),
            contact: CandidateContact {
                phone,
                location,
                title,
            },
        },
    ))
}
