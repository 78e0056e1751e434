//! The CV builder (HEAD.md 10.18): one structured CV per candidate, with five designs, a public
//! page under a random slug and its view count, and a photo stored as a public image.

mod document;
mod entity;
mod error;
mod limits;
mod photo;
mod port;
mod service;

pub use document::{CvDocument, CvTemplate, Education, Experience, Language, PersonalInfo, Skill};
pub use entity::{CvAnalytics, CvSave, DailyViews, PublicCv, SavedCv, SavedVersion, Visibility};
pub use error::{OwnCvError, PublicCvError, SaveCvError};
pub use limits::{
    DocumentProblem, MAX_EDUCATIONS, MAX_EXPERIENCES, MAX_LANGUAGES, MAX_LONG_TEXT, MAX_SHORT_TEXT,
    MAX_SKILL_LEVEL, MAX_SKILLS, MIN_SKILL_LEVEL, PathStep, ProblemKind, check,
};
pub use photo::{PhotoInput, kept_photo};
pub use port::{CvBuilderNames, CvBuilderRepository};
#[cfg(any(test, feature = "mocks"))]
pub use port::{MockCvBuilderNames, MockCvBuilderRepository};
pub use service::{CvBuilderService, SaveCommand};

#[cfg(test)]
mod tests;
