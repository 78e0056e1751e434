//! The company use cases' errors, one per use case, and the one the repository's onboarding write
//! may return.

use thiserror::Error;

use crate::error::RepoError;
use crate::files::FileStoreError;
use crate::image::{ImageRejected, StoreImageError};

#[derive(Debug, Error)]
pub enum RegisterEmployerError {
    /// The employer already has a company (decided inside the write, so two concurrent requests
    /// cannot both attach one).
    #[error("employer already has a company")]
    AlreadyHasCompany,
    #[error("employer profile not found")]
    EmployerNotFound,
    #[error(transparent)]
    Repo(#[from] RepoError),
}

#[derive(Debug, Error)]
pub enum EmployerProfileError {
    #[error("employer profile not found")]
    NotFound,
    #[error("company not found")]
    CompanyNotFound,
    #[error("company belongs to someone else")]
    CompanyForbidden,
    #[error(transparent)]
    Repo(#[from] RepoError),
}

#[derive(Debug, Error)]
pub enum CreateCompanyError {
    #[error("employer profile not found")]
    EmployerNotFound,
    #[error("employer already has a company")]
    AlreadyHasCompany,
    #[error(transparent)]
    Repo(#[from] RepoError),
}

/// Errors of the `my-company` routes (read, update, stats).
#[derive(Debug, Error)]
pub enum MyCompanyError {
    #[error("employer profile not found")]
    EmployerNotFound,
    #[error("no company attached")]
    CompanyNotFound,
    #[error(transparent)]
    Repo(#[from] RepoError),
}

#[derive(Debug, Error)]
pub enum CompleteRegistrationError {
    /// The body names a role other than the account's.
    #[error("role does not match the account")]
    RoleMismatch,
    #[error("profile not found")]
    ProfileNotFound,
    #[error("company name must not be empty")]
    EmptyCompanyName,
    #[error("employer already has a company")]
    AlreadyHasCompany,
    #[error(transparent)]
    Repo(#[from] RepoError),
}

impl From<RegisterEmployerError> for CreateCompanyError {
    fn from(e: RegisterEmployerError) -> Self {
        match e {
            RegisterEmployerError::AlreadyHasCompany => CreateCompanyError::AlreadyHasCompany,
            RegisterEmployerError::EmployerNotFound => CreateCompanyError::EmployerNotFound,
            RegisterEmployerError::Repo(e) => CreateCompanyError::Repo(e),
        }
    }
}

impl From<RegisterEmployerError> for CompleteRegistrationError {
    fn from(e: RegisterEmployerError) -> Self {
        match e {
            RegisterEmployerError::AlreadyHasCompany => {
                CompleteRegistrationError::AlreadyHasCompany
            }
            RegisterEmployerError::EmployerNotFound => CompleteRegistrationError::ProfileNotFound,
            RegisterEmployerError::Repo(e) => CompleteRegistrationError::Repo(e),
        }
    }
}

#[derive(Debug, Error)]
pub enum CompanyLogoError {
    #[error("employer profile not found")]
    EmployerNotFound,
    #[error("no company attached")]
    CompanyNotFound,
    #[error(transparent)]
    Rejected(#[from] ImageRejected),
    #[error(transparent)]
    Storage(FileStoreError),
    #[error(transparent)]
    Repo(#[from] RepoError),
}

impl From<StoreImageError> for CompanyLogoError {
    fn from(e: StoreImageError) -> Self {
        match e {
            StoreImageError::Rejected(r) => CompanyLogoError::Rejected(r),
            StoreImageError::Storage(s) => CompanyLogoError::Storage(s),
        }
    }
}

impl From<MyCompanyError> for CompanyLogoError {
    fn from(e: MyCompanyError) -> Self {
        match e {
            MyCompanyError::EmployerNotFound => CompanyLogoError::EmployerNotFound,
            MyCompanyError::CompanyNotFound => CompanyLogoError::CompanyNotFound,
            MyCompanyError::Repo(r) => CompanyLogoError::Repo(r),
        }
    }
}
