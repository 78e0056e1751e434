//! The report use cases: gather the facts (the dashboard's figures and funnel, the admin
//! statistics, and the report repository's lists), write the report, render it.

use std::sync::Arc;

use chrono::TimeDelta;
use derive_new::new;
use tracing::{info, instrument};

use super::admin::admin_report;
use super::candidate::candidate_report;
use super::document::Report;
use super::employer::employer_report;
use super::error::ReportError;
use super::port::{ReportRenderer, ReportRepository};
use crate::admin::AdminRepository;
use crate::dashboard::{
    DashboardRepository, EmployerDashboardFacts, TOP_JOBS, completion_score, employer_funnel,
};
use crate::ports::Clock;
use crate::user::User;

/// Rows listed in a table at most (applications, jobs); the totals count them all.
pub const MAX_ROWS: i64 = 500;

/// The admin report's "recent sign-ups" window, as the admin statistics.
const RECENT_SIGNUPS: TimeDelta = TimeDelta::days(7);

/// A rendered report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RenderedReport {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

#[derive(new)]
pub struct ReportService {
    repo: Arc<dyn ReportRepository>,
    dashboards: Arc<dyn DashboardRepository>,
    admin: Arc<dyn AdminRepository>,
    renderer: Arc<dyn ReportRenderer>,
    clock: Arc<dyn Clock>,
}

impl ReportService {
    /// The candidate's report; the route is the candidate's.
    #[instrument(skip_all, fields(user_id = %user.id))]
    pub async fn candidate(&self, user: &User) -> Result<RenderedReport, ReportError> {
        let facts = self.dashboards.candidate_facts(user.id).await?;
        let details = self.repo.candidate_details(user.id, MAX_ROWS).await?;
        let (Some(facts), Some(details)) = (facts, details) else {
            return Err(ReportError::CandidateNotFound);
        };
        let completion = completion_score(user, &facts.profile);
        let report = candidate_report(user, completion, &facts, &details, self.clock.now());
        self.render(report).await
    }

    /// The employer's report; an employer without a company has nothing to report.
    #[instrument(skip_all, fields(user_id = %user.id))]
    pub async fn employer(&self, user: &User) -> Result<RenderedReport, ReportError> {
        let Some(EmployerDashboardFacts::WithCompany(facts)) =
            self.dashboards.employer_facts(user.id).await?
        else {
            return Err(ReportError::EmployerNotFound);
        };
        let funnel = self.dashboards.funnel_facts(user.id, TOP_JOBS).await?;
        let details = self.repo.employer_details(user.id, MAX_ROWS).await?;
        let (Some(funnel), Some(details)) = (funnel, details) else {
            return Err(ReportError::EmployerNotFound);
        };
        let funnel = employer_funnel(funnel);
        let report = employer_report(user, &facts, &funnel, &details, self.clock.now());
        self.render(report).await
    }

    /// The platform report; the route is the admins'.
    #[instrument(skip_all, fields(user_id = %user.id))]
    pub async fn admin(&self, user: &User) -> Result<RenderedReport, ReportError> {
        let now = self.clock.now();
        let stats = self.admin.stats(now - RECENT_SIGNUPS).await?;
        self.render(admin_report(user, &stats, now)).await
    }

    async fn render(&self, report: Report) -> Result<RenderedReport, ReportError> {
        let file_name = report.file_name.clone();
        let bytes = self.renderer.render(report).await?;
        info!(bytes = bytes.len(), file = %file_name, "report rendered");
        Ok(RenderedReport { file_name, bytes })
    }
}
