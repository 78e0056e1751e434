//! Email addresses: parsing, display form and identity key.

use thiserror::Error;

#[derive(Debug, Error, PartialEq, Eq)]
#[error("value is not a valid email address: {0}")]
pub struct InvalidEmail(pub &'static str);

/// An email address as the API stores and shows it: trimmed, `Name <addr>` reduced to the address,
/// the domain lowercased and the local part kept as typed (pydantic's `EmailStr` normalisation).
/// Identity uses [`Email::normalized`], which is case-insensitive (CONTRACT 8.16, 9.10).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> Result<Email, InvalidEmail> {
        let mut value = raw.trim();
        if let (Some(open), true) = (value.rfind('<'), value.ends_with('>')) {
            value = value[open + 1..value.len() - 1].trim();
        }
        let (local, domain) = value
            .rsplit_once('@')
            .ok_or(InvalidEmail("An email address must have an @-sign."))?;
        if local.is_empty() {
            return Err(InvalidEmail("There must be something before the @-sign."));
        }
        if local.chars().count() > 64 || value.len() > 254 {
            return Err(InvalidEmail("The email address is too long."));
        }
        let local_ok = local
            .chars()
            .all(|c| c.is_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c))
            && !local.starts_with('.')
            && !local.ends_with('.')
            && !local.contains("..");
        if !local_ok {
            return Err(InvalidEmail(
                "The part before the @-sign contains invalid characters.",
            ));
        }
        let domain = domain.to_lowercase();
        let labels: Vec<&str> = domain.split('.').collect();
        let domain_ok = labels.len() >= 2
            && labels.iter().all(|l| {
                !l.is_empty()
                    && l.len() <= 63
                    && !l.starts_with('-')
                    && !l.ends_with('-')
                    && l.chars().all(|c| c.is_alphanumeric() || c == '-')
            })
            && labels
                .last()
                .is_some_and(|tld| tld.chars().all(char::is_alphabetic));
        if !domain_ok {
            return Err(InvalidEmail(
                "The domain name is not valid. It should have a period.",
            ));
        }
        Ok(Email(format!("{local}@{domain}")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The identity key: trimmed and Unicode-lowercased. Unique in storage.
    pub fn normalized(&self) -> String {
        normalize_email(&self.0)
    }
}

/// Normalises any string the way [`Email::normalized`] does, for look-ups by a raw address.
pub fn normalize_email(raw: &str) -> String {
    raw.trim().to_lowercase()
}
