//! The admin back-office (CONTRACT 3.10, 5.3 A8, 5.10, decisions 8.14, 9.16; HEAD.md 10.12):
//! platform statistics, user, employer and job lists, activating, deactivating and deleting
//! accounts, creating accounts ([`invitations`]), companies ([`companies`]), and the audit log
//! every such action writes in the same transaction.

mod actor;
mod audit;
pub mod companies;
mod errors;
pub mod invitations;
mod port;
mod records;
mod service;

pub use actor::Actor;
pub(crate) use audit::json_string;
pub use audit::{AuditAction, AuditEntry, AuditRecord};
pub use errors::{DeleteUserError, FindUserError, SetActiveError};
pub use port::AdminRepository;
#[cfg(any(test, feature = "mocks"))]
pub use port::MockAdminRepository;
pub use records::{AdminJob, AdminStats, EmployerRecord, UserFilter, UserRecord, Window};
pub use service::AdminService;

#[cfg(test)]
mod tests;
