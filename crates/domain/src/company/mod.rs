//! Employers and their company: the employer profile, one company per employer (created and
//! attached in one step, CONTRACT 8.8, 9.15), company stats, and onboarding (`complete-registration`,
//! 9.14). An employer can only ever see or edit the company attached to them.

mod employer;
mod entity;
mod error;
mod logo;
mod onboarding;
mod port;
mod registration;
mod service;

pub use employer::{Employer, EmployerProfileCommand, EmployerUpdate};
pub use entity::{
    Company, CompanyDetails, CompanyName, CompanyPatch, CompanyStats, EmptyCompanyName, NewCompany,
    SavedCompany, UploadedLogo, logo_key_kept,
};
pub use error::{
    CompanyLogoError, CompleteRegistrationError, CreateCompanyError, EmployerProfileError,
    MyCompanyError, RegisterEmployerError,
};
pub use port::CompanyRepository;
#[cfg(any(test, feature = "mocks"))]
pub use port::MockCompanyRepository;
pub use registration::{
    CandidateContact, CandidateContactProfile, CompleteRegistrationCommand, Registration,
};
pub use service::CompanyService;

#[cfg(test)]
mod logo_tests;
#[cfg(test)]
mod tests;
