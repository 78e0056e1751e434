//! The job alert scheduler of this instance (HEAD 10.16): one delivery pass a minute, so an
//! instant alert is mailed well within five minutes of a matching job's publication. Every
//! instance runs one; a delivery is written only if nobody delivered the alert since it was read
//! (see `AlertDeliveryService`), so replicas never mail one alert twice. The mails go to the
//! outbox, which the mail worker delivers.

use std::sync::Arc;
use std::time::Duration;

use actix_web::rt::task::JoinHandle;
use intowork_domain::RepoError;
use intowork_domain::job_alert::AlertDeliveryService;
use tokio::sync::watch;
use tracing::{Instrument, debug, info_span, warn};

/// Between two passes.
pub(super) const PASS_INTERVAL: Duration = Duration::from_secs(60);
/// How long a stop waits for the pass in progress (it only reads and writes the database).
const STOP_GRACE: Duration = Duration::from_secs(10);

pub(super) struct AlertScheduler {
    stop: watch::Sender<bool>,
    task: JoinHandle<()>,
}

impl AlertScheduler {
    pub(super) fn spawn(service: Arc<AlertDeliveryService>) -> AlertScheduler {
        let (stop, stopped) = watch::channel(false);
        let task =
            actix_web::rt::spawn(run(service, stopped).instrument(info_span!("alert_scheduler")));
        AlertScheduler { stop, task }
    }

    pub(super) async fn stop(self) {
        let _ = self.stop.send(true);
        if tokio::time::timeout(STOP_GRACE, self.task).await.is_err() {
            warn!("job alert pass still running at shutdown; the next pass redoes what it left");
        }
    }
}

async fn run(service: Arc<AlertDeliveryService>, mut stopped: watch::Receiver<bool>) {
    loop {
        tokio::select! {
            () = tokio::time::sleep(PASS_INTERVAL) => {}
            _ = stopped.changed() => break,
        }
        if *stopped.borrow() {
            break;
        }
        match service.run_pass().await {
            Ok(_) => {}
            Err(RepoError::Unavailable(e)) => {
                debug!(error = %e, "job alerts wait for the database")
            }
            Err(e) => warn!(error = %e, "job alert pass failed"),
        }
    }
    debug!("job alert scheduler stopped");
}
