//! Notifications: what users are told about applications and jobs (CONTRACT 2.11, 3.8).

mod entity;
mod error;
mod port;
mod service;

pub use entity::{NewNotification, Notification, NotificationKind, NotificationPage};
pub use error::NotificationError;
#[cfg(any(test, feature = "mocks"))]
pub use port::MockNotificationRepository;
pub use port::{NotificationQuery, NotificationRepository};
pub use service::NotificationService;

#[cfg(test)]
mod tests;
