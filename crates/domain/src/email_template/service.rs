//! The template page's use cases, for the caller's company only.

use std::sync::Arc;

use derive_new::new;
use tracing::instrument;

use super::builtin::{BUILT_IN, built_in};
use super::entity::{
    EmailTemplate, NewTemplate, TemplateDraft, TemplateId, TemplatePatch, UsageStats,
};
use super::error::TemplateError;
use super::kind::TemplateType;
use super::port::EmailTemplateRepository;
use super::variables::check_variables;
use crate::company::CompanyRepository;
use crate::ids::{CompanyId, UserId};
use crate::ports::Clock;

/// A built-in template as the library lists it, with whether the company already has a template
/// of its type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DefaultTemplate {
    pub kind: TemplateType,
    pub name: &'static str,
    pub subject: &'static str,
    pub body: &'static str,
    pub already_activated: bool,
}

#[derive(new)]
pub struct EmailTemplateService {
    templates: Arc<dyn EmailTemplateRepository>,
    companies: Arc<dyn CompanyRepository>,
    clock: Arc<dyn Clock>,
}

impl EmailTemplateService {
    /// Empty without a company (HEAD).
    pub async fn list(
        &self,
        user: UserId,
        kind: Option<TemplateType>,
        active: Option<bool>,
    ) -> Result<Vec<EmailTemplate>, TemplateError> {
        match self.company(user).await? {
            Some(company) => Ok(self.templates.list(company, kind, active).await?),
            None => Ok(Vec::new()),
        }
    }

    pub async fn get(&self, user: UserId, id: TemplateId) -> Result<EmailTemplate, TemplateError> {
        let company = self.company(user).await?.ok_or(TemplateError::NotFound)?;
        self.templates
            .find(company, id)
            .await?
            .ok_or(TemplateError::NotFound)
    }

    /// An unknown `{variable}` in the subject or body is refused before anything is written.
    #[instrument(skip_all, fields(user_id = %user))]
    pub async fn create(
        &self,
        user: UserId,
        draft: TemplateDraft,
    ) -> Result<EmailTemplate, TemplateError> {
        check_texts(Some(&draft.subject), Some(&draft.body))?;
        let company = self.required_company(user).await?;
        let new = NewTemplate {
            company,
            author: user,
            draft,
            is_active: true,
            now: self.clock.now(),
        };
        Ok(self.templates.create(new).await?)
    }

    #[instrument(skip_all, fields(user_id = %user, template_id = id.0))]
    pub async fn update(
        &self,
        user: UserId,
        id: TemplateId,
        patch: TemplatePatch,
    ) -> Result<EmailTemplate, TemplateError> {
        check_texts(patch.subject.as_deref(), patch.body.as_deref())?;
        let company = self.company(user).await?.ok_or(TemplateError::NotFound)?;
        self.templates
            .update(company, id, patch, self.clock.now())
            .await?
            .ok_or(TemplateError::NotFound)
    }

    #[instrument(skip_all, fields(user_id = %user, template_id = id.0))]
    pub async fn delete(&self, user: UserId, id: TemplateId) -> Result<(), TemplateError> {
        let company = self.company(user).await?.ok_or(TemplateError::NotFound)?;
        let deleted = self.templates.delete(company, id).await?;
        deleted.then_some(()).ok_or(TemplateError::NotFound)
    }

    /// A copy named `… (Copie)`, active and never the default.
    #[instrument(skip_all, fields(user_id = %user, template_id = id.0))]
    pub async fn duplicate(
        &self,
        user: UserId,
        id: TemplateId,
    ) -> Result<EmailTemplate, TemplateError> {
        let original = self.get(user, id).await?;
        let new = NewTemplate {
            company: original.company_id,
            author: user,
            draft: TemplateDraft {
                name: format!("{} (Copie)", original.name),
                kind: original.kind,
                subject: original.subject,
                body: original.body,
                is_default: false,
            },
            is_active: true,
            now: self.clock.now(),
        };
        Ok(self.templates.create(new).await?)
    }

    /// The built-in library, each marked when the company has a template of its type.
    pub async fn defaults(&self, user: UserId) -> Result<Vec<DefaultTemplate>, TemplateError> {
        let in_use = match self.company(user).await? {
            Some(company) => self.templates.types_in_use(company).await?,
            None => Vec::new(),
        };
        Ok(BUILT_IN
            .iter()
            .map(|t| DefaultTemplate {
                kind: t.kind,
                name: t.name,
                subject: t.subject,
                body: t.body,
                already_activated: in_use.contains(&t.kind),
            })
            .collect())
    }

    /// Copies a built-in template into the company as its active default of that type.
    #[instrument(skip_all, fields(user_id = %user, kind = kind.as_str()))]
    pub async fn activate_default(
        &self,
        user: UserId,
        kind: TemplateType,
    ) -> Result<EmailTemplate, TemplateError> {
        let company = self.required_company(user).await?;
        let built_in = built_in(kind).ok_or(TemplateError::BuiltInNotFound)?;
        let new = NewTemplate {
            company,
            author: user,
            draft: TemplateDraft {
                name: built_in.name.to_owned(),
                kind,
                subject: built_in.subject.to_owned(),
                body: built_in.body.to_owned(),
                is_default: true,
            },
            is_active: true,
            now: self.clock.now(),
        };
        Ok(self.templates.create(new).await?)
    }

    /// Zeros without a company.
    pub async fn usage(&self, user: UserId) -> Result<UsageStats, TemplateError> {
        match self.company(user).await? {
            Some(company) => Ok(self.templates.usage(company).await?),
            None => Ok(UsageStats::default()),
        }
    }

    /// The caller's company; `EmployerMissing` without an employer row.
    async fn company(&self, user: UserId) -> Result<Option<CompanyId>, TemplateError> {
        let employer = self
            .companies
            .employer_by_user(user)
            .await?
            .ok_or(TemplateError::EmployerMissing)?;
        Ok(employer.company_id)
    }

    async fn required_company(&self, user: UserId) -> Result<CompanyId, TemplateError> {
        self.company(user)
            .await?
            .ok_or(TemplateError::CompanyMissing)
    }
}

fn check_texts(subject: Option<&str>, body: Option<&str>) -> Result<(), TemplateError> {
    for text in [subject, body].into_iter().flatten() {
        check_variables(text).map_err(TemplateError::UnknownVariable)?;
    }
    Ok(())
}
