//! The candidate dashboard's facts and the profile completion.

use diesel::dsl::exists;
use diesel::prelude::*;
use intowork_domain::application::ApplicationStatus;
use intowork_domain::dashboard::{CandidateFacts, ProfileFacts};

use super::latest::latest;
use crate::conn::DbConn;
use crate::schema::{candidates, educations, experiences, job_applications, jobs, skills};

type CandidateRow = (
    i64,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

fn candidate_row(conn: &mut DbConn, user: i64) -> QueryResult<Option<CandidateRow>> {
    candidates::table
        .filter(candidates::user_id.eq(user))
        .select((
            candidates::id,
            candidates::phone,
            candidates::location,
            candidates::title,
            candidates::summary,
        ))
        .first(conn)
        .optional()
}

fn profile(row: CandidateRow, items: (bool, bool, bool)) -> ProfileFacts {
    let (_, phone, location, title, summary) = row;
    ProfileFacts {
        phone,
        location,
        title,
        summary,
        has_experience: items.0,
        has_education: items.1,
        has_skill: items.2,
    }
}

/// Candidate row (1 statement), counts and EXISTS (1) and the newest application (1); the open
/// jobs are counted by the caller. `published_jobs` is left at 0.
pub(crate) fn candidate_facts(conn: &mut DbConn, user: i64) -> QueryResult<Option<CandidateFacts>> {
    let Some(row) = candidate_row(conn, user)? else {
        return Ok(None);
    };
    let candidate = row.0;
    let own = || job_applications::table.filter(job_applications::candidate_id.eq(candidate));
    let (applications, interviews, experience, education, skill) = diesel::select((
        own().count().single_value(),
        own()
            .filter(job_applications::status.eq(ApplicationStatus::Interview.as_str()))
            .count()
            .single_value(),
        exists(experiences::table.filter(experiences::candidate_id.eq(candidate))),
        exists(educations::table.filter(educations::candidate_id.eq(candidate))),
        exists(skills::table.filter(skills::candidate_id.eq(candidate))),
    ))
    .get_result::<(Option<i64>, Option<i64>, bool, bool, bool)>(conn)?;
    let latest_application = own()
        .inner_join(jobs::table)
        .order((
            job_applications::applied_at.desc(),
            job_applications::id.desc(),
        ))
        .select((jobs::title, job_applications::applied_at))
        .first(conn)
        .optional()?;
    Ok(Some(CandidateFacts {
        profile: profile(row, (experience, education, skill)),
        applications: applications.unwrap_or(0),
        published_jobs: 0,
        interviews: interviews.unwrap_or(0),
        latest_application: latest(latest_application),
    }))
}

/// Candidate row (1 statement) and the three EXISTS (1).
pub(crate) fn profile_facts(conn: &mut DbConn, user: i64) -> QueryResult<Option<ProfileFacts>> {
    let Some(row) = candidate_row(conn, user)? else {
        return Ok(None);
    };
    let candidate = row.0;
    let items = diesel::select((
        exists(experiences::table.filter(experiences::candidate_id.eq(candidate))),
        exists(educations::table.filter(educations::candidate_id.eq(candidate))),
        exists(skills::table.filter(skills::candidate_id.eq(candidate))),
    ))
    .get_result::<(bool, bool, bool)>(conn)?;
    Ok(Some(profile(row, items)))
}
