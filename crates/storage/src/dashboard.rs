//! `DashboardRepository` over diesel. Each method is one pool checkout running a fixed number of
//! statements: counts and EXISTS as scalar sub-selects of one `SELECT`, and the newest items with
//! `LIMIT 1`, never rows loaded to be counted (CONTRACT 5.10).

use std::sync::Arc;

use async_trait::async_trait;
use chrono::NaiveDateTime;
use diesel::dsl::exists;
use diesel::prelude::*;
use intowork_domain::dashboard::{
    AdminCounts, CandidateFacts, DashboardRepository, EmployerDashboardFacts, EmployerFacts,
    Latest, ProfileFacts,
};
use intowork_domain::job::{JobRepository, PublicJobFilter};
use intowork_domain::{RepoError, UserId};

use crate::conn::DbConn;
use crate::database::Database;
use crate::error::map_db_error;
use crate::jobs::DieselJobRepository;
use crate::schema::{
    candidates, educations, employers, experiences, job_applications, jobs, skills, users,
};

/// The candidate dashboard's open jobs are the public list's total, asked of a
/// [`JobRepository`]: give it the cached one ([`crate::CachedJobs`]) with
/// [`DieselDashboardRepository::with_jobs`] and every candidate shares one count with the list.
#[derive(Clone)]
pub struct DieselDashboardRepository {
    db: Database,
    jobs: Arc<dyn JobRepository>,
}

impl std::fmt::Debug for DieselDashboardRepository {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DieselDashboardRepository")
            .field("db", &self.db)
            .finish_non_exhaustive()
    }
}

impl DieselDashboardRepository {
    /// Counts the open jobs live.
    pub fn new(db: Database) -> Self {
        let jobs = Arc::new(DieselJobRepository::new(db.clone()));
        Self { db, jobs }
    }

    /// Counts the open jobs through `jobs`.
    pub fn with_jobs(self, jobs: Arc<dyn JobRepository>) -> Self {
        Self { jobs, ..self }
    }
}

type Counts4 = (Option<i64>, Option<i64>, Option<i64>, Option<i64>);
/// A "newest" row as two scalar sub-selects: its job title and its time.
type Newest = (Option<String>, Option<NaiveDateTime>);

fn latest(row: Option<(String, NaiveDateTime)>) -> Option<Latest> {
    row.map(|(job_title, at)| Latest {
        job_title,
        at: at.and_utc(),
    })
}

fn admin_counts(conn: &mut DbConn) -> QueryResult<AdminCounts> {
    let (users_n, jobs_n, applications) = diesel::select((
        users::table.count().single_value(),
        jobs::table.count().single_value(),
        job_applications::table.count().single_value(),
    ))
    .get_result::<(Option<i64>, Option<i64>, Option<i64>)>(conn)?;
    Ok(AdminCounts {
        users: users_n.unwrap_or(0),
        jobs: jobs_n.unwrap_or(0),
        applications: applications.unwrap_or(0),
    })
}

/// Employer row (1 statement), then with a company: the four counts and the three newest items
/// (1).
fn employer_facts(conn: &mut DbConn, user: i64) -> QueryResult<Option<EmployerDashboardFacts>> {
    let row = employers::table
        .filter(employers::user_id.eq(user))
        .select((employers::id, employers::company_id))
        .first::<(i64, Option<i64>)>(conn)
        .optional()?;
    let Some((employer, company)) = row else {
        return Ok(None);
    };
    if company.is_none() {
        return Ok(Some(EmployerDashboardFacts::NoCompany));
    }
    let own_jobs = || jobs::table.filter(jobs::employer_id.eq(employer));
    // `job_applications.employer_id` is indexed with `applied_at`: no scan of other employers'.
    // The counts need no join; the newest rows join their job for its title.
    let own_applications =
        || job_applications::table.filter(job_applications::employer_id.eq(employer));
    let applications = || own_applications().inner_join(jobs::table);
    let newest_job = || {
        own_jobs()
            .filter(jobs::status.ne("archived"))
            .order((jobs::created_at.desc(), jobs::id.desc()))
            .limit(1)
    };
    let newest_application = || {
        applications()
            .order((
                job_applications::applied_at.desc(),
                job_applications::id.desc(),
            ))
            .limit(1)
    };
    let newest_interview = || {
        applications()
            .filter(job_applications::status.eq("interview"))
            .order((
                job_applications::updated_at.desc(),
                job_applications::id.desc(),
            ))
            .limit(1)
    };
    // One statement: the four counts and the three "newest" rows as scalar sub-selects (a title
    // and a time each), each served by an index; one round trip instead of four.
    let (counts, (job_title, job_at), (app_title, app_at), (interview_title, interview_at)) =
        diesel::select((
            (
                own_jobs()
                    .filter(jobs::status.eq("published"))
                    .count()
                    .single_value(),
                own_applications().count().single_value(),
                own_applications()
                    .filter(job_applications::status.eq("interview"))
                    .count()
                    .single_value(),
                own_applications()
                    .filter(job_applications::status.ne("applied"))
                    .count()
                    .single_value(),
            ),
            (
                newest_job().select(jobs::title).single_value(),
                newest_job().select(jobs::created_at).single_value(),
            ),
            (
                newest_application().select(jobs::title).single_value(),
                newest_application()
                    .select(job_applications::applied_at)
                    .single_value(),
            ),
            (
                newest_interview().select(jobs::title).single_value(),
                newest_interview()
                    .select(job_applications::updated_at)
                    .single_value(),
            ),
        ))
        .get_result::<(Counts4, Newest, Newest, Newest)>(conn)?;
    let (published, total, interviews, responded) = counts;
    let latest_job = job_title.zip(job_at);
    let latest_application = app_title.zip(app_at);
    let latest_interview = interview_title.zip(interview_at);
    Ok(Some(EmployerDashboardFacts::WithCompany(EmployerFacts {
        published_jobs: published.unwrap_or(0),
        applications: total.unwrap_or(0),
        interviews: interviews.unwrap_or(0),
        responded: responded.unwrap_or(0),
        latest_job: latest(latest_job),
        latest_application: latest(latest_application),
        latest_interview: latest(latest_interview),
    })))
}

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
fn candidate_facts(conn: &mut DbConn, user: i64) -> QueryResult<Option<CandidateFacts>> {
    let Some(row) = candidate_row(conn, user)? else {
        return Ok(None);
    };
    let candidate = row.0;
    let own = || job_applications::table.filter(job_applications::candidate_id.eq(candidate));
    let (applications, interviews, experience, education, skill) = diesel::select((
        own().count().single_value(),
        own()
            .filter(job_applications::status.eq("interview"))
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
fn profile_facts(conn: &mut DbConn, user: i64) -> QueryResult<Option<ProfileFacts>> {
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

#[async_trait]
impl DashboardRepository for DieselDashboardRepository {
    #[tracing::instrument(name = "db.dashboard.admin", skip_all)]
    async fn admin_counts(&self) -> Result<AdminCounts, RepoError> {
        self.db
            .run(|conn| admin_counts(conn).map_err(map_db_error))
            .await
    }

    #[tracing::instrument(name = "db.dashboard.employer", skip_all, fields(user_id = user.get()))]
    async fn employer_facts(
        &self,
        user: UserId,
    ) -> Result<Option<EmployerDashboardFacts>, RepoError> {
        self.db
            .run(move |conn| employer_facts(conn, user.get()).map_err(map_db_error))
            .await
    }

    #[tracing::instrument(name = "db.dashboard.candidate", skip_all, fields(user_id = user.get()))]
    async fn candidate_facts(&self, user: UserId) -> Result<Option<CandidateFacts>, RepoError> {
        let facts = self
            .db
            .run(move |conn| candidate_facts(conn, user.get()).map_err(map_db_error))
            .await?;
        let Some(mut facts) = facts else {
            return Ok(None);
        };
        // "Offres disponibles" counts what the public list shows: published jobs of active
        // employers. It is the one figure here that grows with the whole site, not with the
        // candidate.
        facts.published_jobs = self.jobs.count_public(PublicJobFilter::default()).await?;
        Ok(Some(facts))
    }

    #[tracing::instrument(name = "db.dashboard.profile", skip_all, fields(user_id = user.get()))]
    async fn profile_facts(&self, user: UserId) -> Result<Option<ProfileFacts>, RepoError> {
        self.db
            .run(move |conn| profile_facts(conn, user.get()).map_err(map_db_error))
            .await
    }
}
