//! The legacy user object (CONTRACT 3.1).

use intowork_domain::admin::UserRecord;
use serde::Serialize;
use utoipa::ToSchema;

use crate::wire::Role;

/// CONTRACT 3.1's legacy user object (`clerk_id` is null for accounts created by sign-up).
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LegacyUser {
    pub clerk_id: Option<String>,
    pub email: String,
    pub role: Role,
    pub first_name: String,
    pub last_name: String,
    pub id: i64,
    pub is_active: bool,
}

impl From<UserRecord> for LegacyUser {
    fn from(u: UserRecord) -> Self {
        Self {
            clerk_id: u.clerk_id,
            email: u.email,
            role: u.role.into(),
            first_name: u.first_name,
            last_name: u.last_name,
            id: u.id.get(),
            is_active: u.is_active,
        }
    }
}
