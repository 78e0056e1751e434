//! Rows of `job_alerts` and of the jobs an alert shows; the criteria's JSON.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use intowork_domain::job::{JobType, LocationType};
use intowork_domain::job_alert::{AlertCriteria, AlertJob, Frequency, JobAlert, JobAlertId};
use intowork_domain::{JobId, RepoError, UserId};
use serde_json::{Value, json};

use crate::schema::job_alerts;

#[derive(Queryable, Selectable)]
#[diesel(table_name = job_alerts)]
pub(super) struct AlertRow {
    id: i64,
    user_id: i64,
    name: String,
    criteria: String,
    frequency: String,
    is_active: bool,
    jobs_sent_count: i64,
    last_sent_at: Option<NaiveDateTime>,
    last_matching_job_id: Option<i64>,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

impl TryFrom<AlertRow> for JobAlert {
    type Error = RepoError;

    fn try_from(r: AlertRow) -> Result<JobAlert, RepoError> {
        let frequency = Frequency::parse(&r.frequency).ok_or_else(|| {
            RepoError::Internal(format!(
                "job alert {} has frequency {:?}",
                r.id, r.frequency
            ))
        })?;
        Ok(JobAlert {
            id: JobAlertId(r.id),
            owner: UserId(r.user_id),
            name: r.name,
            criteria: decode_criteria(&r.criteria),
            frequency,
            is_active: r.is_active,
            jobs_sent_count: r.jobs_sent_count,
            last_sent_at: r.last_sent_at.map(|t| t.and_utc()),
            last_matching_job_id: r.last_matching_job_id.map(JobId),
            created_at: r.created_at.and_utc(),
            updated_at: r.updated_at.and_utc(),
        })
    }
}

pub(super) fn encode_criteria(c: &AlertCriteria) -> String {
    json!({
        "keywords": c.keywords,
        "location": c.location,
        "job_types": c.job_types.iter().map(|t| t.as_str()).collect::<Vec<_>>(),
        "location_types": c.location_types.iter().map(|t| t.as_str()).collect::<Vec<_>>(),
        "salary_min": c.salary_min,
        "salary_max": c.salary_max,
    })
    .to_string()
}

/// Lenient: the service checked the criteria before they were stored; a value a later version
/// no longer knows is dropped rather than making the alert unreadable.
pub(super) fn decode_criteria(raw: &str) -> AlertCriteria {
    let v: Value = serde_json::from_str(raw).unwrap_or(Value::Null);
    let strings = |key: &str| -> Vec<String> {
        v.get(key)
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    AlertCriteria {
        keywords: strings("keywords"),
        location: v.get("location").and_then(Value::as_str).map(str::to_owned),
        job_types: strings("job_types")
            .iter()
            .filter_map(|s| JobType::parse(s))
            .collect(),
        location_types: strings("location_types")
            .iter()
            .filter_map(|s| LocationType::parse(s))
            .collect(),
        salary_min: v.get("salary_min").and_then(Value::as_i64),
        salary_max: v.get("salary_max").and_then(Value::as_i64),
    }
}

pub(super) type AlertJobRow = (
    i64,
    String,
    String,
    Option<String>,
    String,
    String,
    Option<i32>,
    Option<i32>,
    String,
    Option<NaiveDateTime>,
    i64,
);

pub(super) fn alert_job(r: AlertJobRow) -> Result<AlertJob, RepoError> {
    let (
        id,
        title,
        company_name,
        location,
        location_type,
        job_type,
        min,
        max,
        currency,
        posted,
        company,
    ) = r;
    let bad = |what: &str, v: &str| RepoError::Internal(format!("job {id} has {what} {v:?}"));
    Ok(AlertJob {
        id: JobId(id),
        title,
        company_name,
        location,
        location_type: LocationType::parse(&location_type)
            .ok_or_else(|| bad("location_type", &location_type))?,
        job_type: JobType::parse(&job_type).ok_or_else(|| bad("job_type", &job_type))?,
        salary_min: min.map(i64::from),
        salary_max: max.map(i64::from),
        currency,
        posted_at: posted.map(|t| t.and_utc()),
        company_id: company,
    })
}
