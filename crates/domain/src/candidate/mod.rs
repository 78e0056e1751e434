//! Candidate profiles: the profile itself, experiences, educations and skills (CONTRACT 3.3, 8.9).

mod error;
mod history;
mod item;
mod kind;
mod patch;
mod period;
mod port;
mod profile;
mod service;
mod skill;

pub use error::{AddItemError, EditItemError};
pub use history::{Education, EducationFields, Experience, ExperienceFields};
pub use item::ProfileItem;
pub use kind::ItemKind;
pub use patch::{Patch, ProfileUpdate};
pub use period::{Period, PeriodFields};
pub use port::CandidateRepository;
#[cfg(any(test, feature = "mocks"))]
pub use port::MockCandidateRepository;
pub use profile::{CandidateProfile, CurrentCv};
pub use service::ProfileService;
pub use skill::{Skill, SkillCategory, SkillFields, SkillLevel};

#[cfg(test)]
mod tests;
