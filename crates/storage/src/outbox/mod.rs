//! The mail outbox (HEAD 10.13): mails are written to `mail_outbox` in the transaction of the
//! change that causes them and delivered later by the domain's `MailOutboxService`.
//!
//! To queue a mail from any repository, inside its own write transaction:
//!
//! ```ignore
//! write_tx(conn, |conn| {
//!     /* … the change … */
//!     self.outbox.enqueue(conn, &mail, now)?;
//!     Ok(())
//! })?;
//! self.outbox.notify_queued(); // after the commit: this process's worker sends it at once
//! ```
//!
//! A rolled-back transaction leaves no mail; a committed one always has its mail.

mod claim;
mod queue;
mod repository;
mod rows;

pub use queue::Outbox;
pub use repository::DieselMailOutbox;
