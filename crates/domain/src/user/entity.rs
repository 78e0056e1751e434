//! The user entity, and what sign-up stores.

use chrono::{DateTime, Utc};

use super::email::Email;
use super::role::Role;
use crate::ids::UserId;

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
