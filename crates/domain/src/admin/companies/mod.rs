//! Companies in the back-office (HEAD.md 10.12): the list with recruiters, the verified badge, and
//! removal, which archives the company's jobs and detaches its employers without deleting any
//! account. Every change writes its audit row in the same transaction.

mod errors;
mod port;
mod records;
mod removal;
mod service;

pub use errors::{RemoveCompanyError, VerifyCompanyError};
pub use port::AdminCompanyRepository;
#[cfg(any(test, feature = "mocks"))]
pub use port::MockAdminCompanyRepository;
pub use records::{AdminCompany, CompanyVerification, Recruiter};
pub use removal::{
    CompanyApplicant, CompanyRemoval, RemovedCompany, company_removed_message,
    company_removed_notice,
};
pub use service::CompanyAdminService;

#[cfg(test)]
mod tests;
