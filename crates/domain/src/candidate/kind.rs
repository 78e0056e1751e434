//! The kinds of profile item.

/// Which kind of profile item an operation addressed (for the 404 text).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemKind {
    Experience,
    Education,
    Skill,
}
