//! Writes the job views this instance counted (see `intowork_storage::JobViewCounter`) every
//! [`FLUSH_INTERVAL`], and once more when the server stops, after the last request: a restart
//! (SIGTERM) loses no view.

use std::time::Duration;

use actix_web::rt::task::JoinHandle;
use intowork_domain::RepoError;
use intowork_storage::JobViewCounter;
use tokio::sync::watch;
use tracing::{Instrument, debug, info, info_span, warn};

/// How long a view may wait to be written: what a crash can lose, and how far behind the lists'
/// counts may be (the detail shows the pending views too).
const FLUSH_INTERVAL: Duration = Duration::from_secs(5);

pub(super) struct ViewFlusher {
    stop: watch::Sender<bool>,
    task: JoinHandle<()>,
}

impl ViewFlusher {
    pub(super) fn spawn(views: JobViewCounter) -> ViewFlusher {
        let (stop, stopped) = watch::channel(false);
        let task = actix_web::rt::spawn(run(views, stopped).instrument(info_span!("view_flusher")));
        ViewFlusher { stop, task }
    }

    /// Writes what is left, then returns.
    pub(super) async fn stop(self) {
        let _ = self.stop.send(true);
        if let Err(e) = self.task.await {
            warn!(error = %e, "job view flusher ended abnormally");
        }
    }
}

async fn run(views: JobViewCounter, mut stopped: watch::Receiver<bool>) {
    loop {
        let stopping = tokio::select! {
            () = tokio::time::sleep(FLUSH_INTERVAL) => false,
            _ = stopped.changed() => true,
        };
        match views.flush().await {
            Ok(0) => {}
            Ok(n) => debug!(views = n, "job views written"),
            // Kept for the next flush; the database may be coming back.
            Err(RepoError::Unavailable(e)) => debug!(error = %e, "job views wait for the database"),
            Err(e) => warn!(error = %e, "writing job views failed; kept for the next flush"),
        }
        if stopping {
            let left = views.pending();
            if left > 0 {
                warn!(views = left, "job views not written at shutdown");
            } else {
                info!("job views written at shutdown");
            }
            break;
        }
    }
}
