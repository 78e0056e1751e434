//! PDF reports (HEAD.md 10.19): the candidate's, the employer's and the platform's. The domain
//! gathers the facts and writes the texts; a renderer port lays them out.

mod admin;
mod candidate;
mod document;
mod employer;
mod error;
mod facts;
mod labels;
mod port;
mod service;

pub use admin::admin_report;
pub use candidate::candidate_report;
pub use document::{Block, Report, ReportKind, Section, Table};
pub use employer::employer_report;
pub use error::ReportError;
pub use facts::{
    ApplicationLine, CandidateDetails, EmployerDetails, JobLine, PeriodLine, SkillLine,
};
pub use labels::{application_status, job_status};
#[cfg(any(test, feature = "mocks"))]
pub use port::{MockReportRenderer, MockReportRepository};
pub use port::{RenderError, ReportRenderer, ReportRepository};
pub use service::{MAX_ROWS, RenderedReport, ReportService};

#[cfg(test)]
mod tests;
