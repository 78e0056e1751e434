//! Wire helpers shared by the route modules: timestamps, the acknowledgement body, the domain enums
//! as they appear in bodies and in the document, "absent vs null" for partial updates, query
//! parameters and e-mail fields. Each resource's own request and response types live next to its
//! handlers (`routes/<resource>/wire.rs`).

mod email;
mod enums;
mod message;
mod patch;
mod query;
mod text;
mod time;
mod web_url;

pub use email::{EMAIL_MAX_LENGTH, EmailText, parse_email};
pub use enums::{
    ActivityKind, ApplicationStatus, ChangeType, JobStatus, JobType, LocationType, MailStatus,
    NotificationType, Role, SkillCategory, StatColor, TokenType,
};
pub use message::MessageBody;
pub use patch::present;
pub use query::{WindowQuery, check_range, paging, query_bool, query_int, window};
pub use text::{
    AddressText, CodeText, LongText, NewPasswordText, PasswordText, PhoneText, ShortText, Text,
    TokenText, opt, patch,
};
pub use time::{rfc3339, ser_opt_time, ser_time};
pub use web_url::{URL_MAX_LENGTH, WebUrl, url_patch};
