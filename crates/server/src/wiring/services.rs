//! Each service over its repositories. The storage adapter's repository types are named here and
//! nowhere else in the binary.

use std::sync::Arc;

use intowork_auth::{HmacLinkSigner, JwtTokenIssuer, RandomCvNames, RandomResetTokens};
use intowork_domain::admin::AdminService;
use intowork_domain::admin::companies::CompanyAdminService;
use intowork_domain::admin::invitations::InvitationService;
use intowork_domain::application::ApplicationService;
use intowork_domain::auth::AuthService;
use intowork_domain::candidate::ProfileService;
use intowork_domain::cleanup::CvCleanup;
use intowork_domain::company::CompanyService;
use intowork_domain::cv::{CvLimits, CvService};
use intowork_domain::cv_builder::CvBuilderService;
use intowork_domain::dashboard::DashboardService;
use intowork_domain::directory::DirectoryService;
use intowork_domain::email_template::EmailTemplateService;
use intowork_domain::files::FileStore;
use intowork_domain::health::HealthService;
use intowork_domain::image::ImageStore;
use intowork_domain::job::{JobRepository, JobService};
use intowork_domain::mail::{DeliveryPolicy, MailOutboxService};
use intowork_domain::notification::NotificationService;
use intowork_domain::ports::{Clock, PasswordHasher, SystemClock, UserRepository};
use intowork_domain::recovery::{PasswordResetService, RecoverySettings};
use intowork_domain::reports::{RenderError, ReportService};
use intowork_files::UuidKeyGenerator;
use intowork_mail::MailConfigError;
use intowork_reports::PdfRenderer;
use intowork_storage::{
    CachedDirectory, CachedJobs, DEFAULT_SEARCH_INDEX_MAX_AGE, Database,
    DieselAdminCompanyRepository, DieselAdminRepository, DieselApplicationRepository,
    DieselCandidateRepository, DieselCompanyRepository, DieselCvBuilderRepository,
    DieselCvMaintenance, DieselCvRepository, DieselDashboardRepository, DieselDirectoryRepository,
    DieselEmailTemplateRepository, DieselHealth, DieselInvitationRepository, DieselJobRepository,
    DieselMailOutbox, DieselNotificationRepository, DieselReportRepository,
    DieselResetTokenRepository, DieselUserRepository, JobSearchIndex, JobViewCounter, Outbox,
    ReadCaches,
};

use super::adapters::mailer;
use crate::settings::{Secret, Settings};

/// What most services share: one database, the configured file store, the clock, the read
/// caches (one set per process, read through the cached job repository and evicted by the
/// repositories whose writes change a cached answer; a command gets its own, unused set: its
/// writes reach the servers' caches within their TTL) and the mail outbox queue, which the
/// repositories that queue mail hold and which wakes this process's delivery worker.
pub(super) struct Shared {
    pub(super) database: Database,
    pub(super) files: Arc<dyn FileStore>,
    pub(super) clock: Arc<dyn Clock>,
    pub(super) caches: ReadCaches,
    pub(super) outbox: Outbox,
    /// The public search's snapshot of the open jobs, read on the first search (one per process,
    /// made stale by the events published to `caches`).
    search_index: JobSearchIndex,
    /// Job detail views, written in batches by the server's flusher (one per process).
    pub(super) job_views: JobViewCounter,
}

impl Shared {
    /// The read caches hold at most about `cache_bytes` together.
    pub(super) fn new(
        database: Database,
        files: Arc<dyn FileStore>,
        cache_bytes: usize,
        outbox: Outbox,
    ) -> Shared {
        let caches = ReadCaches::bounded(cache_bytes);
        Shared {
            database: database.clone(),
            files,
            clock: Arc::new(SystemClock),
            caches: caches.clone(),
            outbox,
            search_index: JobSearchIndex::new(
                database.clone(),
                caches,
                DEFAULT_SEARCH_INDEX_MAX_AGE,
            ),
            job_views: JobViewCounter::new(database),
        }
    }

    /// Job pictures and company logos in the file store, under random keys.
    pub(super) fn images(&self) -> ImageStore {
        ImageStore::new(self.files.clone(), Arc::new(UuidKeyGenerator))
    }

    /// The job repository behind its read cache.
    fn jobs(&self) -> Arc<dyn JobRepository> {
        let jobs = DieselJobRepository::new(self.database.clone())
            .with_search_index(self.search_index.clone())
            .with_view_counter(self.job_views.clone());
        Arc::new(CachedJobs::new(jobs, self.caches.clone()))
    }
}

pub(super) fn auth_service(
    s: &Shared,
    hasher: Arc<dyn PasswordHasher>,
    secret: &Secret,
) -> AuthService {
    AuthService::new(
        user_repository(&s.database, &s.caches),
        hasher,
        Arc::new(JwtTokenIssuer::with_default_ttl(secret.expose().as_bytes())),
        s.files.clone(),
        s.clock.clone(),
    )
}

/// Profiles, CVs, companies, jobs, applications and email templates, which share the candidate and company
/// repositories.
pub(super) struct HiringServices {
    pub(super) profiles: ProfileService,
    pub(super) cvs: CvService,
    pub(super) companies: CompanyService,
    pub(super) jobs: JobService,
    pub(super) applications: ApplicationService,
    pub(super) email_templates: EmailTemplateService,
}

pub(super) fn hiring_services(s: &Shared, settings: &Settings, secret: &Secret) -> HiringServices {
    let db = &s.database;
    let candidates = Arc::new(DieselCandidateRepository::new(db.clone()));
    let companies =
        Arc::new(DieselCompanyRepository::new(db.clone()).with_caches(s.caches.clone()));
    let cvs = CvService::new(
        Arc::new(DieselCvRepository::new(db.clone())),
        candidates.clone(),
        s.files.clone(),
        Arc::new(UuidKeyGenerator),
        Arc::new(HmacLinkSigner::new(secret.expose().as_bytes())),
        s.clock.clone(),
        CvLimits {
            max_bytes: settings.max_upload_mib * 1024 * 1024,
            max_cvs: settings.max_cvs_per_candidate,
        },
    );
    let applications = DieselApplicationRepository::new(db.clone())
        .with_caches(s.caches.clone())
        .with_outbox(s.outbox.clone());
    let templates = Arc::new(DieselEmailTemplateRepository::new(db.clone()));
    HiringServices {
        email_templates: EmailTemplateService::new(templates, companies.clone(), s.clock.clone()),
        profiles: ProfileService::new(candidates.clone(), s.clock.clone()),
        cvs,
        companies: CompanyService::new(companies.clone(), s.clock.clone(), s.images()),
        jobs: JobService::new(s.jobs(), companies.clone(), s.clock.clone(), s.images()),
        applications: ApplicationService::new(
            Arc::new(applications),
            candidates,
            companies,
            s.clock.clone(),
        ),
    }
}

pub(super) fn notification_service(s: &Shared) -> NotificationService {
    let notifications = DieselNotificationRepository::new(s.database.clone());
    NotificationService::new(Arc::new(notifications), s.clock.clone())
}

pub(super) fn dashboard_service(s: &Shared) -> DashboardService {
    // The candidate's "open jobs" figure is the public job total, read through the cache.
    let dashboards = DieselDashboardRepository::new(s.database.clone()).with_jobs(s.jobs());
    DashboardService::new(Arc::new(dashboards), s.clock.clone())
}

pub(super) fn cv_builder_service(s: &Shared) -> CvBuilderService {
    let documents = DieselCvBuilderRepository::new(s.database.clone());
    CvBuilderService::new(
        Arc::new(documents),
        s.images(),
        Arc::new(RandomCvNames),
        s.clock.clone(),
    )
}

/// The reports read the dashboard's figures and funnel and the admin statistics through the same
/// repositories as those routes, and render with the pure-Rust PDF adapter.
pub(super) fn report_service(s: &Shared) -> Result<ReportService, RenderError> {
    let dashboards = DieselDashboardRepository::new(s.database.clone()).with_jobs(s.jobs());
    Ok(ReportService::new(
        Arc::new(DieselReportRepository::new(s.database.clone())),
        Arc::new(dashboards),
        Arc::new(DieselAdminRepository::new(s.database.clone())),
        Arc::new(PdfRenderer::new()?),
        s.clock.clone(),
    ))
}

pub(super) fn health_service(s: &Shared) -> HealthService {
    let database = DieselHealth::new(s.database.clone());
    HealthService::new(Arc::new(database), s.files.clone())
}

pub(super) fn admin_service(s: &Shared) -> AdminService {
    let admin = DieselAdminRepository::new(s.database.clone()).with_caches(s.caches.clone());
    AdminService::new(Arc::new(admin), s.files.clone(), s.clock.clone())
}

/// The public pages, behind their read cache.
pub(super) fn directory_service(s: &Shared) -> DirectoryService {
    let directory = DieselDirectoryRepository::new(s.database.clone());
    DirectoryService::new(Arc::new(CachedDirectory::new(directory, s.caches.clone())))
}

pub(super) fn company_admin_service(s: &Shared) -> CompanyAdminService {
    let companies =
        DieselAdminCompanyRepository::new(s.database.clone()).with_caches(s.caches.clone());
    CompanyAdminService::new(Arc::new(companies), s.clock.clone())
}

/// Set-password links point where reset links do and are queued in the same outbox.
pub(super) fn invitation_service(s: &Shared, settings: &Settings) -> InvitationService {
    let admin = DieselAdminRepository::new(s.database.clone()).with_caches(s.caches.clone());
    InvitationService::new(
        Arc::new(admin),
        Arc::new(DieselInvitationRepository::new(
            s.database.clone(),
            s.outbox.clone(),
        )),
        Arc::new(RandomResetTokens),
        s.clock.clone(),
        recovery_settings(settings),
    )
}

fn recovery_settings(settings: &Settings) -> RecoverySettings {
    RecoverySettings {
        frontend_url: settings.mail.frontend_url.clone(),
        reset_path: settings.mail.reset_path.clone(),
    }
}

pub(super) fn recovery_service(
    s: &Shared,
    settings: &Settings,
    hasher: Arc<dyn PasswordHasher>,
) -> PasswordResetService {
    let resets = DieselResetTokenRepository::new(s.database.clone(), s.outbox.clone());
    PasswordResetService::new(
        user_repository(&s.database, &s.caches),
        Arc::new(resets),
        Arc::new(RandomResetTokens),
        hasher,
        s.clock.clone(),
        recovery_settings(settings),
    )
}

/// Delivery of the outbox through the configured mailer, and its admin list.
pub(super) fn mail_service(
    s: &Shared,
    settings: &Settings,
) -> Result<MailOutboxService, MailConfigError> {
    let policy = DeliveryPolicy {
        max_attempts: settings.mail.max_attempts,
        retry_base: chrono::TimeDelta::from_std(settings.mail.retry_base)
            .unwrap_or(DeliveryPolicy::default().retry_base),
        ..DeliveryPolicy::default()
    };
    Ok(MailOutboxService::new(
        Arc::new(DieselMailOutbox::new(s.database.clone(), s.outbox.clone())),
        mailer(settings)?,
        s.clock.clone(),
        policy,
    ))
}

pub(super) fn cv_cleanup(s: &Shared) -> CvCleanup {
    let maintenance = DieselCvMaintenance::new(s.database.clone());
    CvCleanup::new(Arc::new(maintenance), s.files.clone(), s.clock.clone())
}

/// `caches`: the read caches that deleting an account evicts from.
pub(super) fn user_repository(database: &Database, caches: &ReadCaches) -> Arc<dyn UserRepository> {
    Arc::new(DieselUserRepository::new(database.clone()).with_caches(caches.clone()))
}
