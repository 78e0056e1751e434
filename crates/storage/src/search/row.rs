//! What the search index keeps of one open job, and the public filters applied to it directly
//! (for the jobs written since a snapshot was read).

use chrono::NaiveDateTime;
use intowork_domain::job::PublicJobFilter;

/// The exact-match fields, in the order of [`IndexedRow::values`]:
/// `[job_type, location_type, country, currency, language]`.
pub(crate) const VALUE_FIELDS: usize = 5;

/// The exact-match values `filter` asks for, in the order of [`VALUE_FIELDS`].
pub(crate) fn wanted_values(filter: &PublicJobFilter) -> [Option<&str>; VALUE_FIELDS] {
    [
        filter.job_type.map(|t| t.as_str()),
        filter.location_type.map(|t| t.as_str()),
        filter.codes.country.as_deref(),
        filter.codes.currency.as_deref(),
        filter.codes.language.as_deref(),
    ]
}

/// What the index keeps of one open job.
#[derive(Clone, Debug)]
pub(crate) struct IndexedRow {
    pub(crate) id: i64,
    /// `jobs.search_text`.
    pub(crate) text: String,
    /// `jobs.location_norm`.
    pub(crate) location: String,
    /// In the order of [`VALUE_FIELDS`], the codes ASCII-lowercased as `lower()` folds them for
    /// the SQL filters.
    pub(crate) values: [Option<String>; VALUE_FIELDS],
    pub(crate) salary_min: Option<i32>,
    pub(crate) posted_at: Option<NaiveDateTime>,
}

impl IndexedRow {
    /// Whether `filter` keeps this job: the SQL filters of `jobs::filters::public_filtered`.
    pub(crate) fn matches(&self, filter: &PublicJobFilter) -> bool {
        wanted_values(filter)
            .iter()
            .zip(&self.values)
            .all(|(w, v)| w.is_none_or(|w| v.as_deref() == Some(w)))
            && filter.text.as_deref().is_none_or(|t| self.text.contains(t))
            && filter
                .location
                .as_deref()
                .is_none_or(|l| self.location.contains(l))
            && filter
                .salary_min
                .is_none_or(|floor| self.salary_min.is_some_and(|s| s >= floor))
    }
}
