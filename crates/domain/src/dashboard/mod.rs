//! Dashboards (CONTRACT 3.9): the French texts, stats and activities the frontend shows as-is,
//! built by pure functions from counts the repository computes in a fixed number of queries.

mod blocks;
mod error;
mod facts;
mod figures;
mod funnel;
mod port;
mod service;
mod texts;
mod view;

pub use error::DashboardError;
pub use facts::{
    AdminCounts, CandidateFacts, EmployerDashboardFacts, EmployerFacts, Latest, ProfileFacts,
};
pub use figures::{completion_score, response_rate, round_half_even, time_ago};
pub use funnel::{
    EmployerFunnel, FunnelFacts, FunnelStep, JobTotal, PIPELINE, ReachedGroup, TOP_JOBS,
    employer_funnel,
};
pub use port::DashboardRepository;
#[cfg(any(test, feature = "mocks"))]
pub use port::MockDashboardRepository;
pub use service::DashboardService;
pub use texts::{
    activities, admin_dashboard, candidate_dashboard, employer_dashboard, employer_without_company,
};
pub use view::{Activity, ActivityKind, ChangeType, Dashboard, Stat, StatColor};

#[cfg(test)]
mod tests;
