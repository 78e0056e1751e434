//! Jobs (CONTRACT 3.6, decisions 8.5, 8.6, 9.10, 9.11): the entity and its enums, list queries, the
//! repository port, the use cases and their errors, and the decision of what removing a job does.

mod commands;
mod entity;
mod errors;
mod image;
mod kinds;
mod notices;
mod port;
mod query;
mod removal;
mod sections;
mod service;
mod summary;

pub use commands::{CreateJobCommand, MyJobsSearch, PublicJobSearch, UpdateJobCommand};
pub use entity::{Job, JobCompany, JobFields, JobListing, NewJob};
pub use errors::{
    CreateJobError, DeleteJobError, JobImageError, MyJobsError, UpdateJobError, ViewJobError,
};
pub use kinds::{JobStatus, JobType, LocationType};
pub use notices::{
    JOB_REMOVED_TITLE, JOB_REMOVED_WITH_ACCOUNT_MESSAGE, job_archived_message, job_archived_notice,
    job_removed_with_account_notice,
};
pub use port::JobRepository;
#[cfg(any(test, feature = "mocks"))]
pub use port::MockJobRepository;
pub use query::{
    CodeFilters, CodeMatch, EmployerJobQuery, JobPage, Paging, PublicJobFilter, PublicJobQuery,
};
pub use removal::{ArchiveJob, JobApplicant, JobRemoval, JobRemovalPlan};
pub use sections::{JobSections, JobSectionsPatch, Sections};
pub use service::JobService;
pub use summary::{JobSummary, LISTED_DESCRIPTION_CHARS};

#[cfg(test)]
mod fields_tests;
#[cfg(test)]
mod image_tests;
#[cfg(test)]
mod removal_tests;
#[cfg(test)]
mod tests;
