//! Reads a reference (FastAPI) database: its tables as CONTRACT section 2 describes them, native
//! enum columns read as their text labels, `timestamptz` read as UTC. Read-only, in one
//! repeatable-read snapshot, so the tables agree with each other.
//!
//! Deployments differ (columns added and dropped by migrations, tables created by side scripts),
//! so every column is looked up first: a missing column reads as NULL and a missing table as empty
//! (reported). Only `id` is required.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::pg::PgConnection;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Nullable, Text, Timestamp};

/// How a column is read.
#[derive(Clone, Copy)]
pub(crate) enum Kind {
    Text,
    Int,
    Bool,
    Time,
}

use Kind::{Bool as B, Int as I, Text as T, Time as Ts};

type OptText = Nullable<Text>;
type OptInt = Nullable<BigInt>;
type OptBool = Nullable<Bool>;
type OptTime = Nullable<Timestamp>;

/// No `Debug`: it holds the password hash, which is never printed.
#[derive(QueryableByName)]
pub struct RefUser {
    #[diesel(sql_type = BigInt)]
    pub id: i64,
    #[diesel(sql_type = OptText)]
    pub email: Option<String>,
    #[diesel(sql_type = OptTime)]
    pub email_verified: Option<NaiveDateTime>,
    #[diesel(sql_type = OptText)]
    pub password_hash: Option<String>,
    #[diesel(sql_type = OptText)]
    pub name: Option<String>,
    #[diesel(sql_type = OptText)]
    pub image: Option<String>,
    #[diesel(sql_type = OptText)]
    pub clerk_id: Option<String>,
    #[diesel(sql_type = OptText)]
    pub role: Option<String>,
    #[diesel(sql_type = OptText)]
    pub first_name: Option<String>,
    #[diesel(sql_type = OptText)]
    pub last_name: Option<String>,
    #[diesel(sql_type = OptBool)]
    pub is_active: Option<bool>,
    #[diesel(sql_type = OptTime)]
    pub created_at: Option<NaiveDateTime>,
    #[diesel(sql_type = OptTime)]
    pub updated_at: Option<NaiveDateTime>,
}

const USERS: &[(&str, Kind)] = &[
    ("email", T),
    ("email_verified", Ts),
    ("password_hash", T),
    ("name", T),
    ("image", T),
    ("clerk_id", T),
    ("role", T),
    ("first_name", T),
    ("last_name", T),
    ("is_active", B),
    ("created_at", Ts),
    ("updated_at", Ts),
];

#[derive(QueryableByName, Debug)]
pub struct RefCandidate {
    #[diesel(sql_type = BigInt)]
    pub id: i64,
    #[diesel(sql_type = OptInt)]
    pub user_id: Option<i64>,
    #[diesel(sql_type = OptText)]
    pub phone: Option<String>,
    #[diesel(sql_type = OptText)]
    pub location: Option<String>,
    #[diesel(sql_type = OptText)]
    pub linkedin_url: Option<String>,
    #[diesel(sql_type = OptText)]
    pub website_url: Option<String>,
    #[diesel(sql_type = OptText)]
    pub profile_picture_url: Option<String>,
    #[diesel(sql_type = OptText)]
    pub title: Option<String>,
    #[diesel(sql_type = OptText)]
    pub summary: Option<String>,
    #[diesel(sql_type = OptInt)]
    pub years_experience: Option<i64>,
    #[diesel(sql_type = OptInt)]
    pub salary_expectation_min: Option<i64>,
    #[diesel(sql_type = OptInt)]
    pub salary_expectation_max: Option<i64>,
    #[diesel(sql_type = OptText)]
    pub cv_url: Option<String>,
    #[diesel(sql_type = OptText)]
    pub cv_filename: Option<String>,
    #[diesel(sql_type = OptTime)]
    pub cv_uploaded_at: Option<NaiveDateTime>,
    #[diesel(sql_type = OptTime)]
    pub created_at: Option<NaiveDateTime>,
    #[diesel(sql_type = OptTime)]
    pub updated_at: Option<NaiveDateTime>,
}

const CANDIDATES: &[(&str, Kind)] = &[
    ("user_id", I),
    ("phone", T),
    ("location", T),
    ("linkedin_url", T),
    ("website_url", T),
    ("profile_picture_url", T),
    ("title", T),
    ("summary", T),
    ("years_experience", I),
    ("salary_expectation_min", I),
    ("salary_expectation_max", I),
    ("cv_url", T),
    ("cv_filename", T),
    ("cv_uploaded_at", Ts),
    ("created_at", Ts),
    ("updated_at", Ts),
];

#[derive(QueryableByName, Debug)]
pub struct RefCv {
    #[diesel(sql_type = BigInt)]
    pub id: i64,
    #[diesel(sql_type = OptInt)]
    pub candidate_id: Option<i64>,
    #[diesel(sql_type = OptText)]
    pub filename: Option<String>,
    #[diesel(sql_type = OptText)]
    pub file_path: Option<String>,
    #[diesel(sql_type = OptBool)]
    pub is_active: Option<bool>,
    #[diesel(sql_type = OptTime)]
    pub created_at: Option<NaiveDateTime>,
    #[diesel(sql_type = OptTime)]
    pub updated_at: Option<NaiveDateTime>,
}

const CVS: &[(&str, Kind)] = &[
    ("candidate_id", I),
    ("filename", T),
    ("file_path", T),
    ("is_active", B),
    ("created_at", Ts),
    ("updated_at", Ts),
];

#[derive(QueryableByName, Debug)]
pub struct RefExperience {
    #[diesel(sql_type = BigInt)]
    pub id: i64,
    #[diesel(sql_type = OptInt)]
    pub candidate_id: Option<i64>,
    #[diesel(sql_type = OptText)]
    pub title: Option<String>,
    #[diesel(sql_type = OptText)]
    pub company: Option<String>,
    #[diesel(sql_type = OptText)]
    pub location: Option<String>,
    #[diesel(sql_type = OptText)]
    pub start_date: Option<String>,
    #[diesel(sql_type = OptText)]
    pub end_date: Option<String>,
    #[diesel(sql_type = OptBool)]
    pub is_current: Option<bool>,
    #[diesel(sql_type = OptText)]
    pub description: Option<String>,
    #[diesel(sql_type = OptTime)]
    pub created_at: Option<NaiveDateTime>,
    #[diesel(sql_type = OptTime)]
    pub updated_at: Option<NaiveDateTime>,
}

const EXPERIENCES: &[(&str, Kind)] = &[
    ("candidate_id", I),
    ("title", T),
    ("company", T),
    ("location", T),
    ("start_date", T),
    ("end_date", T),
    ("is_current", B),
    ("description", T),
    ("created_at", Ts),
    ("updated_at", Ts),
];

#[derive(QueryableByName, Debug)]
pub struct RefEducation {
    #[diesel(sql_type = BigInt)]
    pub id: i64,
    #[diesel(sql_type = OptInt)]
    pub candidate_id: Option<i64>,
    #[diesel(sql_type = OptText)]
    pub degree: Option<String>,
    #[diesel(sql_type = OptText)]
    pub school: Option<String>,
    #[diesel(sql_type = OptText)]
    pub location: Option<String>,
    #[diesel(sql_type = OptText)]
    pub start_date: Option<String>,
    #[diesel(sql_type = OptText)]
    pub end_date: Option<String>,
    #[diesel(sql_type = OptText)]
    pub description: Option<String>,
    #[diesel(sql_type = OptTime)]
    pub created_at: Option<NaiveDateTime>,
    #[diesel(sql_type = OptTime)]
    pub updated_at: Option<NaiveDateTime>,
}

const EDUCATIONS: &[(&str, Kind)] = &[
    ("candidate_id", I),
    ("degree", T),
    ("school", T),
    ("location", T),
    ("start_date", T),
    ("end_date", T),
    ("description", T),
    ("created_at", Ts),
    ("updated_at", Ts),
];

#[derive(QueryableByName, Debug)]
pub struct RefSkill {
    #[diesel(sql_type = BigInt)]
    pub id: i64,
    #[diesel(sql_type = OptInt)]
    pub candidate_id: Option<i64>,
    #[diesel(sql_type = OptText)]
    pub name: Option<String>,
    #[diesel(sql_type = OptInt)]
    pub level: Option<i64>,
    #[diesel(sql_type = OptText)]
    pub category: Option<String>,
    #[diesel(sql_type = OptTime)]
    pub created_at: Option<NaiveDateTime>,
    #[diesel(sql_type = OptTime)]
    pub updated_at: Option<NaiveDateTime>,
}

const SKILLS: &[(&str, Kind)] = &[
    ("candidate_id", I),
    ("name", T),
    ("level", I),
    ("category", T),
    ("created_at", Ts),
    ("updated_at", Ts),
];

/// The employer side (companies, employers, jobs, applications, notifications).
pub use super::reference_hiring::*;

/// Everything read from the reference, each table ordered by id (so "the first row wins" is
/// deterministic). `absent` names the tables the reference does not have.
#[derive(Default)]
pub struct ReferenceData {
    pub users: Vec<RefUser>,
    pub candidates: Vec<RefCandidate>,
    pub experiences: Vec<RefExperience>,
    pub educations: Vec<RefEducation>,
    pub skills: Vec<RefSkill>,
    pub cvs: Vec<RefCv>,
    pub companies: Vec<RefCompany>,
    pub employers: Vec<RefEmployer>,
    pub jobs: Vec<RefJob>,
    pub applications: Vec<RefApplication>,
    pub notifications: Vec<RefNotification>,
    pub absent: Vec<&'static str>,
}

/// The column names and types of every table in the reference's search path.
pub(crate) struct Catalog(HashMap<String, HashMap<String, String>>);

#[derive(QueryableByName)]
struct ColumnRow {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    column_name: String,
    #[diesel(sql_type = Text)]
    data_type: String,
}

impl Catalog {
    fn load(conn: &mut PgConnection) -> QueryResult<Catalog> {
        let rows: Vec<ColumnRow> = diesel::sql_query(
            "SELECT table_name::text AS table_name, column_name::text AS column_name, \
                    data_type::text AS data_type \
             FROM information_schema.columns WHERE table_schema = current_schema()",
        )
        .load(conn)?;
        let mut tables: HashMap<String, HashMap<String, String>> = HashMap::new();
        for r in rows {
            tables
                .entry(r.table_name)
                .or_default()
                .insert(r.column_name, r.data_type);
        }
        Ok(Catalog(tables))
    }

    /// `SELECT id, <columns> FROM <table> ORDER BY id`, each column cast to what we read, or NULL
    /// when the table lacks it. `None` when the table (or its `id`) does not exist.
    fn select(&self, table: &str, columns: &[(&str, Kind)]) -> Option<String> {
        let present = self.0.get(table)?;
        present.get("id")?;
        let mut parts = vec!["\"id\"::bigint AS id".to_owned()];
        for (spec, kind) in columns {
            // `column:alias` reads `column` under another name (`type` is a Rust keyword).
            let (name, alias) = spec.split_once(':').unwrap_or((spec, spec));
            let expr = match (present.get(name).map(String::as_str), kind) {
                (None, Kind::Text) => "NULL::text".to_owned(),
                (None, Kind::Int) => "NULL::bigint".to_owned(),
                (None, Kind::Bool) => "NULL::boolean".to_owned(),
                (None, Kind::Time) => "NULL::timestamp".to_owned(),
                (Some(_), Kind::Text) => format!("\"{name}\"::text"),
                (Some(_), Kind::Int) => format!("\"{name}\"::bigint"),
                (Some(_), Kind::Bool) => format!("\"{name}\"::boolean"),
                // The reference writes timestamptz; a plain timestamp is taken as UTC already.
                (Some("timestamp with time zone"), Kind::Time) => {
                    format!("(\"{name}\" AT TIME ZONE 'UTC')")
                }
                (Some(_), Kind::Time) => format!("\"{name}\"::timestamp"),
            };
            parts.push(format!("{expr} AS {alias}"));
        }
        Some(format!(
            "SELECT {} FROM \"{table}\" ORDER BY \"id\"",
            parts.join(", ")
        ))
    }
}

/// Loads one table (empty, and recorded in `absent`, when the reference does not have it).
pub(crate) fn load<R: QueryableByName<diesel::pg::Pg> + 'static>(
    conn: &mut PgConnection,
    catalog: &Catalog,
    absent: &mut Vec<&'static str>,
    table: &'static str,
    columns: &[(&str, Kind)],
) -> QueryResult<Vec<R>> {
    match catalog.select(table, columns) {
        Some(sql) => diesel::sql_query(sql).load(conn),
        None => {
            absent.push(table);
            Ok(Vec::new())
        }
    }
}

/// Connects to the reference and reads every table the import needs, in one read-only snapshot.
/// The URL is never echoed (it holds a password): errors carry the driver's text only.
pub fn read_reference(url: &str) -> Result<ReferenceData, String> {
    let mut conn = PgConnection::establish(url)
        .map_err(|e| format!("cannot connect to the reference database: {e}"))?;
    conn.build_transaction()
        .read_only()
        .repeatable_read()
        .run(|conn| {
            let catalog = Catalog::load(conn)?;
            let mut absent = Vec::new();
            let a = &mut absent;
            let mut data = ReferenceData {
                users: load(conn, &catalog, a, "users", USERS)?,
                candidates: load(conn, &catalog, a, "candidates", CANDIDATES)?,
                experiences: load(conn, &catalog, a, "experiences", EXPERIENCES)?,
                educations: load(conn, &catalog, a, "educations", EDUCATIONS)?,
                skills: load(conn, &catalog, a, "skills", SKILLS)?,
                cvs: load(conn, &catalog, a, "candidate_cvs", CVS)?,
                ..ReferenceData::default()
            };
            super::reference_hiring::load_hiring(conn, &catalog, a, &mut data)?;
            data.absent = absent;
            Ok(data)
        })
        .map_err(|e: diesel::result::Error| format!("cannot read the reference database: {e}"))
}
