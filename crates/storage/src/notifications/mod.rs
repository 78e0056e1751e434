//! Notifications over diesel: the repository, and the inserts other repositories make inside their
//! own write transactions.

mod inserts;
mod repository;

pub(crate) use inserts::{insert_notification, insert_notifications};
pub use repository::DieselNotificationRepository;
