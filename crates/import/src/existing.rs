//! The rows our database already holds, as the import matches them: each row's identity (a
//! user's email, a child's parent...) under its id, and what later tables look up.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use intowork_domain::user::Role;
use intowork_storage::DbConn;
use intowork_storage::schema::{
    candidate_cvs, candidates, companies, educations, employers, experiences, job_applications,
    jobs, notifications, skills, users,
};

use crate::state::{Ids, State};

/// `SELECT id, <column> FROM <table>`.
macro_rules! id_and {
    ($table:ident . $column:ident) => {
        $table::table.select(($table::id, $table::$column))
    };
}

/// Reads the ids and identities of every table the import writes.
pub fn existing_state(conn: &mut DbConn) -> QueryResult<State> {
    let mut state = State::default();
    read_users(conn, &mut state)?;
    read_profiles(conn, &mut state)?;
    read_hiring(conn, &mut state)?;
    Ok(state)
}

/// Users by normalized email; their roles.
fn read_users(conn: &mut DbConn, s: &mut State) -> QueryResult<()> {
    for (id, norm, role) in users::table
        .select((users::id, users::email_norm, users::role))
        .load::<(i64, String, String)>(conn)?
    {
        s.email_owner.insert(norm.clone(), id);
        s.users.existing.insert(id, norm);
        if let Some(r) = Role::parse(&role) {
            s.roles.insert(id, r.as_str());
        }
    }
    Ok(())
}

/// Candidates by user; their items and CVs by candidate.
fn read_profiles(conn: &mut DbConn, s: &mut State) -> QueryResult<()> {
    let candidates: Vec<(i64, i64)> = id_and!(candidates.user_id).load(conn)?;
    s.candidate_of_user = candidates.iter().map(|&(id, user)| (user, id)).collect();
    s.candidates = Ids::identified_by(candidates);
    s.experiences = Ids::identified_by(id_and!(experiences.candidate_id).load::<(i64, i64)>(conn)?);
    s.educations = Ids::identified_by(id_and!(educations.candidate_id).load::<(i64, i64)>(conn)?);
    s.skills = Ids::identified_by(id_and!(skills.candidate_id).load::<(i64, i64)>(conn)?);
    let cvs: Vec<(i64, i64, NaiveDateTime)> = candidate_cvs::table
        .select((
            candidate_cvs::id,
            candidate_cvs::candidate_id,
            candidate_cvs::created_at,
        ))
        .load(conn)?;
    for &(id, candidate, created_at) in &cvs {
        s.existing_cvs_of
            .entry(candidate)
            .or_default()
            .push((created_at, id));
    }
    s.cvs = Ids::identified_by(cvs.into_iter().map(|(id, candidate, _)| (id, candidate)));
    Ok(())
}

/// Companies by name, employers by user, jobs by employer, applications by `job:candidate`,
/// notifications by user.
fn read_hiring(conn: &mut DbConn, s: &mut State) -> QueryResult<()> {
    s.companies = Ids::identified_by(id_and!(companies.name).load::<(i64, String)>(conn)?);
    let employers: Vec<(i64, i64)> = id_and!(employers.user_id).load(conn)?;
    s.employer_of_user = employers.iter().map(|&(id, user)| (user, id)).collect();
    s.employers = Ids::identified_by(employers);
    let jobs: Vec<(i64, i64)> = id_and!(jobs.employer_id).load(conn)?;
    s.job_employer = jobs.iter().copied().collect();
    s.jobs = Ids::identified_by(jobs);
    let applications: Vec<(i64, i64, i64)> = job_applications::table
        .select((
            job_applications::id,
            job_applications::job_id,
            job_applications::candidate_id,
        ))
        .load(conn)?;
    s.application_pairs = applications.iter().map(|&(_, j, c)| (j, c)).collect();
    s.applications = Ids::identified_by(
        applications
            .into_iter()
            .map(|(id, job, candidate)| (id, format!("{job}:{candidate}"))),
    );
    s.notifications = Ids::identified_by(id_and!(notifications.user_id).load::<(i64, i64)>(conn)?);
    Ok(())
}
