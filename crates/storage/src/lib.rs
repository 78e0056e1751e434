//! Diesel adapter: one code path over PostgreSQL and embedded SQLite.
//!
//! * [`Database`] owns the r2d2 pool of [`DbConn`] (`PgConnection | SqliteConnection`, chosen by
//!   the URL scheme), the readiness flag and the async bridge [`Database::run`].
//! * Migrations are embedded per backend (`migrations/postgres`, `migrations/sqlite`).
//! * Repositories implement the domain's ports; row structs stay private to this crate. They
//!   persist what the domain decided: a use case that changes several things hands one unit of
//!   work to one port method, committed in one transaction.
//! * Read caches are explicit: [`CachedJobs`] decorates the job repository port, and the
//!   repositories given the process's [`ReadCaches`] evict what their writes change.

mod admin;
mod applications;
mod cache;
mod candidates;
mod companies;
mod conn;
mod cv_builder;
mod cvs;
mod dashboard;
mod database;
mod directory;
mod email_templates;
mod error;
mod health;
mod job_alerts;
mod jobs;
mod locks;
mod maintenance;
mod migrate;
mod notifications;
mod outbox;
mod pool;
mod reports;
mod reset_tokens;
pub mod schema;
mod search;
mod static_sql;
mod stored;
mod text_search;
mod users;

pub use admin::{DieselAdminCompanyRepository, DieselAdminRepository, DieselInvitationRepository};
pub use applications::DieselApplicationRepository;
pub use cache::{CachedDirectory, CachedJobs, DEFAULT_READ_CACHE_MAX_BYTES, ReadCaches};
pub use candidates::DieselCandidateRepository;
pub use companies::DieselCompanyRepository;
pub use conn::{Backend, DbConn, MultiBackend};
pub use cv_builder::DieselCvBuilderRepository;
pub use cvs::DieselCvRepository;
pub use dashboard::DieselDashboardRepository;
pub use database::{DEFAULT_POOL_TIMEOUT, Database, write_tx};
pub use directory::DieselDirectoryRepository;
pub use email_templates::DieselEmailTemplateRepository;
pub use error::StorageError;
pub use health::DieselHealth;
pub use job_alerts::DieselJobAlertRepository;
pub use jobs::{DieselJobRepository, JobViewCounter};
pub use maintenance::DieselCvMaintenance;
pub use migrate::{POSTGRES_MIGRATIONS, SQLITE_MIGRATIONS};
pub use notifications::DieselNotificationRepository;
pub use outbox::{DieselMailOutbox, Outbox};
pub use reports::DieselReportRepository;
pub use reset_tokens::DieselResetTokenRepository;
pub use search::{DEFAULT_MAX_AGE as DEFAULT_SEARCH_INDEX_MAX_AGE, JobSearchIndex};
pub use users::DieselUserRepository;
