//! Dashboards over diesel: the repository and the facts of each role.

mod candidate;
mod employer;
mod funnel;
mod latest;
mod repository;

pub use repository::DieselDashboardRepository;
