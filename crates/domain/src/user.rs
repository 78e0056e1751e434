//! Users: roles, email addresses, password policy and the user entity.

use chrono::{DateTime, Utc};
use thiserror::Error;

use crate::ids::UserId;

/// A user's role. Authorization always reads the role stored in the database, never a token claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    Candidate,
    Employer,
    Admin,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Candidate, Role::Employer, Role::Admin];

    /// The lowercase value used by the API and stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Candidate => "candidate",
            Role::Employer => "employer",
            Role::Admin => "admin",
        }
    }

    /// Parses an API or database value. Uppercase labels written by the reference ORM are accepted
    /// so that imported rows map cleanly.
    pub fn parse(value: &str) -> Option<Role> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str().eq_ignore_ascii_case(value.trim()))
    }

    /// Roles anyone may pick at sign-up. Admins are provisioned out of band (CONTRACT S1).
    pub fn parse_self_service(value: &str) -> Option<Role> {
        match Role::parse(value) {
            Some(Role::Admin) | None => None,
            Some(role) => Some(role),
        }
    }
}

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

/// Why a new password is refused. The texts are part of the API contract.
#[derive(Debug, Error, PartialEq, Eq, Clone, Copy)]
pub enum PasswordPolicyError {
    #[error("password too short")]
    TooShort,
    #[error("password too long")]
    TooLong,
}

/// Accepted password lengths (CONTRACT 8.4): at least 8 characters, at most 256 bytes. The upper
/// bound keeps hashing cost bounded; argon2 itself has no 72-byte truncation.
pub const PASSWORD_MIN_CHARS: usize = 8;
pub const PASSWORD_MAX_BYTES: usize = 256;

pub fn check_password_policy(password: &str) -> Result<(), PasswordPolicyError> {
    if password.len() > PASSWORD_MAX_BYTES {
        Err(PasswordPolicyError::TooLong)
    } else if password.chars().count() < PASSWORD_MIN_CHARS {
        Err(PasswordPolicyError::TooShort)
    } else {
        Ok(())
    }
}

/// A stored user.
#[derive(Clone, Debug, PartialEq)]
pub struct User {
    pub id: UserId,
    pub email: String,
    pub role: Role,
    pub first_name: String,
    pub last_name: String,
    pub name: Option<String>,
    pub image: Option<String>,
    pub is_active: bool,
    /// Bumped by password change, reset, deactivation and deletion; tokens carry it as `ver`.
    pub token_version: i64,
    /// `None` for legacy accounts that never had a password.
    pub password_hash: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// What sign-up stores. The repository creates the matching empty candidate or employer profile in
/// the same transaction.
#[derive(Clone, Debug, PartialEq)]
pub struct NewUser {
    pub email: Email,
    pub password_hash: String,
    pub role: Role,
    pub first_name: String,
    pub last_name: String,
    pub now: DateTime<Utc>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_normalises_like_the_reference() {
        let e = Email::parse("  Jane Doe <Jane.Doe@Example.COM> ").unwrap();
        assert_eq!(e.as_str(), "Jane.Doe@example.com");
        assert_eq!(e.normalized(), "jane.doe@example.com");
    }

    #[test]
    fn email_rejects_malformed_addresses() {
        for bad in [
            "",
            "plain",
            "@x.com",
            "a@",
            "a@b",
            "a b@x.com",
            "a@-x.com",
            "a..b@x.com",
            "a@x.c0m",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad:?} should be rejected");
        }
    }

    #[test]
    fn email_accepts_unicode_and_plus() {
        assert!(Email::parse("josé+jobs@exemple.fr").is_ok());
    }

    #[test]
    fn role_parsing_refuses_admin_for_self_service() {
        assert_eq!(Role::parse_self_service("candidate"), Some(Role::Candidate));
        assert_eq!(Role::parse_self_service("EMPLOYER"), Some(Role::Employer));
        assert_eq!(Role::parse_self_service("admin"), None);
        assert_eq!(Role::parse_self_service("root"), None);
        assert_eq!(Role::parse("ADMIN"), Some(Role::Admin));
    }

    #[test]
    fn password_policy_bounds() {
        assert_eq!(
            check_password_policy("short"),
            Err(PasswordPolicyError::TooShort)
        );
        assert_eq!(check_password_policy("12345678"), Ok(()));
        // 8 characters but more bytes: accepted, the minimum counts characters.
        assert_eq!(check_password_policy("éééééééé"), Ok(()));
        assert_eq!(check_password_policy(&"x".repeat(256)), Ok(()));
        assert_eq!(
            check_password_policy(&"x".repeat(257)),
            Err(PasswordPolicyError::TooLong)
        );
    }
}
