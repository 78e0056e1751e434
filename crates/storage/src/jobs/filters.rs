//! The filters of the public list and of an employer's own list.

use diesel::prelude::*;
use diesel::sql_types::{Nullable, Text};
use intowork_domain::job::{CodeMatch, EmployerJobQuery, JobStatus, PublicJobFilter};

use super::source::{Source, listing_source};
use crate::schema::{jobs, users};
use crate::text_search::{after_company_pattern, contains_pattern, planned_per_pattern};

// ASCII case folding on both databases for the code filters: the values compared are ASCII codes
// (`GA`, `XAF`, `fr`), which both `lower`s fold alike.
diesel::define_sql_function!(fn lower(x: Nullable<Text>) -> Nullable<Text>);

/// Country, currency and language, each the whole stored value (case folded); a job without a
/// value never matches a filter on it.
fn with_codes(mut s: Source, codes: &CodeMatch) -> Source {
    if let Some(country) = &codes.country {
        s = s.filter(lower(jobs::country).eq(country.clone()));
    }
    if let Some(currency) = &codes.currency {
        s = s.filter(lower(jobs::currency.nullable()).eq(currency.clone()));
    }
    if let Some(language) = &codes.language {
        s = s.filter(lower(jobs::language).eq(language.clone()));
    }
    s
}

/// Published jobs of active employers: what the public sees.
pub(crate) fn open_jobs() -> Source {
    listing_source!()
        .filter(jobs::status.eq(JobStatus::Published.as_str()))
        .filter(users::is_active.eq(true))
}

pub(crate) fn public_filtered(q: &PublicJobFilter) -> Source {
    // Planned for its actual values, never prepared: a text search's plan depends on the
    // pattern, and the generic plan of the plain list (unknown LIMIT) sorted every published job
    // instead of walking the posted-at index. Such a query only runs when the read cache misses.
    let mut s = open_jobs().filter(planned_per_pattern());
    if let Some(text) = &q.text {
        s = s.filter(jobs::search_text.like(contains_pattern(text)).escape('\\'));
    }
    if let Some(location) = &q.location {
        let pattern = contains_pattern(location);
        s = s.filter(jobs::location_norm.like(pattern).escape('\\'));
    }
    if let Some(t) = q.job_type {
        s = s.filter(jobs::job_type.eq(t.as_str()));
    }
    if let Some(t) = q.location_type {
        s = s.filter(jobs::location_type.eq(t.as_str()));
    }
    if let Some(min) = q.salary_min {
        s = s.filter(jobs::salary_min.ge(min));
    }
    with_codes(s, &q.codes)
}

pub(crate) fn employer_filtered(q: &EmployerJobQuery) -> Source {
    let mut s = listing_source!().filter(jobs::employer_id.eq(q.employer.get()));
    s = match q.status {
        Some(status) => s.filter(jobs::status.eq(status.as_str())),
        // Archived jobs are history: shown only when asked for by status (8.6).
        None => s.filter(jobs::status.ne(JobStatus::Archived.as_str())),
    };
    if let Some(text) = &q.text {
        let pattern = after_company_pattern(text);
        s = s
            .filter(planned_per_pattern())
            .filter(jobs::search_text.like(pattern).escape('\\'));
    }
    with_codes(s, &q.codes)
}
