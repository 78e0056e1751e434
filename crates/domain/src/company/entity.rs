//! A company: its name, its free-text details, a partial update of them, its counters, and what a
//! save or a logo upload answers.

use thiserror::Error;

use crate::ids::CompanyId;

/// The optional, free-text fields of a company (CONTRACT 2.7).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CompanyDetails {
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

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Company {
    pub id: CompanyId,
    pub name: String,
    pub details: CompanyDetails,
}

#[derive(Debug, Error, PartialEq, Eq)]
#[error("company name must not be empty")]
pub struct EmptyCompanyName;

/// A company name: never empty or blank (CONTRACT 3.5: `name`, when given, must be a non-empty
/// string).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompanyName(String);

impl CompanyName {
    pub fn parse(raw: String) -> Result<CompanyName, EmptyCompanyName> {
        if raw.trim().is_empty() {
            Err(EmptyCompanyName)
        } else {
            Ok(CompanyName(raw))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewCompany {
    pub name: CompanyName,
    pub details: CompanyDetails,
}

/// A partial update: `None` keeps a field, `Some(None)` clears it, `Some(Some(v))` writes `v`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CompanyPatch {
    pub name: Option<CompanyName>,
    pub description: Option<Option<String>>,
    pub industry: Option<Option<String>>,
    pub size: Option<Option<String>>,
    pub website_url: Option<Option<String>>,
    pub linkedin_url: Option<Option<String>>,
    pub address: Option<Option<String>>,
    pub city: Option<Option<String>>,
    pub country: Option<Option<String>>,
    pub logo_url: Option<Option<String>>,
}

impl CompanyPatch {
    /// The company after the patch.
    pub fn apply(self, mut c: Company) -> Company {
        if let Some(name) = self.name {
            c.name = name.0;
        }
        let d = &mut c.details;
        let fields = [
            (self.description, &mut d.description),
            (self.industry, &mut d.industry),
            (self.size, &mut d.size),
            (self.website_url, &mut d.website_url),
            (self.linkedin_url, &mut d.linkedin_url),
            (self.address, &mut d.address),
            (self.city, &mut d.city),
            (self.country, &mut d.country),
            (self.logo_url, &mut d.logo_url),
        ];
        for (patch, slot) in fields {
            if let Some(value) = patch {
                *slot = value;
            }
        }
        c
    }
}

/// Company-wide counters (CONTRACT 3.5).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CompanyStats {
    pub active_jobs: i64,
    pub total_jobs: i64,
    pub total_applications: i64,
    pub total_employers: i64,
}

/// A saved company, and the key of the uploaded logo the save let go of (its object is the
/// caller's to remove, after the commit).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SavedCompany {
    pub company: Company,
    pub released_logo_key: Option<String>,
}

/// The uploaded logo's key stays only while `logo_url` is still the link it was uploaded under:
/// a save that changes the link (another URL, or none) releases it.
pub fn logo_key_kept(stored_url: Option<&str>, saved_url: Option<&str>) -> bool {
    stored_url == saved_url
}

/// The answer to a logo upload.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UploadedLogo {
    /// Absolute, as stored in `logo_url`.
    pub logo_url: String,
    /// Bytes stored.
    pub size: usize,
}
