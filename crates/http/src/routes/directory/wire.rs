//! Bodies of the public pages, in HEAD's shapes.

use intowork_domain::directory::{self, DirectoryPage, LabelCount};
use intowork_domain::job::Paging;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::error::ApiError;
use crate::wire::{paging, query_int};

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PublicStats {
    /// Candidate accounts.
    pub candidates: i64,
    pub companies: i64,
    /// Published jobs of active employers.
    pub active_jobs: i64,
    pub applications: i64,
}

impl From<directory::PublicCounts> for PublicStats {
    fn from(c: directory::PublicCounts) -> Self {
        Self {
            candidates: c.candidates,
            companies: c.companies,
            active_jobs: c.active_jobs,
            applications: c.applications,
        }
    }
}

/// One bar of a chart.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MarketStatItem {
    /// The stored value: a country, `full_time`…, `on_site`…, an industry.
    pub label: String,
    pub count: i64,
}

fn items(v: Vec<LabelCount>) -> Vec<MarketStatItem> {
    v.into_iter()
        .map(|l| MarketStatItem {
            label: l.label,
            count: l.count,
        })
        .collect()
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MarketStats {
    /// Published jobs of active employers (every job figure counts those).
    pub total_jobs: i64,
    pub total_applications: i64,
    pub total_companies: i64,
    pub total_candidates: i64,
    /// At most 10, largest first; jobs without a country are left out.
    pub jobs_by_country: Vec<MarketStatItem>,
    pub jobs_by_type: Vec<MarketStatItem>,
    pub jobs_by_location_type: Vec<MarketStatItem>,
    /// At most 8, by the industry of the job's company.
    pub top_industries: Vec<MarketStatItem>,
}

impl From<directory::MarketStats> for MarketStats {
    fn from(m: directory::MarketStats) -> Self {
        Self {
            total_jobs: m.total_jobs,
            total_applications: m.total_applications,
            total_companies: m.total_companies,
            total_candidates: m.total_candidates,
            jobs_by_country: items(m.jobs_by_country),
            jobs_by_type: items(m.jobs_by_type),
            jobs_by_location_type: items(m.jobs_by_location_type),
            top_industries: items(m.top_industries),
        }
    }
}

/// A company as the public directory shows it: no address, phone or e-mail.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DirectoryCompany {
    pub id: i64,
    pub name: String,
    pub description: Option<String>,
    pub industry: Option<String>,
    pub size: Option<String>,
    pub website_url: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    pub logo_url: Option<String>,
    /// Its published jobs (of active employers).
    pub total_jobs: i64,
}

impl From<directory::DirectoryCompany> for DirectoryCompany {
    fn from(c: directory::DirectoryCompany) -> Self {
        Self {
            id: c.id.get(),
            name: c.name,
            description: c.description,
            industry: c.industry,
            size: c.size,
            website_url: c.website_url,
            city: c.city,
            country: c.country,
            logo_url: c.logo_url,
            total_jobs: c.total_jobs,
        }
    }
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CompanyDirectory {
    pub companies: Vec<DirectoryCompany>,
    pub total: i64,
    pub page: i64,
    pub limit: i64,
    pub total_pages: i64,
}

impl CompanyDirectory {
    pub fn new(p: DirectoryPage, paging: Paging) -> Self {
        Self {
            companies: p.companies.into_iter().map(Into::into).collect(),
            total: p.total,
            page: paging.page,
            limit: paging.limit,
            total_pages: paging.total_pages(p.total),
        }
    }
}

/// HEAD's page asks for `?page=1&limit=1000`.
const DEFAULT_LIMIT: i64 = 100;
const MAX_LIMIT: i64 = 1000;

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DirectoryQuery {
    /// Page, ≥ 1 (default 1)
    #[serde(default, deserialize_with = "query_int")]
    page: Option<i64>,
    /// 1 to 1000 (default 100)
    #[serde(default, deserialize_with = "query_int")]
    limit: Option<i64>,
}

impl DirectoryQuery {
    pub fn paging(&self) -> Result<Paging, ApiError> {
        paging(self.page, self.limit, DEFAULT_LIMIT, MAX_LIMIT)
    }
}
