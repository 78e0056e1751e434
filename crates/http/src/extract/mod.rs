//! Extractors: JSON bodies, query strings and path parameters with pydantic-shaped 422s, and the
//! authenticated user with role checks in the handler's signature (DESIGN 4).

mod auth;
mod deadline;
mod file_part;
mod json;
mod params;
mod public_base;

pub use auth::{AdminOnly, AuthUser, MaybeUser, RoleGate, RoleUser};
pub use deadline::within_deadline;
pub use file_part::{FilePart, read_file_part};
pub use json::{DOCUMENT_JSON_LIMIT, DocumentJson, OptionalJson, ValidJson, parse_json};
pub use params::{ValidQuery, not_an_integer, path_error_handler};
pub use public_base::PublicBase;
pub(crate) use public_base::is_plain_authority;
