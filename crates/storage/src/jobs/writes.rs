//! Writing a job: its fields and the search columns derived from them with the domain's
//! normaliser (CONTRACT 9.10), then reading it back as listed.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use intowork_domain::image::ReplacedImage;
use intowork_domain::job::{JobFields, JobListing, NewJob};
use intowork_domain::search::{job_search_text_of, normalize};
use intowork_domain::{JobId, RepoError};

use super::listing::load_listing;
use crate::conn::DbConn;
use crate::database::write_tx;
use crate::error::map_db_error;
use crate::locks::job_status_exclusive;
use crate::schema::{companies, jobs};
use crate::stored::naive;

/// The writable columns plus the derived search columns.
#[derive(Insertable, AsChangeset)]
#[diesel(table_name = jobs, treat_none_as_null = true)]
struct JobValues<'a> {
    title: &'a str,
    description: &'a str,
    requirements: Option<&'a str>,
    responsibilities: Option<&'a str>,
    benefits: Option<&'a str>,
    job_type: &'static str,
    location_type: &'static str,
    location: Option<&'a str>,
    location_norm: String,
    salary_min: Option<i32>,
    salary_max: Option<i32>,
    currency: &'a str,
    context: Option<&'a str>,
    mission_principale: Option<&'a str>,
    profil_formation: Option<&'a str>,
    profil_experience: Option<&'a str>,
    profil_competences: Option<&'a str>,
    profil_posture: Option<&'a str>,
    profil_autre: Option<&'a str>,
    country: Option<&'a str>,
    zone: Option<&'a str>,
    language: Option<&'a str>,
    search_text: String,
    updated_at: NaiveDateTime,
}

fn job_values<'a>(f: &'a JobFields, company_name: &str, now: NaiveDateTime) -> JobValues<'a> {
    let [
        context,
        mission,
        formation,
        experience,
        competences,
        posture,
        autre,
    ] = f.sections.as_array().map(|s| s.as_deref());
    JobValues {
        title: &f.title,
        description: &f.description,
        requirements: f.requirements.as_deref(),
        responsibilities: f.responsibilities.as_deref(),
        benefits: f.benefits.as_deref(),
        job_type: f.job_type.as_str(),
        location_type: f.location_type.as_str(),
        location: f.location.as_deref(),
        location_norm: normalize(f.location.as_deref().unwrap_or("")),
        salary_min: f.salary_min,
        salary_max: f.salary_max,
        currency: &f.currency,
        context,
        mission_principale: mission,
        profil_formation: formation,
        profil_experience: experience,
        profil_competences: competences,
        profil_posture: posture,
        profil_autre: autre,
        country: f.country.as_deref(),
        zone: f.zone.as_deref(),
        language: f.language.as_deref(),
        search_text: job_search_text_of(company_name, f.searched_texts()),
        updated_at: now,
    }
}

fn company_name(conn: &mut DbConn, company: i64) -> QueryResult<String> {
    companies::table
        .find(company)
        .select(companies::name)
        .first(conn)
}

/// Inserts a published job (counters at 0, posted now), then reads it back.
pub(crate) fn create(conn: &mut DbConn, job: &NewJob) -> Result<JobListing, RepoError> {
    let now = naive(job.posted_at);
    let id: i64 = write_tx(conn, |conn| {
        let name = company_name(conn, job.company_id.get())?;
        diesel::insert_into(jobs::table)
            .values((
                job_values(&job.fields, &name, now),
                jobs::employer_id.eq(job.employer_id.get()),
                jobs::company_id.eq(job.company_id.get()),
                jobs::status.eq(job.status.as_str()),
                jobs::is_featured.eq(false),
                jobs::views_count.eq(0_i64),
                jobs::applications_count.eq(0),
                jobs::posted_at.eq(Some(now)),
                jobs::created_at.eq(now),
            ))
            .returning(jobs::id)
            .get_result(conn)
    })
    .map_err(map_db_error)?;
    load_listing(conn, id, None)?
        .ok_or_else(|| RepoError::Internal("created job vanished".to_owned()))
}

/// Replaces the writable fields (and the search text, which names the company), then reads the
/// job back; `None` when it is gone.
pub(crate) fn update(
    conn: &mut DbConn,
    id: JobId,
    fields: &JobFields,
    now: NaiveDateTime,
) -> Result<Option<JobListing>, RepoError> {
    let updated = write_tx(conn, |conn| {
        let company: Option<i64> = jobs::table
            .find(id.get())
            .select(jobs::company_id)
            .first(conn)
            .optional()?;
        let Some(company) = company else {
            return Ok(false);
        };
        let name = company_name(conn, company)?;
        diesel::update(jobs::table.find(id.get()))
            .set(job_values(fields, &name, now))
            .execute(conn)
            .map(|n| n > 0)
    })
    .map_err(map_db_error)?;
    if !updated {
        return Ok(None);
    }
    load_listing(conn, id.get(), None)
}

/// Points the job at a new image and returns the key it replaces, under the job's row lock (two
/// uploads racing each see the other's key, so no object is left behind unreferenced).
pub(crate) fn replace_image(
    conn: &mut DbConn,
    id: JobId,
    key: &str,
    now: NaiveDateTime,
) -> Result<Option<ReplacedImage>, RepoError> {
    write_tx(conn, |conn| {
        if job_status_exclusive(conn, id.get())?.is_none() {
            return Ok(None);
        }
        let previous: Option<String> = jobs::table
            .find(id.get())
            .select(jobs::image_key)
            .first(conn)?;
        diesel::update(jobs::table.find(id.get()))
            .set((jobs::image_key.eq(key), jobs::updated_at.eq(now)))
            .execute(conn)?;
        Ok(Some(ReplacedImage {
            previous_key: previous,
        }))
    })
    .map_err(map_db_error)
}

/// `views_count + 1` in one statement: concurrent views never lose an increment (D8).
pub(crate) fn record_view(conn: &mut DbConn, id: JobId) -> QueryResult<Option<i64>> {
    diesel::update(jobs::table.find(id.get()))
        .set(jobs::views_count.eq(jobs::views_count + 1_i64))
        .returning(jobs::views_count)
        .get_result(conn)
        .optional()
}
