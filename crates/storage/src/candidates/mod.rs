//! Candidate profiles over diesel: the repository, the profile row, and one path for the three
//! kinds of profile item.

mod item_rows;
mod item_values;
mod items;
mod profile;
mod repository;

pub use repository::DieselCandidateRepository;
