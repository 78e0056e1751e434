//! `DashboardRepository` over diesel. Each method is one pool checkout running a fixed number of
//! statements: counts and EXISTS as scalar sub-selects of one `SELECT`, and the newest items with
//! `LIMIT 1`, never rows loaded to be counted (CONTRACT 5.10).

use std::sync::Arc;

use async_trait::async_trait;
use diesel::prelude::*;
use intowork_domain::dashboard::{
    AdminCounts, CandidateFacts, DashboardRepository, EmployerDashboardFacts, FunnelFacts,
    ProfileFacts,
};
use intowork_domain::job::{JobRepository, PublicJobFilter};
use intowork_domain::{RepoError, UserId};

use super::candidate::{candidate_facts, profile_facts};
use super::employer::employer_facts;
use super::funnel::funnel_facts;
use crate::conn::DbConn;
use crate::database::Database;
use crate::error::map_db_error;
use crate::jobs::DieselJobRepository;
use crate::schema::{job_applications, jobs, users};

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
        // The open jobs figure counts what the public list shows: published jobs of active
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

    #[tracing::instrument(name = "db.dashboard.funnel", skip_all, fields(user_id = user.get()))]
    async fn funnel_facts(
        &self,
        user: UserId,
        top_jobs: i64,
    ) -> Result<Option<FunnelFacts>, RepoError> {
        self.db
            .run(move |conn| funnel_facts(conn, user.get(), top_jobs).map_err(map_db_error))
            .await
    }
}
