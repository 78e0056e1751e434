//! `intowork send-alerts` (HEAD 10.16): one job alert pass, as each server's scheduler runs every
//! minute: every due alert's new matching jobs are queued as one mail in the outbox (delivered
//! by the servers' mail workers, or by `send-mail`). For cron and tests; safe beside running
//! servers. `--at` runs the pass as if at another time (tests of the daily and weekly windows).

use std::sync::Arc;

use chrono::{DateTime, Utc};
use intowork_domain::job_alert::AlertPassReport;
use intowork_domain::ports::{Clock, SystemClock};

use super::{block_on, open_database};
use crate::settings::Settings;
use crate::wiring::command_alert_delivery;

/// A clock stopped at one instant.
struct FixedClock(DateTime<Utc>);

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        self.0
    }
}

pub fn run(settings: &Settings, at: Option<&str>) -> Result<(), String> {
    let clock: Arc<dyn Clock> = match at {
        Some(raw) => Arc::new(FixedClock(
            DateTime::parse_from_rfc3339(raw)
                .map_err(|e| format!("--at {raw:?} is not an RFC 3339 time: {e}"))?
                .with_timezone(&Utc),
        )),
        None => Arc::new(SystemClock),
    };
    let db = open_database(settings)?;
    let alerts = command_alert_delivery(settings, db, clock).map_err(|e| e.to_string())?;
    let report = block_on(alerts.run_pass())?.map_err(|e| e.to_string())?;
    println!("{}", summary(&report));
    Ok(())
}

fn summary(r: &AlertPassReport) -> String {
    format!(
        "Job alerts: {} mails queued with {} jobs, {} left to another instance, {} failed",
        r.mails, r.jobs, r.skipped, r.failed
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_names_every_count() {
        let r = AlertPassReport {
            mails: 2,
            jobs: 5,
            skipped: 1,
            failed: 0,
        };
        assert_eq!(
            summary(&r),
            "Job alerts: 2 mails queued with 5 jobs, 1 left to another instance, 0 failed"
        );
    }
}
