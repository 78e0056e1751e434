//! What the public pages show.

use crate::ids::CompanyId;

/// The landing page's counters. A job counts while the public can see it: published, by an
/// active employer. Removed companies do not count.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PublicCounts {
    /// Candidate accounts.
    pub candidates: i64,
    pub companies: i64,
    pub active_jobs: i64,
    pub applications: i64,
}

/// One bar of a chart: a stored value (a country, a contract type) and how many jobs have it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LabelCount {
    pub label: String,
    pub count: i64,
}

/// The market statistics page. Every job figure counts the jobs the public sees (published, by
/// an active employer); each breakdown is by count, largest first, then by label.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MarketStats {
    pub total_jobs: i64,
    pub total_applications: i64,
    pub total_companies: i64,
    /// Candidate profiles.
    pub total_candidates: i64,
    /// Jobs with a country (blank ones left out), the largest few.
    pub jobs_by_country: Vec<LabelCount>,
    /// By `job_type` value (`full_time`…).
    pub jobs_by_type: Vec<LabelCount>,
    /// By `location_type` value (`on_site`…).
    pub jobs_by_location_type: Vec<LabelCount>,
    /// By the industry of the job's company (blank ones left out), the largest few.
    pub top_industries: Vec<LabelCount>,
}

/// A company as the public directory shows it: what it publishes about itself, without its
/// address (nor any recruiter's contact).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DirectoryCompany {
    pub id: CompanyId,
    pub name: String,
    pub description: Option<String>,
    pub industry: Option<String>,
    pub size: Option<String>,
    pub website_url: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    pub logo_url: Option<String>,
    /// Its jobs the public sees.
    pub total_jobs: i64,
}

/// One page of the directory, newest company first, and the number of companies.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DirectoryPage {
    pub companies: Vec<DirectoryCompany>,
    pub total: i64,
}
