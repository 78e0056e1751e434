//! The `email_templates` row and its conversion.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use intowork_domain::email_template::{EmailTemplate, TemplateId, TemplateType};
use intowork_domain::{CompanyId, RepoError, UserId};

use crate::schema::email_templates;

#[derive(Queryable, Selectable)]
#[diesel(table_name = email_templates)]
pub(super) struct TemplateRow {
    id: i64,
    company_id: i64,
    created_by_user_id: Option<i64>,
    name: String,
    template_type: String,
    subject: String,
    body: String,
    is_active: bool,
    is_default: bool,
    usage_count: i64,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
    last_used_at: Option<NaiveDateTime>,
}

impl TryFrom<TemplateRow> for EmailTemplate {
    type Error = RepoError;

    fn try_from(r: TemplateRow) -> Result<EmailTemplate, RepoError> {
        let kind = TemplateType::parse(&r.template_type).ok_or_else(|| {
            RepoError::Internal(format!(
                "email template {} has an unknown type {:?}",
                r.id, r.template_type
            ))
        })?;
        Ok(EmailTemplate {
            id: TemplateId(r.id),
            company_id: CompanyId(r.company_id),
            created_by: r.created_by_user_id.map(UserId),
            name: r.name,
            kind,
            subject: r.subject,
            body: r.body,
            is_active: r.is_active,
            is_default: r.is_default,
            usage_count: r.usage_count,
            created_at: r.created_at.and_utc(),
            updated_at: r.updated_at.and_utc(),
            last_used_at: r.last_used_at.map(|t| t.and_utc()),
        })
    }
}

pub(super) fn convert(rows: Vec<TemplateRow>) -> Result<Vec<EmailTemplate>, RepoError> {
    rows.into_iter().map(TryInto::try_into).collect()
}
