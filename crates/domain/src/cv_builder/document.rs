//! The structured CV the builder edits (HEAD.md 10.18): the sections of HEAD's form, with caps on
//! their number and on every text so one document stays a few hundred kilobytes at most. The caps
//! are far above what the form produces, so nothing the UI sends is refused.

/// The builder's five designs. HEAD's backend reads an unknown name as `elegance`, and so do we:
/// an imported JSON file with another name still saves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CvTemplate {
    Elegance,
    Bold,
    Minimal,
    Creative,
    Executive,
}

impl CvTemplate {
    pub const ALL: [CvTemplate; 5] = [
        CvTemplate::Elegance,
        CvTemplate::Bold,
        CvTemplate::Minimal,
        CvTemplate::Creative,
        CvTemplate::Executive,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CvTemplate::Elegance => "elegance",
            CvTemplate::Bold => "bold",
            CvTemplate::Minimal => "minimal",
            CvTemplate::Creative => "creative",
            CvTemplate::Executive => "executive",
        }
    }

    /// The stored value only.
    pub fn parse(value: &str) -> Option<CvTemplate> {
        Self::ALL.into_iter().find(|t| t.as_str() == value)
    }

    /// A name as clients send it: case-insensitive, anything else is `elegance`.
    pub fn parse_lenient(value: &str) -> CvTemplate {
        Self::parse(&value.trim().to_ascii_lowercase()).unwrap_or(CvTemplate::Elegance)
    }
}

/// The identity block. The photo is not here: it is a stored file the document refers to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PersonalInfo {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: String,
    pub address: String,
    pub title: String,
    pub summary: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Experience {
    /// The client's own item id (HEAD generates a short random string).
    pub id: String,
    pub company: String,
    pub position: String,
    pub start_date: String,
    pub end_date: String,
    pub current: bool,
    pub description: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Education {
    pub id: String,
    pub school: String,
    pub degree: String,
    pub field: String,
    pub start_date: String,
    pub end_date: String,
    pub description: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Skill {
    pub id: String,
    pub name: String,
    /// 0–100 as HEAD's backend accepts; its form uses 1–5.
    pub level: i64,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Language {
    pub id: String,
    pub name: String,
    /// `A1`…`C2` or `Natif` in the form; kept as text.
    pub level: String,
}

/// A CV's content, without its photo.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CvDocument {
    pub personal: PersonalInfo,
    pub experiences: Vec<Experience>,
    pub educations: Vec<Education>,
    pub skills: Vec<Skill>,
    pub languages: Vec<Language>,
}
