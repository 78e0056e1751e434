//! Everything the HTTP app needs, built in the order whose failures and log lines operators know:
//! the signing secret, the file store, the mailer, then the rate-limit store; and what the mail
//! delivery worker runs with.

use std::sync::Arc;

use intowork_auth::{Argon2Hasher, hashing_threads_for};
use intowork_domain::job_alert::AlertDeliveryService;
use intowork_domain::mail::MailOutboxService;
use intowork_http::AppState;
use intowork_storage::{Database, JobViewCounter, Outbox};

use super::adapters::{file_store, outbox};
use super::alerts::{alert_delivery_service, contact_service, job_alert_service};
use super::error::WiringError;
use super::services::{
    Shared, admin_service, auth_service, company_admin_service, cv_builder_service,
    dashboard_service, directory_service, health_service, hiring_services, invitation_service,
    mail_service, notification_service, recovery_service, report_service,
};
use super::{rate_limits, signing_secret};
use crate::settings::Settings;

/// What the server's background tasks run with: the mail delivery worker's service (the one the
/// admin list reads through) and the queue that wakes it when this process queues a mail, the
/// job alert scheduler's passes, and the job views to write.
pub struct BackgroundWork {
    pub service: Arc<MailOutboxService>,
    pub outbox: Outbox,
    pub alerts: Arc<AlertDeliveryService>,
    pub job_views: JobViewCounter,
}

pub async fn app_state(
    settings: &Settings,
    database: &Database,
) -> Result<(AppState, BackgroundWork), WiringError> {
    let secret = signing_secret::resolve(settings).map_err(WiringError::Secret)?;
    let files = file_store(settings)?;
    let shared = Shared::new(
        database.clone(),
        files,
        settings.read_cache_max_bytes,
        outbox(settings),
    );
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    // One hasher for sign-in and password reset: its threads bound argon2's CPU and memory.
    let hasher = Arc::new(Argon2Hasher::new(hashing_threads_for(cores)));
    let recovery = recovery_service(&shared, settings, hasher.clone());
    let invitations = invitation_service(&shared, settings);
    let mail = Arc::new(mail_service(&shared, settings)?);
    let limits = rate_limits::build(settings).await?;
    let hiring = hiring_services(&shared, settings, &secret);
    let alerts = Arc::new(alert_delivery_service(
        &shared,
        settings,
        &secret,
        shared.clock.clone(),
    ));
    let delivery = BackgroundWork {
        service: mail.clone(),
        outbox: shared.outbox.clone(),
        alerts: alerts.clone(),
        job_views: shared.job_views.clone(),
    };
    let state = AppState {
        limits: Arc::new(limits),
        admin: Arc::new(admin_service(&shared)),
        recovery: Arc::new(recovery),
        mail,
        notifications: Arc::new(notification_service(&shared)),
        dashboards: Arc::new(dashboard_service(&shared)),
        reports: Arc::new(report_service(&shared)?),
        auth: Arc::new(auth_service(&shared, hasher, &secret)),
        applications: Arc::new(hiring.applications),
        email_templates: Arc::new(hiring.email_templates),
        companies: Arc::new(hiring.companies),
        jobs: Arc::new(hiring.jobs),
        profiles: Arc::new(hiring.profiles),
        cvs: Arc::new(hiring.cvs),
        cv_builder: Arc::new(cv_builder_service(&shared)),
        health: Arc::new(health_service(&shared)),
        directory: Arc::new(directory_service(&shared)),
        company_admin: Arc::new(company_admin_service(&shared)),
        invitations: Arc::new(invitations),
        images: shared.images(),
        job_alerts: Arc::new(job_alert_service(&shared)),
        alert_delivery: alerts,
        contact: Arc::new(contact_service(&shared, settings)),
    };
    Ok((state, delivery))
}
