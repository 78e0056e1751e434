//! Builds the app over mock ports and offers small request helpers.

use std::sync::Arc;

use actix_web::body::MessageBody;
use actix_web::dev::{Service, ServiceResponse};
use actix_web::{test, web};
use chrono::{DateTime, TimeZone, Utc};
use intowork_domain::UserId;
use intowork_domain::admin::companies::{CompanyAdminService, MockAdminCompanyRepository};
use intowork_domain::admin::invitations::{InvitationService, MockInvitationRepository};
use intowork_domain::admin::{AdminService, MockAdminRepository};
use intowork_domain::application::{ApplicationService, MockApplicationRepository};
use intowork_domain::auth::AuthService;
use intowork_domain::candidate::{MockCandidateRepository, ProfileService};
use intowork_domain::company::{CompanyService, MockCompanyRepository};
use intowork_domain::contact::ContactService;
use intowork_domain::cv::{
    CvLimits, CvService, MockCvRepository, MockKeyGenerator, MockLinkSigner,
};
use intowork_domain::cv_builder::{CvBuilderService, MockCvBuilderNames, MockCvBuilderRepository};
use intowork_domain::dashboard::{DashboardService, MockDashboardRepository};
use intowork_domain::directory::{DirectoryService, MockDirectoryRepository};
use intowork_domain::email_template::{EmailTemplateService, MockEmailTemplateRepository};
use intowork_domain::files::MockFileStore;
use intowork_domain::health::HealthService;
use intowork_domain::image::{ImageStore, MockImageKeys};
use intowork_domain::job::{JobService, MockJobRepository};
use intowork_domain::job_alert::{
    AlertDeliveryService, AlertLinks, JobAlertService, MockJobAlertRepository,
};
use intowork_domain::limits::{Limits, RateBudgets};
use intowork_domain::mail::{DeliveryPolicy, MailOutboxService, MockMailOutbox, MockMailer};
use intowork_domain::notification::{MockNotificationRepository, NotificationService};
use intowork_domain::ports::{
    IssuedToken, MockClock, MockDatabaseHealth, MockPasswordHasher, MockTokenIssuer,
    MockUserRepository, TokenClaims,
};
use intowork_domain::recovery::{
    MockResetTokenRepository, MockResetTokens, PasswordResetService, RecoverySettings,
};
use intowork_domain::reports::{MockReportRenderer, MockReportRepository, ReportService};
use intowork_domain::user::{Role, User};
use intowork_http::{AppState, HttpSettings, build_app};
use serde_json::Value;

/// 1 MiB and 3 CVs in the HTTP tests, so the size limits are cheap to exercise.
pub const CV_LIMITS: CvLimits = CvLimits {
    max_bytes: 1024 * 1024,
    max_cvs: 3,
};

pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 10, 0, 0).unwrap()
}

pub fn user(id: i64, role: Role) -> User {
    User {
        id: UserId(id),
        email: format!("user{id}@example.com"),
        role,
        first_name: "Jane".into(),
        last_name: "Doe".into(),
        name: Some("Jane Doe".into()),
        image: None,
        is_active: true,
        token_version: 0,
        password_hash: Some("$argon2id$x".into()),
        created_at: now(),
        updated_at: now(),
    }
}

#[derive(Default)]
pub struct Mocks {
    pub users: MockUserRepository,
    pub hasher: MockPasswordHasher,
    pub tokens: MockTokenIssuer,
    pub files: MockFileStore,
    pub db: MockDatabaseHealth,
    pub candidates: MockCandidateRepository,
    pub cvs: MockCvRepository,
    pub keys: MockKeyGenerator,
    /// Keys of uploaded images (they are written through `files`).
    pub image_keys: MockImageKeys,
    pub signer: MockLinkSigner,
    pub companies: MockCompanyRepository,
    pub jobs: MockJobRepository,
    pub notifications: MockNotificationRepository,
    pub dashboards: MockDashboardRepository,
    pub applications: MockApplicationRepository,
    pub admin: MockAdminRepository,
    pub resets: MockResetTokenRepository,
    pub reset_tokens: MockResetTokens,
    /// The outbox and mailer of the mail service (its admin list).
    pub outbox: MockMailOutbox,
    pub mailer: MockMailer,
    /// The hasher of the password-reset service (the auth service has its own).
    pub reset_hasher: MockPasswordHasher,
    /// The users repository of the password-reset service.
    pub reset_users: MockUserRepository,
    pub cv_documents: MockCvBuilderRepository,
    pub cv_names: MockCvBuilderNames,
    pub reports: MockReportRepository,
    pub renderer: MockReportRenderer,
    /// The dashboard repository of the report service (the dashboard service has its own).
    pub report_dashboards: MockDashboardRepository,
    /// The admin repository of the report service.
    pub report_admin: MockAdminRepository,
    pub directory: MockDirectoryRepository,
    pub company_admin: MockAdminCompanyRepository,
    pub invitations: MockInvitationRepository,
    /// The user look-ups and token generator of the account-creation service.
    pub invite_users: MockAdminRepository,
    pub invite_tokens: MockResetTokens,
    pub templates: MockEmailTemplateRepository,
    /// Job alerts: one repository behind the alert and delivery services.
    pub job_alerts: MockJobAlertRepository,
    pub alert_signer: MockLinkSigner,
    /// The outbox of the contact form (`CONTACT_EMAIL` is `contact@intowork.test`).
    pub contact_outbox: MockMailOutbox,
}

impl Mocks {
    pub fn new() -> Self {
        Self::default()
    }

    /// Tokens of the form `valid-<user id>-<version>` verify; `expired` is expired; anything else
    /// is invalid. Users 1..=9 exist with the role given by `role_of`.
    pub fn with_tokens(mut self) -> Self {
        self.tokens.expect_verify().returning(|t| {
            if t == "expired" {
                return Err(intowork_domain::ports::TokenError::Expired);
            }
            let parts: Vec<&str> = t.split('-').collect();
            match parts.as_slice() {
                ["valid", id, ver] => Ok(TokenClaims {
                    user_id: UserId(id.parse().unwrap()),
                    token_version: ver.parse().unwrap(),
                }),
                _ => Err(intowork_domain::ports::TokenError::Invalid),
            }
        });
        self.tokens.expect_issue().returning(|u, _| {
            Ok(IssuedToken {
                access_token: format!("valid-{}-{}", u.id, u.token_version),
                expires_at: now(),
            })
        });
        self
    }

    pub fn with_user(mut self, u: User) -> Self {
        let id = u.id;
        self.users
            .expect_find_by_id()
            .withf(move |q| *q == id)
            .returning(move |_| Ok(Some(u.clone())));
        self
    }
}

pub async fn make_app(
    m: Mocks,
) -> impl Service<
    actix_http::Request,
    Response = ServiceResponse<impl MessageBody>,
    Error = actix_web::Error,
> {
    app_with_settings(m, HttpSettings::default()).await
}

pub async fn app_with_settings(
    m: Mocks,
    settings: HttpSettings,
) -> impl Service<
    actix_http::Request,
    Response = ServiceResponse<impl MessageBody>,
    Error = actix_web::Error,
> {
    app_with_limits(m, settings, RateBudgets::default()).await
}

/// The app with its own in-memory limiter and these budgets (each app starts with fresh counts).
pub async fn app_with_limits(
    m: Mocks,
    settings: HttpSettings,
    budgets: RateBudgets,
) -> impl Service<
    actix_http::Request,
    Response = ServiceResponse<impl MessageBody>,
    Error = actix_web::Error,
> {
    let mut clock = MockClock::new();
    clock.expect_now().returning(now);
    let clock = Arc::new(clock);
    let files = Arc::new(m.files);
    let candidates = Arc::new(m.candidates);
    let companies = Arc::new(m.companies);
    let images = ImageStore::new(files.clone(), Arc::new(m.image_keys));
    let admin = AdminService::new(Arc::new(m.admin), files.clone(), clock.clone());
    let recovery = PasswordResetService::new(
        Arc::new(m.reset_users),
        Arc::new(m.resets),
        Arc::new(m.reset_tokens),
        Arc::new(m.reset_hasher),
        clock.clone(),
        RecoverySettings {
            frontend_url: "http://front.test".into(),
            reset_path: "/reset-password".into(),
        },
    );
    let invitations = InvitationService::new(
        Arc::new(m.invite_users),
        Arc::new(m.invitations),
        Arc::new(m.invite_tokens),
        clock.clone(),
        RecoverySettings {
            frontend_url: "http://front.test".into(),
            reset_path: "/reset-password".into(),
        },
    );
    let alerts = Arc::new(m.job_alerts);
    let alert_delivery = AlertDeliveryService::new(
        alerts.clone(),
        Arc::new(m.alert_signer),
        clock.clone(),
        AlertLinks {
            api_origin: "http://api.test".into(),
            frontend_origin: "http://front.test".into(),
        },
    );
    let state = AppState {
        email_templates: Arc::new(EmailTemplateService::new(
            Arc::new(m.templates),
            companies.clone(),
            clock.clone(),
        )),
        job_alerts: Arc::new(JobAlertService::new(alerts, clock.clone())),
        alert_delivery: Arc::new(alert_delivery),
        contact: Arc::new(ContactService::new(
            Arc::new(m.contact_outbox),
            clock.clone(),
            Some("contact@intowork.test".into()),
        )),
        directory: Arc::new(DirectoryService::new(Arc::new(m.directory))),
        company_admin: Arc::new(CompanyAdminService::new(
            Arc::new(m.company_admin),
            clock.clone(),
        )),
        invitations: Arc::new(invitations),
        admin: Arc::new(admin),
        recovery: Arc::new(recovery),
        mail: Arc::new(MailOutboxService::new(
            Arc::new(m.outbox),
            Arc::new(m.mailer),
            clock.clone(),
            DeliveryPolicy::default(),
        )),
        limits: Arc::new(Limits::new(
            Arc::new(intowork_ratelimit::MemoryRateLimiter::new()),
            budgets,
        )),
        notifications: Arc::new(NotificationService::new(
            Arc::new(m.notifications),
            clock.clone(),
        )),
        dashboards: Arc::new(DashboardService::new(Arc::new(m.dashboards), clock.clone())),
        reports: Arc::new(ReportService::new(
            Arc::new(m.reports),
            Arc::new(m.report_dashboards),
            Arc::new(m.report_admin),
            Arc::new(m.renderer),
            clock.clone(),
        )),
        companies: Arc::new(CompanyService::new(
            companies.clone(),
            clock.clone(),
            images.clone(),
        )),
        jobs: Arc::new(JobService::new(
            Arc::new(m.jobs),
            companies.clone(),
            clock.clone(),
            images.clone(),
        )),
        cv_builder: Arc::new(CvBuilderService::new(
            Arc::new(m.cv_documents),
            images.clone(),
            Arc::new(m.cv_names),
            clock.clone(),
        )),
        images,
        applications: Arc::new(ApplicationService::new(
            Arc::new(m.applications),
            candidates.clone(),
            companies,
            clock.clone(),
        )),
        auth: Arc::new(AuthService::new(
            Arc::new(m.users),
            Arc::new(m.hasher),
            Arc::new(m.tokens),
            files.clone(),
            clock.clone(),
        )),
        health: Arc::new(HealthService::new(Arc::new(m.db), files.clone())),
        profiles: Arc::new(ProfileService::new(candidates.clone(), clock.clone())),
        cvs: Arc::new(CvService::new(
            Arc::new(m.cvs),
            candidates,
            files,
            Arc::new(m.keys),
            Arc::new(m.signer),
            clock,
            CV_LIMITS,
        )),
    };
    test::init_service(build_app(web::Data::new(state), web::Data::new(settings))).await
}

/// Sends a request and returns status, headers and the JSON body (`Value::Null` when empty).
pub async fn send<S, B>(
    app: &S,
    req: test::TestRequest,
) -> (u16, actix_web::http::header::HeaderMap, Value)
where
    S: Service<actix_http::Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    let req = req.to_request();
    let method = req.method().as_str().to_ascii_lowercase();
    let path = req.path().to_owned();
    let res = test::call_service(app, req).await;
    let status = res.status().as_u16();
    let headers = res.headers().clone();
    let bytes = test::read_body(res).await;
    let body = if bytes.is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(&bytes).unwrap_or_else(|_| {
            panic!(
                "non-JSON body ({status}): {}",
                String::from_utf8_lossy(&bytes)
            )
        })
    };
    // Every JSON answer of the HTTP tests is also checked against the OpenAPI document.
    crate::spec_check::check(&method, &path, status, &body);
    (status, headers, body)
}

pub fn bearer(token: &str) -> (&'static str, String) {
    ("Authorization", format!("Bearer {token}"))
}
