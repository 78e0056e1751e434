//! Bodies of the company routes (CONTRACT 3.5, 8.8, 9.15).

use intowork_domain::company::{self, CompanyDetails, CompanyName, CompanyPatch, NewCompany};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use utoipa::ToSchema;

use crate::error::ApiError;
use crate::validation::ValidationItem;
use crate::wire::{AddressText, LongText, ShortText, WebUrl, patch, present, url_patch};

#[derive(Serialize, ToSchema)]
pub struct Company {
    pub id: i64,
    pub name: String,
    pub description: Option<String>,
    pub industry: Option<String>,
    pub size: Option<String>,
    pub website_url: Option<String>,
    pub linkedin_url: Option<String>,
    pub address: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    pub logo_url: Option<String>,
}

impl From<company::Company> for Company {
    fn from(c: company::Company) -> Self {
        let d = c.details;
        Self {
            id: c.id.get(),
            name: c.name,
            description: d.description,
            industry: d.industry,
            size: d.size,
            website_url: d.website_url,
            linkedin_url: d.linkedin_url,
            address: d.address,
            city: d.city,
            country: d.country,
            logo_url: d.logo_url,
        }
    }
}

// On update, present keys are written, `null` and `""` included; absent keys are kept. The
// frontend sends the whole object back, `id` included: unknown keys are ignored.
/// Create: `name` required. Update: every field optional, `null` clears it (not `name`).
#[derive(Deserialize, ToSchema)]
pub struct CompanyRequest {
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<ShortText>, inline)]
    pub name: Option<Option<ShortText>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<LongText>, inline)]
    pub description: Option<Option<LongText>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<ShortText>, inline)]
    pub industry: Option<Option<ShortText>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<ShortText>, inline)]
    pub size: Option<Option<ShortText>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<WebUrl>, inline)]
    pub website_url: Option<Option<WebUrl>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<WebUrl>, inline)]
    pub linkedin_url: Option<Option<WebUrl>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<AddressText>, inline)]
    pub address: Option<Option<AddressText>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<ShortText>, inline)]
    pub city: Option<Option<ShortText>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<ShortText>, inline)]
    pub country: Option<Option<ShortText>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<WebUrl>, inline)]
    pub logo_url: Option<Option<WebUrl>>,
}

impl CompanyRequest {
    /// Create: `name` is required; absent and `null` optional fields are both "none".
    pub fn into_new(self) -> Result<NewCompany, ApiError> {
        let Some(name) = self.name else {
            return Err(ApiError::validation(vec![ValidationItem::body_field(
                "missing",
                "name",
                "Field required",
            )]));
        };
        Ok(NewCompany {
            name: company_name(name.map(ShortText::into_inner))?,
            details: CompanyDetails {
                description: patch(self.description).flatten(),
                industry: patch(self.industry).flatten(),
                size: patch(self.size).flatten(),
                website_url: url_patch(self.website_url).flatten(),
                linkedin_url: url_patch(self.linkedin_url).flatten(),
                address: patch(self.address).flatten(),
                city: patch(self.city).flatten(),
                country: patch(self.country).flatten(),
                logo_url: url_patch(self.logo_url).flatten(),
            },
        })
    }

    /// Update: `name` may be absent (kept) but not `null` or empty.
    pub fn into_patch(self) -> Result<CompanyPatch, ApiError> {
        Ok(CompanyPatch {
            name: patch(self.name).map(company_name).transpose()?,
            description: patch(self.description),
            industry: patch(self.industry),
            size: patch(self.size),
            website_url: url_patch(self.website_url),
            linkedin_url: url_patch(self.linkedin_url),
            address: patch(self.address),
            city: patch(self.city),
            country: patch(self.country),
            logo_url: url_patch(self.logo_url),
        })
    }
}

/// `name` must be a non-empty string (422 otherwise, CONTRACT 3.5).
fn company_name(raw: Option<String>) -> Result<CompanyName, ApiError> {
    let Some(raw) = raw else {
        return Err(ApiError::validation(vec![ValidationItem::body_field(
            "string_type",
            "name",
            "Input should be a valid string",
        )]));
    };
    CompanyName::parse(raw.clone()).map_err(|_| {
        ApiError::validation(vec![
            ValidationItem::body_field(
                "string_too_short",
                "name",
                "String should have at least 1 character",
            )
            .with_input(Value::from(raw))
            .with_ctx(json!({"min_length": 1})),
        ])
    })
}

#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CompanyStats {
    pub active_jobs: i64,
    pub total_jobs: i64,
    pub total_applications: i64,
    pub total_employers: i64,
}

impl From<company::CompanyStats> for CompanyStats {
    fn from(s: company::CompanyStats) -> Self {
        Self {
            active_jobs: s.active_jobs,
            total_jobs: s.total_jobs,
            total_applications: s.total_applications,
            total_employers: s.total_employers,
        }
    }
}

/// `multipart/form-data` with the logo in the `logo` part (PNG, JPEG or WebP, at most 5 MiB).
#[derive(Deserialize, ToSchema)]
pub struct LogoForm {
    #[schema(value_type = String, format = Binary)]
    pub logo: Vec<u8>,
}

/// The answer to a logo upload; `logo_url` is what `GET /api/companies/my-company` now shows.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LogoUploaded {
    #[schema(example = "Logo téléchargé avec succès")]
    pub message: String,
    #[schema(example = "https://api.example.com/api/images/logos/3f2a9c.png")]
    pub logo_url: String,
    /// Bytes stored.
    pub size: usize,
}

impl From<company::UploadedLogo> for LogoUploaded {
    fn from(l: company::UploadedLogo) -> Self {
        Self {
            message: "Logo téléchargé avec succès".to_owned(),
            logo_url: l.logo_url,
            size: l.size,
        }
    }
}
