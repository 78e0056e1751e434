//! The jobs an alert's criteria match, with the public search's semantics: published jobs of
//! active employers; keywords folded like the search text, any of them matching anywhere in it;
//! the location a folded substring; types among those chosen; salaries as upstream compared them.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::{Integer, Nullable};
use intowork_domain::job_alert::{AlertCriteria, MAX_KEYWORDS};

use super::rows::AlertJobRow;
use crate::jobs::{Source, open_jobs};
use crate::schema::{companies, jobs};
use crate::text_search::{contains_pattern, planned_per_pattern};

diesel::define_sql_function! {
    #[sql_name = "coalesce"]
    fn coalesce_int(x: Nullable<Integer>, y: Nullable<Integer>) -> Nullable<Integer>;
}

/// Saturates: criteria are capped far below, but a stored value must never overflow here.
fn int(v: i64) -> i32 {
    i32::try_from(v).unwrap_or(i32::MAX)
}

// The chain below has exactly this many terms.
const _: () = assert!(MAX_KEYWORDS == 10);

pub(super) fn matching(c: &AlertCriteria) -> Source {
    let mut s = open_jobs().filter(planned_per_pattern());
    let keywords = c.search_keywords();
    if let Some(first) = keywords.first() {
        // Any keyword: a fixed chain of MAX_KEYWORDS `LIKE`s, padded with the first one (a
        // repeated term changes nothing), so the expression has one type whatever the count.
        let p = |i: usize| contains_pattern(keywords.get(i).unwrap_or(first));
        let like = |i: usize| jobs::search_text.like(p(i)).escape('\\');
        s = s.filter(
            like(0)
                .or(like(1))
                .or(like(2))
                .or(like(3))
                .or(like(4))
                .or(like(5))
                .or(like(6))
                .or(like(7))
                .or(like(8))
                .or(like(9)),
        );
    }
    if let Some(location) = c.search_location() {
        s = s.filter(
            jobs::location_norm
                .like(contains_pattern(&location))
                .escape('\\'),
        );
    }
    if !c.job_types.is_empty() {
        let types: Vec<&str> = c.job_types.iter().map(|t| t.as_str()).collect();
        s = s.filter(jobs::job_type.eq_any(types));
    }
    if !c.location_types.is_empty() {
        let types: Vec<&str> = c.location_types.iter().map(|t| t.as_str()).collect();
        s = s.filter(jobs::location_type.eq_any(types));
    }
    if let Some(min) = c.salary_min {
        // The job pays at least `min` at its top (or its only) figure.
        s = s.filter(coalesce_int(jobs::salary_max, jobs::salary_min).ge(int(min)));
    }
    if let Some(max) = c.salary_max {
        s = s.filter(jobs::salary_min.le(int(max)));
    }
    s
}

pub(super) fn load(
    s: Source,
    limit: i64,
    conn: &mut crate::conn::DbConn,
) -> QueryResult<Vec<AlertJobRow>> {
    s.order((jobs::posted_at.desc(), jobs::id.desc()))
        .limit(limit)
        .select((
            jobs::id,
            jobs::title,
            companies::name,
            jobs::location,
            jobs::location_type,
            jobs::job_type,
            jobs::salary_min,
            jobs::salary_max,
            jobs::currency,
            jobs::posted_at,
            jobs::company_id,
        ))
        .load(conn)
}

/// Published at or after `since`.
pub(super) fn since(s: Source, since: NaiveDateTime) -> Source {
    s.filter(jobs::posted_at.ge(since))
}
