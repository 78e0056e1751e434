//! The document row and its conversion into the domain's [`SavedCv`].

use chrono::NaiveDateTime;
use diesel::prelude::*;
use intowork_domain::cv_builder::{CvTemplate, SavedCv};
use intowork_domain::files::FileKey;
use intowork_domain::{CvDocumentId, RepoError, UserId};

use super::json::from_json;
use crate::schema::cv_builder_documents;

#[derive(Queryable, Selectable)]
#[diesel(table_name = cv_builder_documents)]
pub(super) struct DocumentRow {
    pub(super) id: i64,
    pub(super) user_id: i64,
    pub(super) slug: String,
    pub(super) title: Option<String>,
    pub(super) template: String,
    pub(super) is_public: bool,
    pub(super) document: String,
    pub(super) photo_key: Option<String>,
    pub(super) views_count: i64,
    pub(super) downloads_count: i64,
    pub(super) created_at: NaiveDateTime,
    pub(super) updated_at: NaiveDateTime,
}

fn corrupt(id: i64, what: &str) -> RepoError {
    RepoError::Internal(format!("CV builder document {id} has {what}"))
}

impl TryFrom<DocumentRow> for SavedCv {
    type Error = RepoError;

    fn try_from(r: DocumentRow) -> Result<SavedCv, RepoError> {
        let template =
            CvTemplate::parse(&r.template).ok_or_else(|| corrupt(r.id, "an unknown template"))?;
        let document = from_json(&r.document).map_err(|_| corrupt(r.id, "unreadable JSON"))?;
        let photo = r
            .photo_key
            .as_deref()
            .map(FileKey::parse)
            .transpose()
            .map_err(|_| corrupt(r.id, "a malformed photo key"))?;
        Ok(SavedCv {
            id: CvDocumentId(r.id),
            user: UserId(r.user_id),
            slug: r.slug,
            title: r.title,
            template,
            is_public: r.is_public,
            document,
            photo,
            views_count: r.views_count,
            downloads_count: r.downloads_count,
            created_at: r.created_at.and_utc(),
            updated_at: r.updated_at.and_utc(),
        })
    }
}
