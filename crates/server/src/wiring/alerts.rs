//! Job alerts and the contact form: the candidate's alerts, their delivery (the scheduler's and
//! `send-alerts`'), and the contact mail.

use std::sync::Arc;

use intowork_auth::HmacLinkSigner;
use intowork_domain::contact::ContactService;
use intowork_domain::job_alert::{AlertDeliveryService, AlertLinks, JobAlertService};
use intowork_domain::ports::Clock;
use intowork_storage::{DieselJobAlertRepository, DieselMailOutbox};

use super::services::Shared;
use crate::settings::{Secret, Settings};

/// Where alert mails link: the unsubscribe route at `PUBLIC_API_URL` (in development, this
/// server on localhost), the jobs at `FRONTEND_URL`.
fn links(settings: &Settings) -> AlertLinks {
    AlertLinks {
        api_origin: settings
            .public_api_url
            .clone()
            .unwrap_or_else(|| format!("http://localhost:{}", settings.port)),
        frontend_origin: settings.mail.frontend_url.clone(),
    }
}

fn repository(s: &Shared) -> Arc<DieselJobAlertRepository> {
    Arc::new(DieselJobAlertRepository::new(
        s.database.clone(),
        s.outbox.clone(),
    ))
}

pub(super) fn job_alert_service(s: &Shared) -> JobAlertService {
    JobAlertService::new(repository(s), s.clock.clone())
}

/// `clock`: the system clock in the server; `send-alerts --at` passes a fixed one.
pub(super) fn alert_delivery_service(
    s: &Shared,
    settings: &Settings,
    secret: &Secret,
    clock: Arc<dyn Clock>,
) -> AlertDeliveryService {
    AlertDeliveryService::new(
        repository(s),
        Arc::new(HmacLinkSigner::new(secret.expose().as_bytes())),
        clock,
        links(settings),
    )
}

pub(super) fn contact_service(s: &Shared, settings: &Settings) -> ContactService {
    ContactService::new(
        Arc::new(DieselMailOutbox::new(s.database.clone(), s.outbox.clone())),
        s.clock.clone(),
        settings.mail.contact_email.clone(),
    )
}
