//! The mail delivery worker of this instance (HEAD 10.13): a pass over the outbox every
//! `MAIL_POLL_INTERVAL_SECS`, and at once when this process queues a mail. Every instance runs
//! one; the outbox's claims keep them from sending a mail twice. It stops with the server,
//! after the pass in progress (bounded), so a mail being sent is recorded; whatever a stop
//! interrupts anyway is retried when its claim runs out.

use std::sync::Arc;
use std::time::Duration;

use actix_web::rt::task::JoinHandle;
use intowork_domain::RepoError;
use intowork_domain::mail::MailOutboxService;
use intowork_storage::Outbox;
use tokio::sync::watch;
use tracing::{Instrument, debug, info, info_span, warn};

/// How long a stop waits for the pass in progress: a batch of sends is bounded by the SMTP
/// timeout, and the claims of what is cut short run out by themselves.
const STOP_GRACE: Duration = Duration::from_secs(20);

pub(super) struct MailWorker {
    stop: watch::Sender<bool>,
    task: JoinHandle<()>,
}

impl MailWorker {
    pub(super) fn spawn(
        service: Arc<MailOutboxService>,
        outbox: Outbox,
        poll_interval: Duration,
    ) -> MailWorker {
        let (stop, stopped) = watch::channel(false);
        let task = actix_web::rt::spawn(
            run(service, outbox, poll_interval, stopped).instrument(info_span!("mail_worker")),
        );
        MailWorker { stop, task }
    }

    /// Stops after the current pass, waiting at most [`STOP_GRACE`].
    pub(super) async fn stop(self) {
        let _ = self.stop.send(true);
        if tokio::time::timeout(STOP_GRACE, self.task).await.is_err() {
            warn!("mail delivery pass still running at shutdown; its claims will run out");
        }
    }
}

async fn run(
    service: Arc<MailOutboxService>,
    outbox: Outbox,
    poll_interval: Duration,
    mut stopped: watch::Receiver<bool>,
) {
    loop {
        if *stopped.borrow() {
            break;
        }
        match service.deliver_due().await {
            Ok(report) if report.is_empty() => {}
            Ok(report) => info!(
                sent = report.sent,
                retrying = report.retrying,
                failed = report.failed,
                deferred = report.deferred,
                "mail delivery pass"
            ),
            // The database is not up yet (or went away): start-up keeps retrying it.
            Err(RepoError::Unavailable(e)) => {
                debug!(error = %e, "mail delivery waits for the database")
            }
            Err(e) => warn!(error = %e, "mail delivery pass failed"),
        }
        tokio::select! {
            () = tokio::time::sleep(poll_interval) => {}
            () = outbox.queued() => {}
            _ = stopped.changed() => break,
        }
    }
    debug!("mail delivery worker stopped");
}
