//! Job alerts (HEAD 10.16): a candidate's saved searches, and their delivery by mail.

mod compose;
mod criteria;
mod delivery;
mod entity;
mod error;
mod link;
mod port;
mod service;

pub use compose::{AlertLinks, compose};
pub use criteria::{
    AlertCriteria, Frequency, InvalidAlert, MAX_KEYWORD_CHARS, MAX_KEYWORDS, MAX_LOCATION_CHARS,
    MAX_NAME_CHARS, MAX_SALARY, check_name, parse_job_type, parse_location_type,
};
pub use delivery::{
    AlertDeliveryService, AlertPassReport, DUE_BATCH, LOOKBACK, MAX_JOBS_PER_MAIL, is_due,
    window_start,
};
pub use entity::{
    AlertChanges, AlertDelivery, AlertJob, AlertStats, DueAlert, JobAlert, JobAlertId, NewJobAlert,
};
pub use error::{JobAlertError, UnsubscribeError};
pub use link::{unsubscribe_token, verify_unsubscribe_token};
#[cfg(any(test, feature = "mocks"))]
pub use port::MockJobAlertRepository;
pub use port::{DueQuery, JobAlertRepository};
pub use service::{JobAlertService, MAX_PREVIEW};

#[cfg(test)]
mod tests;
