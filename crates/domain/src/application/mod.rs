//! Applications: the hiring workflow between candidates and employers (CONTRACT 3.7, 5.3 A2–A4,
//! 5.8 D4, D6, D7, decisions 9.1, 9.4).

mod employer;
mod entity;
mod error;
mod message;
mod notice;
mod port;
mod quick_message;
mod service;
mod source;
mod status;

pub use entity::{
    ApplicationJob, ApplicationOwner, ApplyRequest, ApplyTarget, CandidateApplication,
    EmployerApplication, NewApplication, Page, PipelineOrder, StatusChange, StatusUpdate,
};
pub use error::{
    ApplyError, CandidateApplicationError, CreateApplicationError, EmployerApplicationError,
    JobApplicationsError,
};
pub use message::QuickMessage;
pub use port::ApplicationRepository;
#[cfg(any(test, feature = "mocks"))]
pub use port::MockApplicationRepository;
pub use quick_message::QuickMessageSent;
pub use service::ApplicationService;
pub use source::{
    DIRECT, SOURCE_REF_MAX_CHARS, SourceBreakdown, SourceShare, percent_one_decimal,
    sanitize_source_ref, source_breakdown,
};
pub use status::ApplicationStatus;

#[cfg(test)]
mod choice_and_pipeline_tests;
#[cfg(test)]
mod quick_message_tests;
#[cfg(test)]
mod tests;
