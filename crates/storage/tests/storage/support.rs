//! Fixtures: databases, domain values and plain-diesel inserts for rows the repositories under test
//! do not create themselves.

use std::time::Duration;

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::BigInt;
use intowork_domain::RepoError;
use intowork_domain::user::{Email, NewUser, Role};
use intowork_storage::schema::*;
use intowork_storage::{Database, DbConn};
use intowork_testkit::TestDb;

pub const TABLES: [&str; 20] = [
    "users",
    "candidates",
    "candidate_cvs",
    "experiences",
    "educations",
    "skills",
    "companies",
    "employers",
    "jobs",
    "job_applications",
    "application_status_history",
    "notifications",
    "password_reset_tokens",
    "admin_audit_log",
    "mail_outbox",
    "cv_builder_documents",
    "cv_builder_daily_views",
    "email_templates",
    "job_alerts",
    "job_alert_sent_jobs",
];

/// A migrated database with a small pool.
pub fn migrated(db: &TestDb) -> Database {
    migrated_with(db, 4)
}

pub fn migrated_with(db: &TestDb, pool_size: u32) -> Database {
    let database = Database::connect_lazy(&db.url, pool_size, Duration::from_secs(30)).unwrap();
    database.run_migrations().unwrap();
    database
}

/// A fixed instant with whole microseconds, so it round-trips exactly through both databases.
pub fn at(secs: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_780_000_000 + secs, 123_456_000).unwrap()
}

fn naive(secs: i64) -> NaiveDateTime {
    at(secs).naive_utc()
}

pub fn new_user(email: &str, role: Role) -> NewUser {
    NewUser {
        email: Email::parse(email).unwrap(),
        password_hash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA".to_owned(),
        role,
        first_name: "Jeanne".to_owned(),
        last_name: "Martin".to_owned(),
        now: at(0),
    }
}

/// Runs a fixture closure, turning diesel errors into test failures.
pub async fn with_conn<T: Send + 'static>(
    db: &Database,
    f: impl FnOnce(&mut DbConn) -> QueryResult<T> + Send + 'static,
) -> T {
    db.run(move |c| f(c).map_err(|e| RepoError::Internal(e.to_string())))
        .await
        .unwrap()
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// `SELECT COUNT(*) FROM table [WHERE filter]`, with trusted test-only SQL text.
pub async fn count(db: &Database, table: &str, filter: &str) -> i64 {
    let sql = if filter.is_empty() {
        format!("SELECT COUNT(*) AS n FROM {table}")
    } else {
        format!("SELECT COUNT(*) AS n FROM {table} WHERE {filter}")
    };
    with_conn(db, move |c| {
        diesel::sql_query(sql).get_result::<Count>(c).map(|r| r.n)
    })
    .await
}

pub fn table_exists(conn: &mut DbConn, table: &str) -> bool {
    diesel::sql_query(format!("SELECT 1 FROM {table} WHERE 1 = 0"))
        .execute(conn)
        .is_ok()
}

pub fn candidate_id(conn: &mut DbConn, user_id: i64) -> QueryResult<i64> {
    candidates::table
        .filter(candidates::user_id.eq(user_id))
        .select(candidates::id)
        .first(conn)
}

pub fn employer_id(conn: &mut DbConn, user_id: i64) -> QueryResult<i64> {
    employers::table
        .filter(employers::user_id.eq(user_id))
        .select(employers::id)
        .first(conn)
}

/// Creates a company and attaches it to the employer.
pub fn company_for(conn: &mut DbConn, employer_id: i64, name: &str) -> QueryResult<i64> {
    let id = diesel::insert_into(companies::table)
        .values((
            companies::name.eq(name),
            companies::created_at.eq(naive(1)),
            companies::updated_at.eq(naive(1)),
        ))
        .returning(companies::id)
        .get_result(conn)?;
    diesel::update(employers::table.find(employer_id))
        .set(employers::company_id.eq(Some(id)))
        .execute(conn)?;
    Ok(id)
}

pub fn job(conn: &mut DbConn, employer_id: i64, company_id: i64, title: &str) -> QueryResult<i64> {
    diesel::insert_into(jobs::table)
        .values((
            jobs::employer_id.eq(employer_id),
            jobs::company_id.eq(company_id),
            jobs::title.eq(title),
            jobs::description.eq("Une belle offre"),
            jobs::job_type.eq("full_time"),
            jobs::location_type.eq("remote"),
            jobs::status.eq("published"),
            jobs::search_text.eq(title.to_lowercase()),
            jobs::posted_at.eq(Some(naive(2))),
            jobs::created_at.eq(naive(2)),
            jobs::updated_at.eq(naive(2)),
        ))
        .returning(jobs::id)
        .get_result(conn)
}

pub fn cv(conn: &mut DbConn, candidate_id: i64, key: &str) -> QueryResult<i64> {
    diesel::insert_into(candidate_cvs::table)
        .values((
            candidate_cvs::candidate_id.eq(candidate_id),
            candidate_cvs::filename.eq("Mon CV.pdf"),
            candidate_cvs::storage_key.eq(key),
            candidate_cvs::file_size.eq(1234_i64),
            candidate_cvs::created_at.eq(naive(3)),
            candidate_cvs::updated_at.eq(naive(3)),
        ))
        .returning(candidate_cvs::id)
        .get_result(conn)
}

pub fn application(
    conn: &mut DbConn,
    job_id: i64,
    candidate_id: i64,
    cv_id: Option<i64>,
) -> QueryResult<i64> {
    let employer: i64 = jobs::table
        .find(job_id)
        .select(jobs::employer_id)
        .first(conn)?;
    diesel::insert_into(job_applications::table)
        .values((
            job_applications::job_id.eq(job_id),
            job_applications::employer_id.eq(employer),
            job_applications::candidate_id.eq(candidate_id),
            job_applications::cv_id.eq(cv_id),
            job_applications::status.eq("applied"),
            job_applications::applied_at.eq(naive(4)),
            job_applications::updated_at.eq(naive(4)),
        ))
        .returning(job_applications::id)
        .get_result(conn)
}

pub fn notification(
    conn: &mut DbConn,
    user_id: i64,
    job_id: Option<i64>,
    application_id: Option<i64>,
) -> QueryResult<i64> {
    diesel::insert_into(notifications::table)
        .values((
            notifications::user_id.eq(user_id),
            notifications::kind.eq("new_application"),
            notifications::title.eq("Nouvelle candidature"),
            notifications::message.eq("Quelqu'un a postulé"),
            notifications::related_job_id.eq(job_id),
            notifications::related_application_id.eq(application_id),
            notifications::created_at.eq(naive(5)),
        ))
        .returning(notifications::id)
        .get_result(conn)
}

/// Experience, education, skill and a password reset token for a candidate.
pub fn candidate_extras(conn: &mut DbConn, user_id: i64, candidate_id: i64) -> QueryResult<()> {
    diesel::insert_into(experiences::table)
        .values((
            experiences::candidate_id.eq(candidate_id),
            experiences::title.eq("Dev"),
            experiences::company.eq("Acme"),
            experiences::start_date.eq("2020-01"),
            experiences::created_at.eq(naive(6)),
            experiences::updated_at.eq(naive(6)),
        ))
        .execute(conn)?;
    diesel::insert_into(educations::table)
        .values((
            educations::candidate_id.eq(candidate_id),
            educations::degree.eq("Master"),
            educations::school.eq("Université"),
            educations::start_date.eq("2015"),
            educations::created_at.eq(naive(6)),
            educations::updated_at.eq(naive(6)),
        ))
        .execute(conn)?;
    diesel::insert_into(skills::table)
        .values((
            skills::candidate_id.eq(candidate_id),
            skills::name.eq("Rust"),
            skills::level.eq(4),
            skills::category.eq("technical"),
            skills::created_at.eq(naive(6)),
            skills::updated_at.eq(naive(6)),
        ))
        .execute(conn)?;
    diesel::insert_into(password_reset_tokens::table)
        .values((
            password_reset_tokens::user_id.eq(user_id),
            password_reset_tokens::token_hash.eq(format!("hash-{user_id}")),
            password_reset_tokens::expires_at.eq(naive(7)),
            password_reset_tokens::created_at.eq(naive(6)),
        ))
        .execute(conn)?;
    Ok(())
}
