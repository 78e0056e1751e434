//! `intowork send-mail` (HEAD 10.13): one delivery pass over the mail outbox, as each server's
//! worker does every few seconds: every mail due now is sent through the configured mailer (or
//! rescheduled, or marked failed). For cron without a running server, and for tests. Safe beside
//! running servers: the outbox's claims keep a mail from being sent twice.

use intowork_domain::mail::DeliveryReport;

use super::{block_on, open_database};
use crate::settings::Settings;
use crate::wiring::command_mail_service;

pub fn run(settings: &Settings) -> Result<(), String> {
    let db = open_database(settings)?;
    let mail = command_mail_service(settings, db).map_err(|e| e.to_string())?;
    let report = block_on(mail.deliver_due())?.map_err(|e| e.to_string())?;
    println!("{}", summary(&report));
    Ok(())
}

fn summary(r: &DeliveryReport) -> String {
    format!(
        "Mail delivery: {} sent, {} to retry later, {} failed for good, {} left to another pass",
        r.sent, r.retrying, r.failed, r.deferred
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_names_every_count() {
        let r = DeliveryReport {
            sent: 3,
            retrying: 1,
            failed: 2,
            deferred: 0,
        };
        assert_eq!(
            summary(&r),
            "Mail delivery: 3 sent, 1 to retry later, 2 failed for good, 0 left to another pass"
        );
    }
}
