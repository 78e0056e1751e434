//! Reading stored values back into domain types, shared by every repository: timestamps are UTC
//! without a zone, enums are their lowercase text, and an unknown text is corrupt data (an
//! internal error, never a panic).

use chrono::{DateTime, NaiveDateTime, Utc};
use intowork_domain::RepoError;
use intowork_domain::user::Role;

/// How a timestamp is stored.
pub(crate) fn naive(t: DateTime<Utc>) -> NaiveDateTime {
    t.naive_utc()
}

/// Parses a stored enum text with the domain's parser; `what` names it in the error.
pub(crate) fn parse<T>(
    what: &str,
    value: &str,
    parser: impl FnOnce(&str) -> Option<T>,
) -> Result<T, RepoError> {
    parser(value)
        .ok_or_else(|| RepoError::Internal(format!("unknown {what} in database: {value:?}")))
}

/// A stored role: only the lowercase values the CHECK list allows (the domain's own parser also
/// takes the reference's uppercase labels, which the database never holds).
pub(crate) fn role(value: &str) -> Option<Role> {
    Role::ALL.into_iter().find(|r| r.as_str() == value)
}

/// A column list written once: `columns!(NAME: Type = (table::a, table::b))` defines the tuple
/// type `Type` and the constant `NAME` of that type, for `.select(NAME)` and `.returning(NAME)`
/// (`RETURNING` through the connection enum takes columns, not `as_returning()`).
macro_rules! columns {
    ($(#[$meta:meta])* $name:ident: $ty:ident = ($($column:path),+ $(,)?)) => {
        pub(crate) type $ty = ($($column,)+);
        $(#[$meta])*
        pub(crate) const $name: $ty = ($($column,)+);
    };
}
pub(crate) use columns;

/// `From<Row> for Domain` when every field moves over unchanged: the field list, written once.
macro_rules! moved_fields {
    ($row:ty => $domain:ident { $($field:ident),+ $(,)? }) => {
        impl From<$row> for $domain {
            fn from(r: $row) -> Self {
                $domain { $($field: r.$field),+ }
            }
        }
    };
}
pub(crate) use moved_fields;
