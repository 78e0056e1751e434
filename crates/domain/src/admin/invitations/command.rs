//! What creating an account asks for, and what the store writes for it.

use chrono::{DateTime, Utc};

use crate::company::CompanyName;
use crate::mail::OutgoingMail;
use crate::user::{Email, Role, SignupRole};

/// `POST /api/admin/users`, as sent. `company_name` only counts for an employer, who needs one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InviteCommand {
    pub email: Email,
    pub first_name: String,
    pub last_name: String,
    pub role: SignupRole,
    pub company_name: Option<String>,
}

/// One unit of work, committed in one transaction: the user without a password, its empty
/// profile, for an employer a new company attached to it, and the set-password token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewInvitedAccount {
    pub email: Email,
    pub first_name: String,
    pub last_name: String,
    pub role: Role,
    /// `Some` exactly for an employer.
    pub company: Option<CompanyName>,
    /// The digest of the mailed token; the token itself is never stored.
    pub token_hash: String,
    pub token_expires_at: DateTime<Utc>,
    /// The set-password mail, queued with the account: it goes out once the account exists.
    pub mail: OutgoingMail,
    pub now: DateTime<Utc>,
}
