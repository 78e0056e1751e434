//! What each cached answer is the answer to: typed keys, hashed by the cache, and the small tag
//! of each that eviction looks at.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use intowork_domain::application::ApplicationStatus;
use intowork_domain::directory::{DirectoryPage, MarketStats, PublicCounts};
use intowork_domain::job::PublicJobFilter;
use intowork_domain::{EmployerId, JobId};

use super::read_cache::{CacheKey, HeapSize};

/// A count of the jobs the public sees.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum JobCount {
    /// The total of the public list for these filters; the unfiltered one is also the candidate
    /// dashboard's open jobs.
    Public(PublicJobFilter),
    /// Published jobs of active employers posted at or after this whole second.
    PublishedSince(DateTime<Utc>),
}

/// What eviction knows of a [`JobCount`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum JobCountTag {
    /// `searched`: the filters have a text search, whose matches depend on company names.
    Public {
        searched: bool,
    },
    PublishedSince,
}

impl CacheKey for JobCount {
    type Tag = JobCountTag;

    fn tag(&self) -> JobCountTag {
        match self {
            JobCount::Public(f) => JobCountTag::Public {
                searched: f.text.is_some(),
            },
            JobCount::PublishedSince(_) => JobCountTag::PublishedSince,
        }
    }
}

/// A page of the public list, as anyone sees it (`has_applied` false).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct JobPageKey {
    pub(crate) filter: PublicJobFilter,
    pub(crate) limit: i64,
    pub(crate) offset: i64,
}

/// What eviction knows of a [`JobPageKey`]: whether its filters have a text search.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Searched(pub(crate) bool);

impl CacheKey for JobPageKey {
    type Tag = Searched;

    fn tag(&self) -> Searched {
        Searched(self.filter.text.is_some())
    }
}

/// The total of an employer's applications list for its filters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct EmployerApplications {
    pub(crate) employer: EmployerId,
    pub(crate) status: Option<ApplicationStatus>,
    pub(crate) job: Option<JobId>,
}

/// Fixed in size: the key is its own tag.
impl CacheKey for EmployerApplications {
    type Tag = Self;

    fn tag(&self) -> Self {
        *self
    }
}

/// An answer of the public pages (see [`super::CachedDirectory`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum DirectoryKey {
    Counts,
    Market {
        top_countries: i64,
        top_industries: i64,
    },
    /// A page of the company directory.
    Companies {
        limit: i64,
        offset: i64,
    },
}

/// Every directory answer goes on any eviction: the key needs no tag.
impl CacheKey for DirectoryKey {
    type Tag = ();

    fn tag(&self) {}
}

/// The answer stored under a [`DirectoryKey`] of the same kind.
#[derive(Clone, Debug)]
pub(crate) enum DirectoryAnswer {
    Counts(PublicCounts),
    Market(Arc<MarketStats>),
    Companies(Arc<DirectoryPage>),
}

impl HeapSize for DirectoryAnswer {
    fn heap_size(&self) -> usize {
        match self {
            DirectoryAnswer::Counts(_) => 0,
            DirectoryAnswer::Market(stats) => stats.heap_size(),
            DirectoryAnswer::Companies(page) => page.heap_size(),
        }
    }
}
