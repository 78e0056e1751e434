//! The "newest" items the dashboards show: a job title and a time.

use chrono::NaiveDateTime;
use intowork_domain::dashboard::Latest;

pub(crate) fn latest(row: Option<(String, NaiveDateTime)>) -> Option<Latest> {
    row.map(|(job_title, at)| Latest {
        job_title,
        at: at.and_utc(),
    })
}
