//! What an alert looks for, and how often it mails: checked and capped when saved, so a stored
//! alert always reads back and a delivery pass never runs an oversized query.

use crate::job::{JobType, LocationType};
use crate::search;

/// At most this many keywords, each at most [`MAX_KEYWORD_CHARS`] characters.
pub const MAX_KEYWORDS: usize = 10;
pub const MAX_KEYWORD_CHARS: usize = 100;
pub const MAX_LOCATION_CHARS: usize = 200;
pub const MAX_NAME_CHARS: usize = 200;
/// Salaries above this are typing mistakes, not criteria (and stay within an SQL `INTEGER`).
pub const MAX_SALARY: i64 = 1_000_000_000;

/// How often an alert mails. HEAD's UI sends `DAILY`, its backend `daily`: both are accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Frequency {
    Instant,
    Daily,
    Weekly,
}

impl Frequency {
    pub const ALL: &'static [Frequency] =
        &[Frequency::Instant, Frequency::Daily, Frequency::Weekly];

    pub fn as_str(self) -> &'static str {
        match self {
            Frequency::Instant => "instant",
            Frequency::Daily => "daily",
            Frequency::Weekly => "weekly",
        }
    }

    /// Either case (`DAILY`, `daily`, `Daily`).
    pub fn parse(raw: &str) -> Option<Frequency> {
        Self::ALL
            .iter()
            .copied()
            .find(|f| f.as_str().eq_ignore_ascii_case(raw))
    }
}

/// A job type in either case (`FULL_TIME`, `full_time`).
pub fn parse_job_type(raw: &str) -> Option<JobType> {
    JobType::parse(&raw.to_ascii_lowercase())
}

/// A place of work in either case (`ON_SITE`, `on_site`).
pub fn parse_location_type(raw: &str) -> Option<LocationType> {
    LocationType::parse(&raw.to_ascii_lowercase())
}

/// The criteria as the candidate typed them (trimmed, empty entries dropped, duplicates removed).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AlertCriteria {
    pub keywords: Vec<String>,
    pub location: Option<String>,
    pub job_types: Vec<JobType>,
    pub location_types: Vec<LocationType>,
    pub salary_min: Option<i64>,
    pub salary_max: Option<i64>,
}

/// Why criteria or a name were refused: the field, and what is wrong with it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {reason}")]
pub struct InvalidAlert {
    pub field: &'static str,
    pub reason: &'static str,
}

fn invalid(field: &'static str, reason: &'static str) -> InvalidAlert {
    InvalidAlert { field, reason }
}

/// A trimmed name of 1 to [`MAX_NAME_CHARS`] characters.
pub fn check_name(raw: &str) -> Result<String, InvalidAlert> {
    let name = raw.trim();
    if name.is_empty() {
        return Err(invalid("name", "empty"));
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(invalid("name", "too_long"));
    }
    Ok(name.to_owned())
}

impl AlertCriteria {
    /// Cleans and checks criteria: keywords trimmed, blank ones dropped, duplicates (after case
    /// and accent folding) removed, at most [`MAX_KEYWORDS`]; salaries ≥ 0, ≤ [`MAX_SALARY`],
    /// min ≤ max.
    pub fn checked(mut self) -> Result<AlertCriteria, InvalidAlert> {
        let mut seen = Vec::new();
        let mut keywords = Vec::new();
        for k in self.keywords {
            let k = k.trim().to_owned();
            if k.chars().count() > MAX_KEYWORD_CHARS {
                return Err(invalid("keywords", "too_long"));
            }
            let folded = search::normalize(&k);
            if folded.trim().is_empty() || seen.contains(&folded) {
                continue;
            }
            seen.push(folded);
            keywords.push(k);
        }
        if keywords.len() > MAX_KEYWORDS {
            return Err(invalid("keywords", "too_many"));
        }
        self.keywords = keywords;
        self.location = self
            .location
            .map(|l| l.trim().to_owned())
            .filter(|l| !l.is_empty());
        if self
            .location
            .as_ref()
            .is_some_and(|l| l.chars().count() > MAX_LOCATION_CHARS)
        {
            return Err(invalid("location", "too_long"));
        }
        dedup(&mut self.job_types);
        dedup(&mut self.location_types);
        for (field, v) in [
            ("salary_min", self.salary_min),
            ("salary_max", self.salary_max),
        ] {
            if v.is_some_and(|v| !(0..=MAX_SALARY).contains(&v)) {
                return Err(invalid(field, "out_of_range"));
            }
        }
        if let (Some(min), Some(max)) = (self.salary_min, self.salary_max)
            && min > max
        {
            return Err(invalid("salary_max", "below_min"));
        }
        Ok(self)
    }

    /// The keywords folded as the job search text is (case and accents), for matching.
    pub fn search_keywords(&self) -> Vec<String> {
        self.keywords
            .iter()
            .filter_map(|k| search::query(Some(k)))
            .collect()
    }

    /// The location folded likewise.
    pub fn search_location(&self) -> Option<String> {
        search::query(self.location.as_deref())
    }
}

fn dedup<T: PartialEq + Copy>(values: &mut Vec<T>) {
    let mut out: Vec<T> = Vec::with_capacity(values.len());
    for v in values.iter() {
        if !out.contains(v) {
            out.push(*v);
        }
    }
    *values = out;
}
