//! The OpenAPI document (`document`, assembled from the resources' parts) and where it is served
//! (`docs_page`). Route modules never import this module: each declares its own part.

mod docs_page;
mod document;

pub use docs_page::config;
pub use document::{SLASH_ALIASES, spec, spec_json};
