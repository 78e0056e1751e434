//! A candidate's job alert and what its use cases read and write.

use chrono::{DateTime, Utc};

use super::criteria::{AlertCriteria, Frequency};
use crate::ids::{JobId, UserId};
use crate::job::{JobType, LocationType};
use crate::mail::OutgoingMail;

/// `job_alerts.id`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct JobAlertId(pub i64);

impl JobAlertId {
    pub fn get(self) -> i64 {
        self.0
    }
}

impl std::fmt::Display for JobAlertId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JobAlert {
    pub id: JobAlertId,
    /// The candidate's account (`users.id`).
    pub owner: UserId,
    pub name: String,
    pub criteria: AlertCriteria,
    pub frequency: Frequency,
    pub is_active: bool,
    /// Jobs mailed so far (each job counted once).
    pub jobs_sent_count: i64,
    pub last_sent_at: Option<DateTime<Utc>>,
    /// The newest job mailed.
    pub last_matching_job_id: Option<JobId>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewJobAlert {
    pub owner: UserId,
    pub name: String,
    pub criteria: AlertCriteria,
    pub frequency: Frequency,
    pub now: DateTime<Utc>,
}

/// A partial update: `None` leaves a field as it is.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AlertChanges {
    pub name: Option<String>,
    pub criteria: Option<AlertCriteria>,
    pub frequency: Option<Frequency>,
    pub is_active: Option<bool>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AlertStats {
    pub total_alerts: i64,
    pub active_alerts: i64,
    pub total_jobs_sent: i64,
}

/// A published job as an alert shows it (preview, mails).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AlertJob {
    pub id: JobId,
    pub title: String,
    pub company_name: String,
    pub location: Option<String>,
    pub location_type: LocationType,
    pub job_type: JobType,
    pub salary_min: Option<i64>,
    pub salary_max: Option<i64>,
    pub currency: String,
    pub posted_at: Option<DateTime<Utc>>,
    pub company_id: i64,
}

/// An active alert a delivery pass looks at, with where to mail it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DueAlert {
    pub alert: JobAlert,
    pub email: String,
}

/// What one delivery of one alert writes, in one transaction: the jobs sent (each at most once
/// per alert), the mail, and the alert's counters. Written only while the alert is still active
/// and has sent nothing since it was read (`expected_sent_count`), so two instances never both
/// deliver it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AlertDelivery {
    pub alert: JobAlertId,
    pub expected_sent_count: i64,
    pub jobs: Vec<JobId>,
    pub mail: OutgoingMail,
    pub now: DateTime<Utc>,
}
