//! What handlers can reach: the domain services, and the HTTP-level settings.

use std::sync::Arc;
use std::time::Duration;

use intowork_domain::admin::AdminService;
use intowork_domain::admin::companies::CompanyAdminService;
use intowork_domain::admin::invitations::InvitationService;
use intowork_domain::application::ApplicationService;
use intowork_domain::auth::AuthService;
use intowork_domain::candidate::ProfileService;
use intowork_domain::company::CompanyService;
use intowork_domain::contact::ContactService;
use intowork_domain::cv::CvService;
use intowork_domain::cv_builder::CvBuilderService;
use intowork_domain::dashboard::DashboardService;
use intowork_domain::directory::DirectoryService;
use intowork_domain::email_template::EmailTemplateService;
use intowork_domain::health::HealthService;
use intowork_domain::image::ImageStore;
use intowork_domain::job::JobService;
use intowork_domain::job_alert::{AlertDeliveryService, JobAlertService};
use intowork_domain::limits::Limits;
use intowork_domain::mail::MailOutboxService;
use intowork_domain::notification::NotificationService;
use intowork_domain::recovery::PasswordResetService;
use intowork_domain::reports::ReportService;

use crate::client_slots::ClientSlots;
use crate::cors::CorsPolicy;

/// The services, built by the server crate from its adapters.
pub struct AppState {
    pub auth: Arc<AuthService>,
    pub applications: Arc<ApplicationService>,
    /// Each company's email templates.
    pub email_templates: Arc<EmailTemplateService>,
    pub health: Arc<HealthService>,
    pub profiles: Arc<ProfileService>,
    pub cvs: Arc<CvService>,
    pub cv_builder: Arc<CvBuilderService>,
    pub companies: Arc<CompanyService>,
    pub jobs: Arc<JobService>,
    pub notifications: Arc<NotificationService>,
    pub dashboards: Arc<DashboardService>,
    pub reports: Arc<ReportService>,
    pub admin: Arc<AdminService>,
    /// The public images (job pictures, company logos) as `GET /api/images/…` serves them.
    pub images: ImageStore,
    /// Cloned into the task that queues a reset link off the request path.
    pub recovery: Arc<PasswordResetService>,
    /// The mail outbox: the admin list (the server's delivery worker shares the service).
    pub mail: Arc<MailOutboxService>,
    /// Abuse limits (CONTRACT 9.2), checked by handlers before the use case with the
    /// `ClientIp` extractor: `state.limits.signin(ip.as_str(), email)`, `forgot_password`,
    /// `reset_password`, `account_change`, `cv_upload`, `job_creation`, `user_action`.
    pub limits: Arc<Limits>,
    /// The public pages' figures and company directory.
    pub directory: Arc<DirectoryService>,
    /// The back-office's companies.
    pub company_admin: Arc<CompanyAdminService>,
    /// Accounts created by an admin, and their set-password links.
    pub invitations: Arc<InvitationService>,
    /// Candidates' job alerts.
    pub job_alerts: Arc<JobAlertService>,
    /// Alert delivery: the unsubscribe link here, the server's scheduler for the passes.
    pub alert_delivery: Arc<AlertDeliveryService>,
    /// The public contact form.
    pub contact: Arc<ContactService>,
}

/// HTTP-level settings, passed in explicitly by the server (never read from the environment here).
#[derive(Clone, Debug)]
pub struct HttpSettings {
    pub cors: CorsPolicy,
    /// Largest accepted JSON body, in bytes (CONTRACT 8.17: 1 MiB).
    pub json_limit: usize,
    /// `TRUSTED_PROXY_HOPS`: how many proxies in front append to `X-Forwarded-For` (see
    /// `client_ip`). 0 = the socket peer is the client.
    pub trusted_proxy_hops: usize,
    /// `FORCE_HTTPS`: HSTS on every response and a 308 for plain-HTTP requests (9.9).
    pub force_https: bool,
    /// `PUBLIC_API_URL`: the origin the HTTPS redirect points at. `None`: the request's `Host`
    /// header, checked to be a plain authority.
    pub public_origin: Option<String>,
    /// `API_DOCS_ENABLED`: serve `/openapi.json` and Swagger UI at `/docs` (8.18, on by default).
    pub api_docs: bool,
    /// `JSON_BODY_TIMEOUT_SECS`: a JSON body must have arrived whole this long after its head
    /// (else 408 and the connection closed).
    pub json_body_timeout: Duration,
    /// `UPLOAD_BODY_TIMEOUT_SECS`: the same for a CV upload, longer for slow links.
    pub upload_body_timeout: Duration,
    /// `MAX_REQUESTS_IN_FLIGHT_PER_CLIENT`: requests one client address may have in progress
    /// at once (see `client_slots`). One value shared by every worker.
    pub client_slots: ClientSlots,
}

impl Default for HttpSettings {
    fn default() -> Self {
        Self {
            cors: CorsPolicy::default(),
            json_limit: 1024 * 1024,
            trusted_proxy_hops: 0,
            force_https: false,
            public_origin: None,
            api_docs: true,
            json_body_timeout: Duration::from_secs(30),
            upload_body_timeout: Duration::from_secs(120),
            client_slots: ClientSlots::new(0),
        }
    }
}
