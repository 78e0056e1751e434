//! [`JobViewCounter`]: job detail views counted in memory and written in batches, so a view costs
//! no write: the detail's latency no longer follows the database's write latency, and a thousand
//! views of one job become one `UPDATE`.
//!
//! Exactness: the server flushes every few seconds and once more when it stops (SIGTERM), so a
//! restart loses nothing; only a crash (SIGKILL, power loss) loses the views since the last flush.
//! A flush that fails keeps its counts for the next one.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use diesel::prelude::*;
use intowork_domain::RepoError;

use crate::database::{Database, write_tx};
use crate::error::map_db_error;
use crate::schema::jobs;

#[derive(Clone, Debug)]
pub struct JobViewCounter {
    db: Database,
    /// Views not written yet, by job id.
    pending: Arc<Mutex<HashMap<i64, i64>>>,
}

impl JobViewCounter {
    pub fn new(db: Database) -> Self {
        JobViewCounter {
            db,
            pending: Arc::default(),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<i64, i64>> {
        self.pending.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Counts one view of `job`; returns its views not written yet, this one included.
    pub(crate) fn count(&self, job: i64) -> i64 {
        let mut pending = self.lock();
        let n = pending.entry(job).or_insert(0);
        *n += 1;
        *n
    }

    /// How many views wait to be written.
    pub fn pending(&self) -> i64 {
        self.lock().values().sum()
    }

    /// Writes every view counted so far in one transaction, by ascending job id (two instances
    /// flushing at once lock the rows in the same order); a job deleted meanwhile takes its views
    /// with it. Returns how many views were written; on failure they are counted again for the
    /// next flush.
    #[tracing::instrument(name = "db.jobs.flush_views", skip_all)]
    pub async fn flush(&self) -> Result<i64, RepoError> {
        let mut batch: Vec<(i64, i64)> = std::mem::take(&mut *self.lock()).into_iter().collect();
        if batch.is_empty() {
            return Ok(0);
        }
        batch.sort_unstable();
        let total = batch.iter().map(|(_, n)| n).sum();
        let written = batch.clone();
        let result = self
            .db
            .run(move |conn| {
                write_tx(conn, |conn| {
                    for (job, n) in &written {
                        diesel::update(jobs::table.find(job))
                            .set(jobs::views_count.eq(jobs::views_count + n))
                            .execute(conn)?;
                    }
                    Ok(())
                })
                .map_err(map_db_error)
            })
            .await;
        match result {
            Ok(()) => Ok(total),
            Err(e) => {
                let mut pending = self.lock();
                for (job, n) in batch {
                    *pending.entry(job).or_insert(0) += n;
                }
                Err(e)
            }
        }
    }
}
