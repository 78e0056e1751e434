//! The CV builder's answers in HEAD's shapes (`CVDocumentResponse`, `CVPublicResponse`,
//! `AnalyticsResponse`, …). The photo is an absolute link to this API, which HEAD's `<img>` shows
//! as it showed its data URLs, and which the next save sends back unchanged.

use chrono::{DateTime, Utc};
use intowork_domain::cv_builder::{CvAnalytics, CvDocument, PublicCv, SavedCv, Visibility};
use intowork_domain::files::FileKey;
use serde::Serialize;
use utoipa::ToSchema;

use super::photo::photo_link;
use crate::extract::PublicBase;
use crate::wire::ser_time;

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct PersonalInfoOut {
    /// An absolute link to the stored photo, or null.
    pub photo: Option<String>,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: String,
    pub address: String,
    pub title: String,
    pub summary: String,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ExperienceOut {
    pub id: String,
    pub company: String,
    pub position: String,
    pub start_date: String,
    pub end_date: String,
    pub current: bool,
    pub description: String,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct EducationOut {
    pub id: String,
    pub school: String,
    pub degree: String,
    pub field: String,
    pub start_date: String,
    pub end_date: String,
    pub description: String,
}

#[derive(Serialize, ToSchema)]
pub struct SkillOut {
    pub id: String,
    pub name: String,
    pub level: i64,
}

#[derive(Serialize, ToSchema)]
pub struct LanguageOut {
    pub id: String,
    pub name: String,
    pub level: String,
}

#[derive(Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CvData {
    pub personal_info: PersonalInfoOut,
    pub experiences: Vec<ExperienceOut>,
    pub educations: Vec<EducationOut>,
    pub skills: Vec<SkillOut>,
    pub languages: Vec<LanguageOut>,
}

impl CvData {
    fn new(doc: CvDocument, photo: Option<&FileKey>, base: &PublicBase) -> Self {
        let p = doc.personal;
        CvData {
            personal_info: PersonalInfoOut {
                photo: photo.and_then(|k| photo_link(base, k)),
                first_name: p.first_name,
                last_name: p.last_name,
                email: p.email,
                phone: p.phone,
                address: p.address,
                title: p.title,
                summary: p.summary,
            },
            experiences: doc
                .experiences
                .into_iter()
                .map(|e| ExperienceOut {
                    id: e.id,
                    company: e.company,
                    position: e.position,
                    start_date: e.start_date,
                    end_date: e.end_date,
                    current: e.current,
                    description: e.description,
                })
                .collect(),
            educations: doc
                .educations
                .into_iter()
                .map(|e| EducationOut {
                    id: e.id,
                    school: e.school,
                    degree: e.degree,
                    field: e.field,
                    start_date: e.start_date,
                    end_date: e.end_date,
                    description: e.description,
                })
                .collect(),
            skills: doc
                .skills
                .into_iter()
                .map(|s| SkillOut {
                    id: s.id,
                    name: s.name,
                    level: s.level,
                })
                .collect(),
            languages: doc
                .languages
                .into_iter()
                .map(|l| LanguageOut {
                    id: l.id,
                    name: l.name,
                    level: l.level,
                })
                .collect(),
        }
    }
}

/// The frontend's page of a public CV (relative, as HEAD answers); null while private.
fn public_url(is_public: bool, slug: &str) -> Option<String> {
    is_public.then(|| format!("/cv/{slug}"))
}

/// `load` and `save`.
#[derive(Serialize, ToSchema)]
pub struct CvDocumentOut {
    pub id: i64,
    pub title: Option<String>,
    pub slug: String,
    pub template: String,
    pub is_public: bool,
    pub views_count: i64,
    pub downloads_count: i64,
    pub cv_data: CvData,
    #[serde(serialize_with = "ser_time")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "ser_time")]
    pub updated_at: DateTime<Utc>,
    pub public_url: Option<String>,
}

impl CvDocumentOut {
    pub fn new(cv: SavedCv, base: &PublicBase) -> Self {
        CvDocumentOut {
            id: cv.id.get(),
            title: cv.title,
            public_url: public_url(cv.is_public, &cv.slug),
            template: cv.template.as_str().to_owned(),
            is_public: cv.is_public,
            views_count: cv.views_count,
            downloads_count: cv.downloads_count,
            cv_data: CvData::new(cv.document, cv.photo.as_ref(), base),
            created_at: cv.created_at,
            updated_at: cv.updated_at,
            slug: cv.slug,
        }
    }
}

/// `list`: the document without its content.
#[derive(Serialize, ToSchema)]
pub struct CvListItem {
    pub id: i64,
    pub title: Option<String>,
    pub slug: String,
    pub template: String,
    pub is_public: bool,
    pub views_count: i64,
    pub downloads_count: i64,
    #[serde(serialize_with = "ser_time")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "ser_time")]
    pub updated_at: DateTime<Utc>,
}

impl From<SavedCv> for CvListItem {
    fn from(cv: SavedCv) -> Self {
        CvListItem {
            id: cv.id.get(),
            title: cv.title,
            slug: cv.slug,
            template: cv.template.as_str().to_owned(),
            is_public: cv.is_public,
            views_count: cv.views_count,
            downloads_count: cv.downloads_count,
            created_at: cv.created_at,
            updated_at: cv.updated_at,
        }
    }
}

/// `public/{slug}`.
#[derive(Serialize, ToSchema)]
pub struct PublicCvOut {
    pub slug: String,
    pub template: String,
    pub cv_data: CvData,
    pub views_count: i64,
}

impl PublicCvOut {
    pub fn new(cv: PublicCv, base: &PublicBase) -> Self {
        PublicCvOut {
            template: cv.template.as_str().to_owned(),
            cv_data: CvData::new(cv.document, cv.photo.as_ref(), base),
            views_count: cv.views_count,
            slug: cv.slug,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct ViewsOnDate {
    /// `YYYY-MM-DD`, UTC.
    pub date: String,
    pub count: i64,
}

/// `analytics`. No visitor data is kept: `views_by_country` and `recent_views` are always empty.
#[derive(Serialize, ToSchema)]
pub struct AnalyticsOut {
    pub total_views: i64,
    pub total_downloads: i64,
    pub views_by_date: Vec<ViewsOnDate>,
    #[schema(value_type = Vec<Object>)]
    pub views_by_country: Vec<serde_json::Value>,
    #[schema(value_type = Vec<Object>)]
    pub recent_views: Vec<serde_json::Value>,
}

impl From<CvAnalytics> for AnalyticsOut {
    fn from(a: CvAnalytics) -> Self {
        AnalyticsOut {
            total_views: a.total_views,
            total_downloads: a.total_downloads,
            views_by_date: a
                .views_by_date
                .into_iter()
                .map(|d| ViewsOnDate {
                    date: d.day.format("%Y-%m-%d").to_string(),
                    count: d.views,
                })
                .collect(),
            views_by_country: Vec::new(),
            recent_views: Vec::new(),
        }
    }
}

/// `toggle-public`.
#[derive(Serialize, ToSchema)]
pub struct VisibilityOut {
    pub is_public: bool,
    pub public_url: Option<String>,
}

impl From<Visibility> for VisibilityOut {
    fn from(v: Visibility) -> Self {
        VisibilityOut {
            public_url: public_url(v.is_public, &v.slug),
            is_public: v.is_public,
        }
    }
}

/// `track-view/{slug}`.
#[derive(Serialize, ToSchema)]
pub struct Tracked {
    /// Always `tracked`.
    pub status: &'static str,
    pub views_count: i64,
}

/// `delete`.
#[derive(Serialize, ToSchema)]
pub struct Deleted {
    /// Always `deleted`.
    pub status: &'static str,
    pub message: &'static str,
}
