//! Bodies of `/api/job-alerts` in HEAD's shapes. Enum values are read in either case (HEAD's UI
//! sends `DAILY`, `FULL_TIME`, `ON_SITE`) and answered lowercase, as HEAD's backend does.

use chrono::{DateTime, Utc};
use intowork_domain::job_alert::{
    self, AlertChanges, AlertCriteria, AlertJob, AlertStats, Frequency, JobAlert, parse_job_type,
    parse_location_type,
};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use utoipa::ToSchema;

use crate::error::ApiError;
use crate::validation::ValidationItem;
use crate::wire::{CodeText, JobType, LocationType, ShortText, Text, ser_opt_time, ser_time};

/// One keyword (the domain caps them at 100 characters; the body at the same).
pub type KeywordText = Text<100>;

#[derive(Deserialize, ToSchema, Default)]
#[schema(example = json!({"keywords": ["développeur", "rust"], "location": "Dakar",
    "job_types": ["FULL_TIME"], "location_types": ["ON_SITE"], "salary_min": 300000}))]
pub struct CriteriaBody {
    /// At most 10, each at most 100 characters; any of them matches (case and accents ignored).
    #[serde(default)]
    #[schema(value_type = Option<Vec<KeywordText>>)]
    pub keywords: Option<Vec<KeywordText>>,
    /// At most 200 characters.
    #[serde(default)]
    #[schema(value_type = Option<ShortText>)]
    pub location: Option<ShortText>,
    /// `full_time`… in either case.
    #[serde(default)]
    #[schema(value_type = Option<Vec<CodeText>>)]
    pub job_types: Option<Vec<CodeText>>,
    /// `on_site`, `remote`, `hybrid` in either case.
    #[serde(default)]
    #[schema(value_type = Option<Vec<CodeText>>)]
    pub location_types: Option<Vec<CodeText>>,
    #[serde(default)]
    pub salary_min: Option<i64>,
    #[serde(default)]
    pub salary_max: Option<i64>,
}

/// `POST /api/job-alerts` (both slash forms).
#[derive(Deserialize, ToSchema)]
#[schema(example = json!({"name": "Dev à Dakar", "criteria": {"keywords": ["développeur"],
    "job_types": ["FULL_TIME"], "location_types": ["ON_SITE"]}, "frequency": "DAILY"}))]
pub struct CreateAlert {
    // 1 to 200 characters (the inline schema says so).
    #[schema(inline)]
    pub name: ShortText,
    pub criteria: CriteriaBody,
    /// `instant`, `daily` (default) or `weekly`, in either case.
    #[serde(default)]
    #[schema(value_type = Option<CodeText>)]
    pub frequency: Option<CodeText>,
}

/// `PATCH /api/job-alerts/{alert_id}`: an absent field is unchanged.
#[derive(Deserialize, ToSchema)]
pub struct UpdateAlert {
    #[serde(default)]
    #[schema(value_type = Option<ShortText>)]
    pub name: Option<ShortText>,
    #[serde(default)]
    pub criteria: Option<CriteriaBody>,
    #[serde(default)]
    #[schema(value_type = Option<CodeText>)]
    pub frequency: Option<CodeText>,
    #[serde(default)]
    pub is_active: Option<bool>,
}

fn enum_problem(loc: Vec<Value>, raw: &str, expected: &str) -> ValidationItem {
    ValidationItem::new("enum", loc, format!("Input should be {expected}"))
        .with_input(Value::String(raw.to_owned()))
}

pub fn frequency(raw: &str, loc: &[&str]) -> Result<Frequency, ApiError> {
    Frequency::parse(raw).ok_or_else(|| {
        let loc = loc.iter().map(|s| json!(s)).collect();
        ApiError::validation(vec![enum_problem(
            loc,
            raw,
            "'instant', 'daily' or 'weekly'",
        )])
    })
}

impl CriteriaBody {
    /// The domain's criteria; every unknown enum value reported, each at its index.
    pub fn into_domain(self) -> Result<AlertCriteria, ApiError> {
        let mut problems = Vec::new();
        let mut job_types = Vec::new();
        for (i, raw) in self.job_types.unwrap_or_default().iter().enumerate() {
            match parse_job_type(raw) {
                Some(t) => job_types.push(t),
                None => problems.push(enum_problem(
                    vec![
                        json!("body"),
                        json!("criteria"),
                        json!("job_types"),
                        json!(i),
                    ],
                    raw,
                    "'full_time', 'part_time', 'contract', 'temporary' or 'internship'",
                )),
            }
        }
        let mut location_types = Vec::new();
        for (i, raw) in self.location_types.unwrap_or_default().iter().enumerate() {
            match parse_location_type(raw) {
                Some(t) => location_types.push(t),
                None => problems.push(enum_problem(
                    vec![
                        json!("body"),
                        json!("criteria"),
                        json!("location_types"),
                        json!(i),
                    ],
                    raw,
                    "'on_site', 'remote' or 'hybrid'",
                )),
            }
        }
        if !problems.is_empty() {
            return Err(ApiError::validation(problems));
        }
        Ok(AlertCriteria {
            keywords: self
                .keywords
                .unwrap_or_default()
                .into_iter()
                .map(Text::into_inner)
                .collect(),
            location: self.location.map(Text::into_inner),
            job_types,
            location_types,
            salary_min: self.salary_min,
            salary_max: self.salary_max,
        })
    }
}

impl UpdateAlert {
    pub fn into_domain(self) -> Result<AlertChanges, ApiError> {
        Ok(AlertChanges {
            name: self.name.map(Text::into_inner),
            criteria: self.criteria.map(CriteriaBody::into_domain).transpose()?,
            frequency: self
                .frequency
                .map(|f| frequency(&f, &["body", "frequency"]))
                .transpose()?,
            is_active: self.is_active,
        })
    }
}

#[derive(Serialize, ToSchema)]
pub struct Criteria {
    pub keywords: Vec<String>,
    pub location: Option<String>,
    pub job_types: Vec<JobType>,
    pub location_types: Vec<LocationType>,
    pub salary_min: Option<i64>,
    pub salary_max: Option<i64>,
}

impl From<AlertCriteria> for Criteria {
    fn from(c: AlertCriteria) -> Self {
        Self {
            keywords: c.keywords,
            location: c.location,
            job_types: c.job_types.into_iter().map(JobType::from).collect(),
            location_types: c
                .location_types
                .into_iter()
                .map(LocationType::from)
                .collect(),
            salary_min: c.salary_min,
            salary_max: c.salary_max,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct JobAlertBody {
    pub id: i64,
    /// The candidate's user id.
    pub user_id: i64,
    pub name: String,
    pub criteria: Criteria,
    /// `instant`, `daily` or `weekly`.
    #[schema(example = "daily")]
    pub frequency: &'static str,
    pub is_active: bool,
    pub jobs_sent_count: i64,
    #[serde(serialize_with = "ser_opt_time")]
    #[schema(value_type = Option<String>)]
    pub last_sent_at: Option<DateTime<Utc>>,
    pub last_matching_job_id: Option<i64>,
    #[serde(serialize_with = "ser_time")]
    #[schema(value_type = String)]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "ser_time")]
    #[schema(value_type = String)]
    pub updated_at: DateTime<Utc>,
}

impl From<JobAlert> for JobAlertBody {
    fn from(a: JobAlert) -> Self {
        Self {
            id: a.id.get(),
            user_id: a.owner.get(),
            name: a.name,
            criteria: a.criteria.into(),
            frequency: a.frequency.as_str(),
            is_active: a.is_active,
            jobs_sent_count: a.jobs_sent_count,
            last_sent_at: a.last_sent_at,
            last_matching_job_id: a.last_matching_job_id.map(|j| j.get()),
            created_at: a.created_at,
            updated_at: a.updated_at,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct MatchingJob {
    pub id: i64,
    pub title: String,
    pub location: Option<String>,
    pub location_type: LocationType,
    pub job_type: JobType,
    pub salary_min: Option<i64>,
    pub salary_max: Option<i64>,
    #[serde(serialize_with = "ser_opt_time")]
    #[schema(value_type = Option<String>)]
    pub posted_at: Option<DateTime<Utc>>,
    pub company_id: i64,
}

impl From<AlertJob> for MatchingJob {
    fn from(j: AlertJob) -> Self {
        Self {
            id: j.id.get(),
            title: j.title,
            location: j.location,
            location_type: j.location_type.into(),
            job_type: j.job_type.into(),
            salary_min: j.salary_min,
            salary_max: j.salary_max,
            posted_at: j.posted_at,
            company_id: j.company_id,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct Preview {
    pub alert_id: i64,
    pub matching_jobs: Vec<MatchingJob>,
    pub total_matches: usize,
}

impl Preview {
    pub fn new(alert: &job_alert::JobAlert, jobs: Vec<AlertJob>) -> Self {
        let matching_jobs: Vec<MatchingJob> = jobs.into_iter().map(MatchingJob::from).collect();
        Self {
            alert_id: alert.id.get(),
            total_matches: matching_jobs.len(),
            matching_jobs,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct Summary {
    pub total_alerts: i64,
    pub active_alerts: i64,
    pub inactive_alerts: i64,
    pub total_jobs_sent: i64,
}

impl From<AlertStats> for Summary {
    fn from(s: AlertStats) -> Self {
        Self {
            total_alerts: s.total_alerts,
            active_alerts: s.active_alerts,
            inactive_alerts: s.total_alerts - s.active_alerts,
            total_jobs_sent: s.total_jobs_sent,
        }
    }
}

/// `{"detail": "..."}`: what the unsubscribe link and the contact form answer.
#[derive(Serialize, ToSchema)]
pub struct DetailBody {
    pub detail: &'static str,
}
