//! Email templates over diesel (HEAD 10.14): the company's templates, and the candidate mails
//! queued from them in the transaction of the change that causes them.

pub(crate) mod candidate_mail;
mod repository;
mod rows;

pub use repository::DieselEmailTemplateRepository;
