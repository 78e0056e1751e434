//! The public pages (HEAD.md 10.11): the landing page's counters `/api/stats/public`, the market
//! statistics `/api/jobs/stats/market` and the company directory `/api/companies/all`. Anonymous
//! (a token is ignored), answered from the read cache, and without any address, phone or e-mail.
//! `/api/jobs/stats/market` has two segments after `/api/jobs/`, so `/api/jobs/{job_id}` never
//! takes it.

pub mod wire;

use actix_web::web;
use utoipa::OpenApi;

use self::wire::{CompanyDirectory, DirectoryQuery, MarketStats, PublicStats};
use crate::error::ApiError;
use crate::error::responses::Invalid;
use crate::extract::ValidQuery;
use crate::resource;
use crate::state::AppState;

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(resource!("/api/stats/public", get => public_stats))
        .service(resource!("/api/jobs/stats/market", get => market_stats))
        .service(resource!("/api/companies/all", get => companies));
}

#[derive(OpenApi)]
#[openapi(paths(public_stats, market_stats, companies))]
pub struct DirectoryApi;

#[utoipa::path(
    get,
    path = "/api/stats/public",
    tag = "directory",
    responses((status = 200, description = "The landing page's counters", body = PublicStats))
)]
async fn public_stats(state: web::Data<AppState>) -> Result<web::Json<PublicStats>, ApiError> {
    Ok(web::Json(state.directory.public_counts().await?.into()))
}

#[utoipa::path(
    get,
    path = "/api/jobs/stats/market",
    tag = "directory",
    responses((status = 200, description = "Published jobs by country, contract, place of work and industry", body = MarketStats))
)]
async fn market_stats(state: web::Data<AppState>) -> Result<web::Json<MarketStats>, ApiError> {
    Ok(web::Json(state.directory.market_stats().await?.into()))
}

#[utoipa::path(
    get,
    path = "/api/companies/all",
    tag = "directory",
    params(DirectoryQuery),
    responses((status = 200, description = "Companies, newest first, with their published jobs", body = CompanyDirectory), Invalid)
)]
async fn companies(
    state: web::Data<AppState>,
    ValidQuery(q): ValidQuery<DirectoryQuery>,
) -> Result<web::Json<CompanyDirectory>, ApiError> {
    let paging = q.paging()?;
    let page = state.directory.companies(paging).await?;
    Ok(web::Json(CompanyDirectory::new(page, paging)))
}
