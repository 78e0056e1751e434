//! Email templates (HEAD 10.14): each company's reusable candidate mails, the French built-in
//! ones, the `{variable}` language they share, and the candidate mails sent automatically on
//! apply and on a status change (the company's default template of the type, else the built-in).

mod builtin;
mod compose;
mod entity;
mod error;
mod kind;
mod port;
mod service;
mod variables;

pub use builtin::{BUILT_IN, BuiltInTemplate, built_in};
pub use compose::{MailContext, compose_candidate_mail, html_to_text};
pub use entity::{
    EmailTemplate, NewTemplate, TemplateDraft, TemplateId, TemplatePatch, UsageStats,
};
pub use error::TemplateError;
pub use kind::TemplateType;
pub use port::EmailTemplateRepository;
#[cfg(any(test, feature = "mocks"))]
pub use port::MockEmailTemplateRepository;
pub use service::{DefaultTemplate, EmailTemplateService};
pub use variables::{VARIABLES, Variables, check_variables, render};

#[cfg(test)]
mod tests;
