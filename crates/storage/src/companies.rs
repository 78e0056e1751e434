//! `CompanyRepository` over diesel: employer profiles, companies, company stats and the candidate
//! fields written by onboarding.

use async_trait::async_trait;
use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};
use intowork_domain::company::{
    CandidateContact, CandidateContactProfile, Company, CompanyRepository, CompanyStats, Employer,
    EmployerUpdate, NewCompany, RegisterEmployerError,
};
use intowork_domain::search::normalize;
use intowork_domain::{CandidateId, CompanyId, EmployerId, RepoError, UserId};

use crate::cache::{CacheEvent, ReadCaches, publish};
use crate::conn::DbConn;
use crate::database::{Database, write_tx};
use crate::error::{TxError, map_db_error};
use crate::schema::{candidates, companies, employers, job_applications, jobs};

use crate::company_rows::*;

/// Given the [`ReadCaches`], saving a company evicts the job pages that show it.
#[derive(Clone, Debug)]
pub struct DieselCompanyRepository {
    db: Database,
    caches: Option<ReadCaches>,
}

impl DieselCompanyRepository {
    pub fn new(db: Database) -> Self {
        Self { db, caches: None }
    }

    pub fn with_caches(self, caches: ReadCaches) -> Self {
        Self {
            caches: Some(caches),
            ..self
        }
    }
}

fn register(
    conn: &mut DbConn,
    id: i64,
    update: &EmployerUpdate,
    company: Option<&NewCompany>,
    now: NaiveDateTime,
) -> Result<(Employer, Option<Company>), TxError<RegisterEmployerError>> {
    let changes = employer_changes(update, now);
    let Some(new) = company else {
        let row: Option<EmployerRow> = diesel::update(employers::table.find(id))
            .set(&changes)
            .returning(EMPLOYER_COLUMNS)
            .get_result(conn)
            .optional()?;
        let row = row.ok_or(TxError::Domain(RegisterEmployerError::EmployerNotFound))?;
        return Ok((row.into(), None));
    };
    let inserted: CompanyRow = diesel::insert_into(companies::table)
        .values((
            values(new.name.as_str(), &new.details, now),
            companies::created_at.eq(now),
        ))
        .returning(COMPANY_COLUMNS)
        .get_result(conn)?;
    // The `company_id IS NULL` guard decides "one company per employer" inside the write, so two
    // concurrent requests cannot both attach one; the loser's insert is rolled back.
    let row: Option<EmployerRow> = diesel::update(
        employers::table
            .find(id)
            .filter(employers::company_id.is_null()),
    )
    .set((&changes, employers::company_id.eq(Some(inserted.id))))
    .returning(EMPLOYER_COLUMNS)
    .get_result(conn)
    .optional()?;
    match row {
        Some(row) => Ok((row.into(), Some(inserted.into()))),
        None => {
            let exists = employers::table
                .find(id)
                .select(employers::id)
                .first::<i64>(conn)
                .optional()?;
            Err(TxError::Domain(if exists.is_some() {
                RegisterEmployerError::AlreadyHasCompany
            } else {
                RegisterEmployerError::EmployerNotFound
            }))
        }
    }
}

/// Rewrites the company part of its jobs' search texts: everything before the first separator
/// (see `intowork_domain::search::job_search_text`). One statement whatever the number of jobs;
/// the string functions differ by backend.
fn rename_in_search_texts(conn: &mut DbConn, company: i64, name: &str) -> QueryResult<usize> {
    let norm = normalize(name);
    match conn {
        DbConn::Pg(c) => diesel::sql_query(
            "UPDATE jobs SET search_text = $1 || substr(search_text, strpos(search_text, chr(31))) \
             WHERE company_id = $2",
        )
        .bind::<Text, _>(norm)
        .bind::<BigInt, _>(company)
        .execute(c),
        DbConn::Sqlite(c) => diesel::sql_query(
            "UPDATE jobs SET search_text = ? || substr(search_text, instr(search_text, char(31))) \
             WHERE company_id = ?",
        )
        .bind::<Text, _>(norm)
        .bind::<BigInt, _>(company)
        .execute(c),
    }
}

/// The saved company, and whether its name changed (its jobs' search texts with it).
fn save(
    conn: &mut DbConn,
    c: &Company,
    now: NaiveDateTime,
) -> QueryResult<Option<(Company, bool)>> {
    let old_name: Option<String> = companies::table
        .find(c.id.get())
        .select(companies::name)
        .first(conn)
        .optional()?;
    let Some(old_name) = old_name else {
        return Ok(None);
    };
    let row: CompanyRow = diesel::update(companies::table.find(c.id.get()))
        .set(values(&c.name, &c.details, now))
        .returning(COMPANY_COLUMNS)
        .get_result(conn)?;
    let renamed = normalize(&old_name) != normalize(&c.name);
    if renamed {
        rename_in_search_texts(conn, c.id.get(), &c.name)?;
    }
    Ok(Some((row.into(), renamed)))
}

fn stats(conn: &mut DbConn, id: i64) -> QueryResult<CompanyStats> {
    // One statement with four scalar sub-selects, each backed by an index on company_id.
    let company_jobs = || jobs::table.filter(jobs::company_id.eq(id));
    let (active, total, applications, employers_n) = diesel::select((
        company_jobs()
            .filter(jobs::status.eq("published"))
            .count()
            .single_value(),
        company_jobs().count().single_value(),
        job_applications::table
            .inner_join(jobs::table)
            .filter(jobs::company_id.eq(id))
            .count()
            .single_value(),
        employers::table
            .filter(employers::company_id.eq(Some(id)))
            .count()
            .single_value(),
    ))
    .get_result::<(Option<i64>, Option<i64>, Option<i64>, Option<i64>)>(conn)?;
    Ok(CompanyStats {
        active_jobs: active.unwrap_or(0),
        total_jobs: total.unwrap_or(0),
        total_applications: applications.unwrap_or(0),
        total_employers: employers_n.unwrap_or(0),
    })
}

fn naive(t: DateTime<Utc>) -> NaiveDateTime {
    t.naive_utc()
}

#[async_trait]
impl CompanyRepository for DieselCompanyRepository {
    #[tracing::instrument(name = "db.employers.by_user", skip_all, fields(user_id = user.get()))]
    async fn employer_by_user(&self, user: UserId) -> Result<Option<Employer>, RepoError> {
        self.db
            .run(move |conn| {
                employers::table
                    .filter(employers::user_id.eq(user.get()))
                    .select(EMPLOYER_COLUMNS)
                    .first::<EmployerRow>(conn)
                    .optional()
                    .map(|r| r.map(Employer::from))
                    .map_err(map_db_error)
            })
            .await
    }

    #[tracing::instrument(name = "db.employers.update", skip_all, fields(employer_id = id.get()))]
    async fn update_employer(
        &self,
        id: EmployerId,
        update: EmployerUpdate,
        now: DateTime<Utc>,
    ) -> Result<Option<Employer>, RepoError> {
        self.db
            .run(move |conn| {
                diesel::update(employers::table.find(id.get()))
                    .set(&employer_changes(&update, naive(now)))
                    .returning(EMPLOYER_COLUMNS)
                    .get_result::<EmployerRow>(conn)
                    .optional()
                    .map(|r| r.map(Employer::from))
                    .map_err(map_db_error)
            })
            .await
    }

    #[tracing::instrument(name = "db.employers.register", skip_all, fields(employer_id = id.get()))]
    async fn register_employer(
        &self,
        id: EmployerId,
        update: EmployerUpdate,
        company: Option<NewCompany>,
        now: DateTime<Utc>,
    ) -> Result<(Employer, Option<Company>), RegisterEmployerError> {
        let result = self
            .db
            .run(move |conn| {
                Ok(write_tx(conn, |conn| {
                    register(conn, id.get(), &update, company.as_ref(), naive(now))
                }))
            })
            .await?;
        result.map_err(TxError::into_domain)
    }

    #[tracing::instrument(name = "db.companies.find", skip_all, fields(company_id = id.get()))]
    async fn find_company(&self, id: CompanyId) -> Result<Option<Company>, RepoError> {
        self.db
            .run(move |conn| {
                companies::table
                    .find(id.get())
                    .select(COMPANY_COLUMNS)
                    .first::<CompanyRow>(conn)
                    .optional()
                    .map(|r| r.map(Company::from))
                    .map_err(map_db_error)
            })
            .await
    }

    #[tracing::instrument(name = "db.companies.save", skip_all, fields(company_id = company.id.get()))]
    async fn save_company(
        &self,
        company: Company,
        now: DateTime<Utc>,
    ) -> Result<Option<Company>, RepoError> {
        let saved = self
            .db
            .run(move |conn| {
                write_tx(conn, |conn| save(conn, &company, naive(now))).map_err(map_db_error)
            })
            .await?;
        Ok(saved.map(|(company, renamed)| {
            let event = CacheEvent::CompanyChanged {
                company: company.id,
                renamed,
            };
            publish(&self.caches, event);
            company
        }))
    }

    #[tracing::instrument(name = "db.companies.stats", skip_all, fields(company_id = id.get()))]
    async fn company_stats(&self, id: CompanyId) -> Result<CompanyStats, RepoError> {
        self.db
            .run(move |conn| stats(conn, id.get()).map_err(map_db_error))
            .await
    }

    #[tracing::instrument(name = "db.candidates.update_contact", skip_all, fields(user_id = user.get()))]
    async fn update_candidate_contact(
        &self,
        user: UserId,
        contact: CandidateContact,
        now: DateTime<Utc>,
    ) -> Result<Option<CandidateContactProfile>, RepoError> {
        self.db
            .run(move |conn| {
                let changes = CandidateChanges {
                    phone: contact.phone.as_deref(),
                    location: contact.location.as_deref(),
                    title: contact.title.as_deref(),
                    updated_at: naive(now),
                };
                diesel::update(candidates::table.filter(candidates::user_id.eq(user.get())))
                    .set(&changes)
                    .returning((
                        candidates::id,
                        candidates::user_id,
                        candidates::phone,
                        candidates::location,
                        candidates::title,
                    ))
                    .get_result::<(i64, i64, Option<String>, Option<String>, Option<String>)>(conn)
                    .optional()
                    .map(|r| {
                        r.map(
                            |(id, user_id, phone, location, title)| CandidateContactProfile {
                                id: CandidateId(id),
                                user_id: UserId(user_id),
                                contact: CandidateContact {
                                    phone,
                                    location,
                                    title,
                                },
                            },
                        )
                    })
                    .map_err(map_db_error)
            })
            .await
    }
}
