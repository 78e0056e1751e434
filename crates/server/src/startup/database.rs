//! The database at start (CONTRACT 9.5): one bounded attempt, then serve anyway and keep retrying
//! in the background, so that liveness answers at once while readiness says 503.

use std::time::Duration;

use intowork_storage::{Database, StorageError};
use tracing::{info, warn};

const RETRY_EVERY: Duration = Duration::from_secs(2);
const FIRST_ATTEMPT_BOUND: Duration = Duration::from_secs(2);

/// One attempt now; on failure, serve anyway and retry in the background until it works.
pub(super) async fn bring_up_database(db: Database, migrate: bool) {
    let attempt_db = db.clone();
    // Bounded: an unreachable server would otherwise hold the start-up for the whole pool timeout
    // while the port is bound but not answering (liveness must answer at once, 9.5). An attempt
    // still running when the bound passes completes in the background.
    let first = tokio::time::timeout(
        FIRST_ATTEMPT_BOUND,
        tokio::task::spawn_blocking(move || attempt(&attempt_db, migrate)),
    )
    .await;
    match &first {
        Ok(Ok(Ok(()))) => return,
        Ok(Ok(Err(e))) => {
            warn!(error = %e, "database not available at start; serving and retrying in the background");
        }
        Ok(Err(e)) => {
            warn!(error = %e, "database start-up task failed; retrying in the background")
        }
        Err(_) => warn!("database slow to answer at start; serving and retrying in the background"),
    }
    actix_web::rt::spawn(retry_until_available(db, migrate));
}

async fn retry_until_available(db: Database, migrate: bool) {
    loop {
        actix_web::rt::time::sleep(RETRY_EVERY).await;
        let db = db.clone();
        match tokio::task::spawn_blocking(move || attempt(&db, migrate)).await {
            Ok(Ok(())) => {
                info!("database is available");
                break;
            }
            Ok(Err(e)) => warn!(error = %e, "database still unavailable"),
            Err(e) => warn!(error = %e, "database start-up task failed"),
        }
    }
}

fn attempt(db: &Database, migrate: bool) -> Result<(), StorageError> {
    // Fails fast when the server refuses connections, instead of waiting out the pool timeout.
    db.probe()?;
    if migrate {
        // The storage adapter logs what it applied.
        db.run_migrations()?;
    } else {
        db.check_connection()?;
    }
    db.set_ready(true);
    Ok(())
}
