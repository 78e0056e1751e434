//! The employer side of the reference database: companies, employers, jobs, applications and
//! notifications (see `reference.rs` for how columns are read).

use chrono::NaiveDateTime;
use diesel::pg::PgConnection;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Nullable, Text, Timestamp};

use super::reference::Kind::{self, Bool as B, Int as I, Text as T, Time as Ts};
use super::reference::{Catalog, ReferenceData, load};

type OptText = Nullable<Text>;
type OptInt = Nullable<BigInt>;
type OptBool = Nullable<Bool>;
type OptTime = Nullable<Timestamp>;

#[derive(QueryableByName, Debug)]
pub struct RefCompany {
    #[diesel(sql_type = BigInt)]
    pub id: i64,
    #[diesel(sql_type = OptText)]
    pub name: Option<String>,
    #[diesel(sql_type = OptText)]
    pub description: Option<String>,
    #[diesel(sql_type = OptText)]
    pub industry: Option<String>,
    #[diesel(sql_type = OptText)]
    pub size: Option<String>,
    #[diesel(sql_type = OptText)]
    pub website_url: Option<String>,
    #[diesel(sql_type = OptText)]
    pub linkedin_url: Option<String>,
    #[diesel(sql_type = OptText)]
    pub address: Option<String>,
    #[diesel(sql_type = OptText)]
    pub city: Option<String>,
    #[diesel(sql_type = OptText)]
    pub country: Option<String>,
    #[diesel(sql_type = OptText)]
    pub logo_url: Option<String>,
    #[diesel(sql_type = OptTime)]
    pub created_at: Option<NaiveDateTime>,
    #[diesel(sql_type = OptTime)]
    pub updated_at: Option<NaiveDateTime>,
}

const COMPANIES: &[(&str, Kind)] = &[
    ("name", T),
    ("description", T),
    ("industry", T),
    ("size", T),
    ("website_url", T),
    ("linkedin_url", T),
    ("address", T),
    ("city", T),
    ("country", T),
    ("logo_url", T),
    ("created_at", Ts),
    ("updated_at", Ts),
];

#[derive(QueryableByName, Debug)]
pub struct RefEmployer {
    #[diesel(sql_type = BigInt)]
    pub id: i64,
    #[diesel(sql_type = OptInt)]
    pub user_id: Option<i64>,
    #[diesel(sql_type = OptInt)]
    pub company_id: Option<i64>,
    #[diesel(sql_type = OptText)]
    pub position: Option<String>,
    #[diesel(sql_type = OptText)]
    pub department: Option<String>,
    #[diesel(sql_type = OptText)]
    pub phone: Option<String>,
    #[diesel(sql_type = OptBool)]
    pub can_create_jobs: Option<bool>,
    #[diesel(sql_type = OptBool)]
    pub can_manage_candidates: Option<bool>,
    #[diesel(sql_type = OptBool)]
    pub is_admin: Option<bool>,
    #[diesel(sql_type = OptTime)]
    pub created_at: Option<NaiveDateTime>,
    #[diesel(sql_type = OptTime)]
    pub updated_at: Option<NaiveDateTime>,
}

const EMPLOYERS: &[(&str, Kind)] = &[
    ("user_id", I),
    ("company_id", I),
    ("position", T),
    ("department", T),
    ("phone", T),
    ("can_create_jobs", B),
    ("can_manage_candidates", B),
    ("is_admin", B),
    ("created_at", Ts),
    ("updated_at", Ts),
];

#[derive(QueryableByName, Debug)]
pub struct RefJob {
    #[diesel(sql_type = BigInt)]
    pub id: i64,
    #[diesel(sql_type = OptInt)]
    pub employer_id: Option<i64>,
    #[diesel(sql_type = OptInt)]
    pub company_id: Option<i64>,
    #[diesel(sql_type = OptText)]
    pub title: Option<String>,
    #[diesel(sql_type = OptText)]
    pub description: Option<String>,
    #[diesel(sql_type = OptText)]
    pub requirements: Option<String>,
    #[diesel(sql_type = OptText)]
    pub responsibilities: Option<String>,
    #[diesel(sql_type = OptText)]
    pub benefits: Option<String>,
    #[diesel(sql_type = OptText)]
    pub job_type: Option<String>,
    #[diesel(sql_type = OptText)]
    pub location_type: Option<String>,
    #[diesel(sql_type = OptText)]
    pub location: Option<String>,
    #[diesel(sql_type = OptInt)]
    pub salary_min: Option<i64>,
    #[diesel(sql_type = OptInt)]
    pub salary_max: Option<i64>,
    #[diesel(sql_type = OptText)]
    pub currency: Option<String>,
    #[diesel(sql_type = OptText)]
    pub status: Option<String>,
    #[diesel(sql_type = OptBool)]
    pub is_featured: Option<bool>,
    #[diesel(sql_type = OptInt)]
    pub views_count: Option<i64>,
    #[diesel(sql_type = OptTime)]
    pub posted_at: Option<NaiveDateTime>,
    #[diesel(sql_type = OptTime)]
    pub expires_at: Option<NaiveDateTime>,
    #[diesel(sql_type = OptTime)]
    pub created_at: Option<NaiveDateTime>,
    #[diesel(sql_type = OptTime)]
    pub updated_at: Option<NaiveDateTime>,
}

const JOBS: &[(&str, Kind)] = &[
    ("employer_id", I),
    ("company_id", I),
    ("title", T),
    ("description", T),
    ("requirements", T),
    ("responsibilities", T),
    ("benefits", T),
    ("job_type", T),
    ("location_type", T),
    ("location", T),
    ("salary_min", I),
    ("salary_max", I),
    ("currency", T),
    ("status", T),
    ("is_featured", B),
    ("views_count", I),
    ("posted_at", Ts),
    ("expires_at", Ts),
    ("created_at", Ts),
    ("updated_at", Ts),
];

#[derive(QueryableByName, Debug)]
pub struct RefApplication {
    #[diesel(sql_type = BigInt)]
    pub id: i64,
    #[diesel(sql_type = OptInt)]
    pub job_id: Option<i64>,
    #[diesel(sql_type = OptInt)]
    pub candidate_id: Option<i64>,
    #[diesel(sql_type = OptText)]
    pub status: Option<String>,
    #[diesel(sql_type = OptText)]
    pub cover_letter: Option<String>,
    #[diesel(sql_type = OptText)]
    pub cover_letter_url: Option<String>,
    #[diesel(sql_type = OptText)]
    pub notes: Option<String>,
    #[diesel(sql_type = OptTime)]
    pub applied_at: Option<NaiveDateTime>,
    #[diesel(sql_type = OptTime)]
    pub viewed_at: Option<NaiveDateTime>,
    #[diesel(sql_type = OptTime)]
    pub updated_at: Option<NaiveDateTime>,
}

const APPLICATIONS: &[(&str, Kind)] = &[
    ("job_id", I),
    ("candidate_id", I),
    ("status", T),
    ("cover_letter", T),
    ("cover_letter_url", T),
    ("notes", T),
    ("applied_at", Ts),
    ("viewed_at", Ts),
    ("updated_at", Ts),
];

#[derive(QueryableByName, Debug)]
pub struct RefNotification {
    #[diesel(sql_type = BigInt)]
    pub id: i64,
    #[diesel(sql_type = OptInt)]
    pub user_id: Option<i64>,
    /// The column `type`.
    #[diesel(sql_type = OptText)]
    pub kind: Option<String>,
    #[diesel(sql_type = OptText)]
    pub title: Option<String>,
    #[diesel(sql_type = OptText)]
    pub message: Option<String>,
    #[diesel(sql_type = OptInt)]
    pub related_job_id: Option<i64>,
    #[diesel(sql_type = OptInt)]
    pub related_application_id: Option<i64>,
    #[diesel(sql_type = OptBool)]
    pub is_read: Option<bool>,
    #[diesel(sql_type = OptTime)]
    pub read_at: Option<NaiveDateTime>,
    #[diesel(sql_type = OptTime)]
    pub created_at: Option<NaiveDateTime>,
}

const NOTIFICATIONS: &[(&str, Kind)] = &[
    ("user_id", I),
    ("type:kind", T),
    ("title", T),
    ("message", T),
    ("related_job_id", I),
    ("related_application_id", I),
    ("is_read", B),
    ("read_at", Ts),
    ("created_at", Ts),
];

pub(crate) fn load_hiring(
    conn: &mut PgConnection,
    catalog: &Catalog,
    absent: &mut Vec<&'static str>,
    data: &mut ReferenceData,
) -> QueryResult<()> {
    data.companies = load(conn, catalog, absent, "companies", COMPANIES)?;
    data.employers = load(conn, catalog, absent, "employers", EMPLOYERS)?;
    data.jobs = load(conn, catalog, absent, "jobs", JOBS)?;
    data.applications = load(conn, catalog, absent, "job_applications", APPLICATIONS)?;
    data.notifications = load(conn, catalog, absent, "notifications", NOTIFICATIONS)?;
    Ok(())
}
