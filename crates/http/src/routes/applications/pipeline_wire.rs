//! The pipeline page's query and body, in HEAD's `ai_scoring` shape.

use chrono::{DateTime, Utc};
use intowork_domain::application::{self, PipelineOrder};
use intowork_domain::job::Paging;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::page::application_page;
use crate::error::ApiError;
use crate::wire::{ApplicationStatus, paging, query_bool, query_int, ser_time};

// `?page=&limit=&sort_by_score=`, with HEAD's defaults and bounds.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PipelineQuery {
    /// Page, ≥ 1 (default 1)
    #[serde(default, deserialize_with = "query_int")]
    page: Option<i64>,
    /// Page size, 1 to 100 (default 20)
    #[serde(default, deserialize_with = "query_int")]
    limit: Option<i64>,
    /// Best AI score first, unscored ones last (default true); else newest first
    #[serde(default, deserialize_with = "query_bool")]
    sort_by_score: Option<bool>,
}

impl PipelineQuery {
    pub fn paging(&self) -> Result<Paging, ApiError> {
        paging(self.page, self.limit, 20, 100)
    }

    pub fn order(&self) -> PipelineOrder {
        if self.sort_by_score.unwrap_or(true) {
            PipelineOrder::ScoreThenNewest
        } else {
            PipelineOrder::Newest
        }
    }
}

/// An application on the pipeline page. The AI fields stay null until a scorer exists.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ScoredApplication {
    pub id: i64,
    pub job_id: i64,
    pub candidate_id: i64,
    pub candidate_name: String,
    pub candidate_email: String,
    pub status: ApplicationStatus,
    #[serde(serialize_with = "ser_time")]
    pub applied_at: DateTime<Utc>,
    /// 0 to 100; null: not scored.
    pub ai_score: Option<f64>,
    /// `{score, strengths, weaknesses, skills_match, experience_match, recommendation}`; null:
    /// not scored.
    #[schema(value_type = Option<Object>)]
    pub ai_score_details: Option<serde_json::Value>,
    /// When the score was computed; null: not scored.
    pub ai_analyzed_at: Option<String>,
    /// An absolute, signed, expiring link to the CV the application was made with.
    pub cv_url: Option<String>,
}

impl ScoredApplication {
    pub fn new(a: application::EmployerApplication, cv_url: Option<String>) -> Self {
        Self {
            id: a.id.get(),
            job_id: a.job_id.get(),
            candidate_id: a.candidate_id.get(),
            candidate_name: format!("{} {}", a.candidate_first_name, a.candidate_last_name),
            candidate_email: a.candidate_email,
            status: a.status.into(),
            applied_at: a.applied_at,
            ai_score: None,
            ai_score_details: None,
            ai_analyzed_at: None,
            cv_url,
        }
    }
}

application_page!(ScoredApplicationPage of ScoredApplication);
