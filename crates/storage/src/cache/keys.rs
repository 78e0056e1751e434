//! What each cached answer is the answer to: typed keys, compared field by field.

use chrono::{DateTime, Utc};
use intowork_domain::application::ApplicationStatus;
use intowork_domain::job::PublicJobFilter;
use intowork_domain::{EmployerId, JobId};

/// A count of the jobs the public sees.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum JobCount {
    /// The total of the public list for these filters; the unfiltered one is also the candidate
    /// dashboard's open jobs.
    Public(PublicJobFilter),
    /// Published jobs of active employers posted at or after this whole second.
    PublishedSince(DateTime<Utc>),
}

/// A page of the public list, as anyone sees it (`has_applied` false).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct JobPageKey {
    pub(crate) filter: PublicJobFilter,
    pub(crate) limit: i64,
    pub(crate) offset: i64,
}

/// The total of an employer's applications list for its filters.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct EmployerApplications {
    pub(crate) employer: EmployerId,
    pub(crate) status: Option<ApplicationStatus>,
    pub(crate) job: Option<JobId>,
}
