//! The save body, in HEAD's shape (`useCVBuilder.ts`, `CVSaveRequest`): camelCase inside
//! `cv_data`, every text bounded by the domain's caps (pydantic's 422 past them), an item's `id`
//! required as HEAD's backend has it, the other fields defaulting to empty.

use intowork_domain::cv_builder::{
    CvDocument, Education, Experience, Language, MAX_LONG_TEXT, MAX_SHORT_TEXT, PersonalInfo, Skill,
};
use serde::Deserialize;
use utoipa::ToSchema;

use crate::wire::{CodeText, Text};

/// Names, dates, titles, levels and item ids.
pub type CvShortText = Text<MAX_SHORT_TEXT>;
/// The summary and the descriptions.
pub type CvLongText = Text<MAX_LONG_TEXT>;
/// A photo: a `data:image/…;base64,` URL of at most 5 MB of image, or the link `load` gave.
pub type PhotoText = Text<{ 7 * 1024 * 1024 }>;

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PersonalInfoIn {
    #[serde(default)]
    #[schema(value_type = Option<PhotoText>, inline)]
    pub photo: Option<PhotoText>,
    #[serde(default)]
    #[schema(inline)]
    pub first_name: CvShortText,
    #[serde(default)]
    #[schema(inline)]
    pub last_name: CvShortText,
    #[serde(default)]
    #[schema(inline)]
    pub email: CvShortText,
    #[serde(default)]
    #[schema(inline)]
    pub phone: CvShortText,
    #[serde(default)]
    #[schema(inline)]
    pub address: CvShortText,
    #[serde(default)]
    #[schema(inline)]
    pub title: CvShortText,
    #[serde(default)]
    #[schema(inline)]
    pub summary: CvLongText,
}

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ExperienceIn {
    #[schema(inline)]
    pub id: CvShortText,
    #[serde(default)]
    #[schema(inline)]
    pub company: CvShortText,
    #[serde(default)]
    #[schema(inline)]
    pub position: CvShortText,
    #[serde(default)]
    #[schema(inline)]
    pub start_date: CvShortText,
    #[serde(default)]
    #[schema(inline)]
    pub end_date: CvShortText,
    #[serde(default)]
    pub current: bool,
    #[serde(default)]
    #[schema(inline)]
    pub description: CvLongText,
}

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct EducationIn {
    #[schema(inline)]
    pub id: CvShortText,
    #[serde(default)]
    #[schema(inline)]
    pub school: CvShortText,
    #[serde(default)]
    #[schema(inline)]
    pub degree: CvShortText,
    #[serde(default)]
    #[schema(inline)]
    pub field: CvShortText,
    #[serde(default)]
    #[schema(inline)]
    pub start_date: CvShortText,
    #[serde(default)]
    #[schema(inline)]
    pub end_date: CvShortText,
    #[serde(default)]
    #[schema(inline)]
    pub description: CvLongText,
}

#[derive(Deserialize, ToSchema)]
pub struct SkillIn {
    #[schema(inline)]
    pub id: CvShortText,
    #[serde(default)]
    #[schema(inline)]
    pub name: CvShortText,
    /// 0–100 (the form sends 1–5); 50 when absent, as HEAD.
    #[serde(default = "default_level")]
    pub level: i64,
}

fn default_level() -> i64 {
    50
}

/// A language of the CV; `level` is `A1`…`C2` or `Natif`, `B1` when absent, as HEAD.
#[derive(Deserialize, ToSchema)]
pub struct LanguageIn {
    #[schema(inline)]
    pub id: CvShortText,
    #[serde(default)]
    #[schema(inline)]
    pub name: CvShortText,
    // `A1`…`C2` or `Natif`; `B1` when absent, as HEAD (described on the struct: a doc comment
    // here would wrap the inline schema in a typeless `allOf`).
    #[serde(default = "default_language_level")]
    #[schema(inline)]
    pub level: CvShortText,
}

fn default_language_level() -> CvShortText {
    CvShortText::new("B1".to_owned()).unwrap_or_default()
}

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CvDataIn {
    pub personal_info: PersonalInfoIn,
    #[serde(default)]
    pub experiences: Vec<ExperienceIn>,
    #[serde(default)]
    pub educations: Vec<EducationIn>,
    #[serde(default)]
    pub skills: Vec<SkillIn>,
    #[serde(default)]
    pub languages: Vec<LanguageIn>,
}

/// `POST /api/cv-builder/save`. `slug` is accepted and ignored: the public slug is random.
#[derive(Deserialize, ToSchema)]
pub struct CvSaveRequest {
    pub cv_data: CvDataIn,
    /// `elegance`, `bold`, `minimal`, `creative` or `executive`; anything else is `elegance`.
    #[serde(default)]
    #[schema(value_type = Option<CodeText>, inline)]
    pub template: Option<CodeText>,
    #[serde(default)]
    #[schema(value_type = Option<CvShortText>, inline)]
    pub title: Option<CvShortText>,
    #[serde(default)]
    #[schema(value_type = Option<CodeText>, inline)]
    pub slug: Option<CodeText>,
    #[serde(default)]
    pub is_public: bool,
}

impl CvDataIn {
    /// The document without its photo, and the photo's raw text.
    pub fn into_parts(self) -> (CvDocument, Option<String>) {
        let p = self.personal_info;
        let document = CvDocument {
            personal: PersonalInfo {
                first_name: p.first_name.into(),
                last_name: p.last_name.into(),
                email: p.email.into(),
                phone: p.phone.into(),
                address: p.address.into(),
                title: p.title.into(),
                summary: p.summary.into(),
            },
            experiences: self
                .experiences
                .into_iter()
                .map(|e| Experience {
                    id: e.id.into(),
                    company: e.company.into(),
                    position: e.position.into(),
                    start_date: e.start_date.into(),
                    end_date: e.end_date.into(),
                    current: e.current,
                    description: e.description.into(),
                })
                .collect(),
            educations: self
                .educations
                .into_iter()
                .map(|e| Education {
                    id: e.id.into(),
                    school: e.school.into(),
                    degree: e.degree.into(),
                    field: e.field.into(),
                    start_date: e.start_date.into(),
                    end_date: e.end_date.into(),
                    description: e.description.into(),
                })
                .collect(),
            skills: self
                .skills
                .into_iter()
                .map(|s| Skill {
                    id: s.id.into(),
                    name: s.name.into(),
                    level: s.level,
                })
                .collect(),
            languages: self
                .languages
                .into_iter()
                .map(|l| Language {
                    id: l.id.into(),
                    name: l.name.into(),
                    level: l.level.into(),
                })
                .collect(),
        };
        (document, p.photo.map(Text::into_inner))
    }
}
