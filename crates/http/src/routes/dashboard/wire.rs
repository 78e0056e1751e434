//! Bodies of the dashboard routes (CONTRACT 3.9). Keys are camelCase on the wire, as the frontend
//! reads them.

use intowork_domain::dashboard;
use serde::Serialize;
use utoipa::ToSchema;

use crate::wire::{ActivityKind, ApplicationStatus, ChangeType, StatColor};

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DashboardStat {
    pub title: &'static str,
    pub value: String,
    pub change: String,
    #[serde(rename = "changeType")]
    pub change_type: ChangeType,
    pub color: StatColor,
}

impl From<dashboard::Stat> for DashboardStat {
    fn from(s: dashboard::Stat) -> Self {
        Self {
            title: s.title,
            value: s.value,
            change: s.change,
            change_type: s.change_type.into(),
            color: s.color.into(),
        }
    }
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    pub id: i64,
    pub action: &'static str,
    pub target: String,
    pub time: String,
    #[serde(rename = "type")]
    pub kind: ActivityKind,
}

impl From<dashboard::Activity> for Activity {
    fn from(a: dashboard::Activity) -> Self {
        Self {
            id: a.id,
            action: a.action,
            target: a.target,
            time: a.time,
            kind: a.kind.into(),
        }
    }
}

/// Keys are camelCase on the wire, as the frontend reads them.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Dashboard {
    pub stats: Vec<DashboardStat>,
    #[serde(rename = "recentActivities")]
    pub recent_activities: Vec<Activity>,
    #[serde(rename = "profileCompletion")]
    pub profile_completion: i64,
}

impl From<dashboard::Dashboard> for Dashboard {
    fn from(d: dashboard::Dashboard) -> Self {
        Self {
            stats: d.stats.into_iter().map(DashboardStat::from).collect(),
            recent_activities: d
                .recent_activities
                .into_iter()
                .map(Activity::from)
                .collect(),
            profile_completion: d.profile_completion,
        }
    }
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FunnelStep {
    pub status: ApplicationStatus,
    pub label: &'static str,
    pub count: i64,
    /// Percentage of all the employer's applications, one decimal.
    pub pct: f64,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FunnelJob {
    pub job_id: i64,
    pub title: String,
    pub total: i64,
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EmployerFunnel {
    /// Applied, viewed, shortlisted, interview, accepted; empty without a company.
    pub funnel: Vec<FunnelStep>,
    /// The 5 jobs with the most applications.
    pub by_job: Vec<FunnelJob>,
    /// Accepted applications as a percentage of all, one decimal.
    pub conversion_rate: f64,
    /// Mean days from applying to the first interview, one decimal; null when none.
    pub avg_days_to_interview: Option<f64>,
}

impl From<dashboard::EmployerFunnel> for EmployerFunnel {
    fn from(f: dashboard::EmployerFunnel) -> Self {
        Self {
            funnel: f
                .funnel
                .into_iter()
                .map(|s| FunnelStep {
                    status: s.status.into(),
                    label: s.label,
                    count: s.count,
                    pct: s.pct,
                })
                .collect(),
            by_job: f
                .by_job
                .into_iter()
                .map(|j| FunnelJob {
                    job_id: j.job_id.get(),
                    title: j.title,
                    total: j.total,
                })
                .collect(),
            conversion_rate: f.conversion_rate,
            avg_days_to_interview: f.avg_days_to_interview,
        }
    }
}
