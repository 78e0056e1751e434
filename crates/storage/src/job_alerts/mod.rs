//! Job alerts (HEAD 10.16): the candidate's saved searches, the jobs they match, and the
//! deliveries that mail them.

mod delivery;
mod matching;
mod repository;
mod rows;

pub use repository::DieselJobAlertRepository;
