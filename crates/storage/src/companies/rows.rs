//! Row shapes, column lists and changesets of the company and employer tables.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use intowork_domain::company::{Company, CompanyDetails, Employer, EmployerUpdate};
use intowork_domain::{CompanyId, EmployerId, UserId};

use crate::schema::{candidates, companies, employers};
use crate::stored::columns;

columns!(
    /// [`EmployerRow`]'s columns.
    EMPLOYER_COLUMNS: EmployerColumns = (
        employers::id,
        employers::user_id,
        employers::company_id,
        employers::position,
        employers::department,
        employers::phone,
        employers::can_create_jobs,
        employers::can_manage_candidates,
        employers::is_admin,
    )
);

#[derive(Queryable)]
pub(crate) struct EmployerRow {
    pub(crate) id: i64,
    pub(crate) user_id: i64,
    pub(crate) company_id: Option<i64>,
    pub(crate) position: Option<String>,
    pub(crate) department: Option<String>,
    pub(crate) phone: Option<String>,
    pub(crate) can_create_jobs: bool,
    pub(crate) can_manage_candidates: bool,
    pub(crate) is_admin: bool,
}

impl From<EmployerRow> for Employer {
    fn from(r: EmployerRow) -> Employer {
        Employer {
            id: EmployerId(r.id),
            user_id: UserId(r.user_id),
            company_id: r.company_id.map(CompanyId),
            position: r.position,
            department: r.department,
            phone: r.phone,
            can_create_jobs: r.can_create_jobs,
            can_manage_candidates: r.can_manage_candidates,
            is_admin: r.is_admin,
        }
    }
}

columns!(
    /// [`CompanyRow`]'s columns.
    COMPANY_COLUMNS: CompanyColumns = (
        companies::id,
        companies::name,
        companies::description,
        companies::industry,
        companies::size,
        companies::website_url,
        companies::linkedin_url,
        companies::address,
        companies::city,
        companies::country,
        companies::logo_url,
    )
);

#[derive(Queryable)]
pub(crate) struct CompanyRow {
    pub(crate) id: i64,
    pub(crate) name: String,
    pub(crate) description: Option<String>,
    pub(crate) industry: Option<String>,
    pub(crate) size: Option<String>,
    pub(crate) website_url: Option<String>,
    pub(crate) linkedin_url: Option<String>,
    pub(crate) address: Option<String>,
    pub(crate) city: Option<String>,
    pub(crate) country: Option<String>,
    pub(crate) logo_url: Option<String>,
}

impl From<CompanyRow> for Company {
    fn from(r: CompanyRow) -> Company {
        Company {
            id: CompanyId(r.id),
            name: r.name,
            details: CompanyDetails {
                description: r.description,
                industry: r.industry,
                size: r.size,
                website_url: r.website_url,
                linkedin_url: r.linkedin_url,
                address: r.address,
                city: r.city,
                country: r.country,
                logo_url: r.logo_url,
            },
        }
    }
}

/// All company columns but the id, as written by insert and update.
#[derive(Insertable, AsChangeset)]
#[diesel(table_name = companies, treat_none_as_null = true)]
pub(crate) struct CompanyValues<'a> {
    pub(crate) name: &'a str,
    pub(crate) description: Option<&'a str>,
    pub(crate) industry: Option<&'a str>,
    pub(crate) size: Option<&'a str>,
    pub(crate) website_url: Option<&'a str>,
    pub(crate) linkedin_url: Option<&'a str>,
    pub(crate) address: Option<&'a str>,
    pub(crate) city: Option<&'a str>,
    pub(crate) country: Option<&'a str>,
    pub(crate) logo_url: Option<&'a str>,
    pub(crate) updated_at: NaiveDateTime,
}

pub(crate) fn values<'a>(
    name: &'a str,
    d: &'a CompanyDetails,
    now: NaiveDateTime,
) -> CompanyValues<'a> {
    CompanyValues {
        name,
        description: d.description.as_deref(),
        industry: d.industry.as_deref(),
        size: d.size.as_deref(),
        website_url: d.website_url.as_deref(),
        linkedin_url: d.linkedin_url.as_deref(),
        address: d.address.as_deref(),
        city: d.city.as_deref(),
        country: d.country.as_deref(),
        logo_url: d.logo_url.as_deref(),
        updated_at: now,
    }
}

/// Employer fields to write; `None` fields are left out of the `SET` list.
#[derive(AsChangeset)]
#[diesel(table_name = employers)]
pub(crate) struct EmployerChanges<'a> {
    pub(crate) position: Option<&'a str>,
    pub(crate) department: Option<&'a str>,
    pub(crate) phone: Option<&'a str>,
    pub(crate) updated_at: NaiveDateTime,
}

pub(crate) fn employer_changes(u: &EmployerUpdate, now: NaiveDateTime) -> EmployerChanges<'_> {
    EmployerChanges {
        position: u.position.as_deref(),
        department: u.department.as_deref(),
        phone: u.phone.as_deref(),
        updated_at: now,
    }
}

#[derive(AsChangeset)]
#[diesel(table_name = candidates)]
pub(crate) struct CandidateChanges<'a> {
    pub(crate) phone: Option<&'a str>,
    pub(crate) location: Option<&'a str>,
    pub(crate) title: Option<&'a str>,
    pub(crate) updated_at: NaiveDateTime,
}
