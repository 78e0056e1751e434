//! Delivering alerts (HEAD 10.16): one pass mails every due alert the matching jobs it has
//! never sent. `instant` alerts are due at every pass (the scheduler runs one a minute, well
//! within the five minutes promised); `daily` and `weekly` ones once their period has passed
//! since their last mail. Each mail, its sent-job rows and the alert's counters are written in
//! one transaction, only if nobody delivered the alert meanwhile: an alert is never mailed twice
//! for one job, whichever instance or command runs the pass.

use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use tracing::{info, instrument, warn};

use super::compose::{AlertLinks, compose};
use super::criteria::Frequency;
use super::entity::{AlertDelivery, DueAlert, JobAlert, JobAlertId};
use super::error::UnsubscribeError;
use super::link::verify_unsubscribe_token;
use super::port::{DueQuery, JobAlertRepository};
use crate::cv::LinkSigner;
use crate::error::RepoError;
use crate::ports::Clock;

/// Alerts read per statement during a pass.
pub const DUE_BATCH: i64 = 100;
/// Jobs in one mail, the newest; older unsent ones are left out (the mail links to the search).
pub const MAX_JOBS_PER_MAIL: i64 = 20;
/// How far before its last mail an alert looks again: a job published just before a pass but
/// committed after its query is still found by the next one. The sent-job rows keep it from
/// being mailed twice.
pub const LOOKBACK: Duration = Duration::hours(1);

impl Frequency {
    /// The least time between two mails of an alert.
    pub fn period(self) -> Duration {
        match self {
            Frequency::Instant => Duration::zero(),
            Frequency::Daily => Duration::days(1),
            Frequency::Weekly => Duration::weeks(1),
        }
    }
}

/// Whether `alert` may mail at `now`.
pub fn is_due(alert: &JobAlert, now: DateTime<Utc>) -> bool {
    alert.is_active
        && alert
            .last_sent_at
            .is_none_or(|last| now - last >= alert.frequency.period())
}

/// The earliest publication time a pass looks at for `alert`: since its creation until its first
/// mail, then since its last mail (less [`LOOKBACK`]).
pub fn window_start(alert: &JobAlert) -> DateTime<Utc> {
    match alert.last_sent_at {
        Some(last) => (last - LOOKBACK).max(alert.created_at),
        None => alert.created_at,
    }
}

/// What one pass did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AlertPassReport {
    pub mails: u32,
    pub jobs: u32,
    /// Delivered by someone else, or turned off, between the read and the write.
    pub skipped: u32,
    pub failed: u32,
}

pub struct AlertDeliveryService {
    repo: Arc<dyn JobAlertRepository>,
    signer: Arc<dyn LinkSigner>,
    clock: Arc<dyn Clock>,
    links: AlertLinks,
}

impl AlertDeliveryService {
    pub fn new(
        repo: Arc<dyn JobAlertRepository>,
        signer: Arc<dyn LinkSigner>,
        clock: Arc<dyn Clock>,
        links: AlertLinks,
    ) -> Self {
        Self {
            repo,
            signer,
            clock,
            links,
        }
    }

    /// One pass over every due alert, at the clock's time.
    #[instrument(skip_all)]
    pub async fn run_pass(&self) -> Result<AlertPassReport, RepoError> {
        let now = self.clock.now();
        let mut report = AlertPassReport::default();
        let mut after: Option<JobAlertId> = None;
        loop {
            let batch = self
                .repo
                .due(DueQuery {
                    daily_sent_before: now - Frequency::Daily.period(),
                    weekly_sent_before: now - Frequency::Weekly.period(),
                    after,
                    limit: DUE_BATCH,
                })
                .await?;
            let full = batch.len() as i64 == DUE_BATCH;
            after = batch.last().map(|d| d.alert.id);
            for due in batch {
                match self.deliver(&due, now).await {
                    Ok(Outcome::Nothing) => {}
                    Ok(Outcome::Sent(jobs)) => {
                        report.mails += 1;
                        report.jobs += jobs;
                    }
                    Ok(Outcome::Skipped) => report.skipped += 1,
                    Err(e) => {
                        report.failed += 1;
                        warn!(alert_id = due.alert.id.get(), error = %e, "job alert delivery failed");
                    }
                }
            }
            if !full {
                break;
            }
        }
        if report.mails > 0 {
            info!(
                mails = report.mails,
                jobs = report.jobs,
                "job alerts queued"
            );
        }
        Ok(report)
    }

    async fn deliver(&self, due: &DueAlert, now: DateTime<Utc>) -> Result<Outcome, RepoError> {
        let alert = &due.alert;
        if !is_due(alert, now) {
            return Ok(Outcome::Nothing);
        }
        let jobs = self
            .repo
            .unsent_jobs(
                alert.id,
                alert.criteria.clone(),
                window_start(alert),
                MAX_JOBS_PER_MAIL,
            )
            .await?;
        if jobs.is_empty() {
            return Ok(Outcome::Nothing);
        }
        let mail = compose(due, &jobs, &self.links, self.signer.as_ref());
        let count = jobs.len() as u32;
        let delivery = AlertDelivery {
            alert: alert.id,
            expected_sent_count: alert.jobs_sent_count,
            jobs: jobs.iter().map(|j| j.id).collect(),
            mail,
            now,
        };
        Ok(if self.repo.record_delivery(delivery).await? {
            Outcome::Sent(count)
        } else {
            Outcome::Skipped
        })
    }

    /// The signed link's switch: the alert is turned off, whoever asks.
    #[instrument(skip_all)]
    pub async fn unsubscribe(&self, token: &str) -> Result<(), UnsubscribeError> {
        let id = verify_unsubscribe_token(self.signer.as_ref(), token)
            .ok_or(UnsubscribeError::InvalidLink)?;
        let found = self.repo.deactivate(id, self.clock.now()).await?;
        found.then_some(()).ok_or(UnsubscribeError::InvalidLink)
    }
}

enum Outcome {
    Nothing,
    Sent(u32),
    Skipped,
}
