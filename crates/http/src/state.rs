//! What handlers can reach: the domain services, and the HTTP-level settings.

use std::sync::Arc;

use intowork_domain::application::ApplicationService;
use intowork_domain::auth::AuthService;
use intowork_domain::candidate::ProfileService;
use intowork_domain::company::CompanyService;
use intowork_domain::cv::CvService;
use intowork_domain::dashboard::DashboardService;
use intowork_domain::health::HealthService;
use intowork_domain::job::JobService;
use intowork_domain::notification::NotificationService;

use crate::cors::CorsPolicy;

/// The services, built by the server crate from its adapters.
pub struct AppState {
    pub auth: Arc<AuthService>,
    pub applications: Arc<ApplicationService>,
    pub health: Arc<HealthService>,
    pub profiles: Arc<ProfileService>,
    pub cvs: Arc<CvService>,
    pub companies: Arc<CompanyService>,
    pub jobs: Arc<JobService>,
    pub notifications: Arc<NotificationService>,
    pub dashboards: Arc<DashboardService>,
}

/// HTTP-level settings, passed in explicitly by the server (never read from the environment here).
#[derive(Clone, Debug)]
pub struct HttpSettings {
    pub cors: CorsPolicy,
    /// Largest accepted JSON body, in bytes (CONTRACT 8.17: 1 MiB).
    pub json_limit: usize,
}

impl Default for HttpSettings {
    fn default() -> Self {
        Self {
            cors: CorsPolicy::default(),
            json_limit: 1024 * 1024,
        }
    }
}
