//! The HTTP adapter: actix-web routes, DTOs, extractors and the error mapping. Depends on the domain
//! only, never on another adapter; the server crate composes it with the adapters.

pub mod app;
pub mod client_ip;
pub mod client_slots;
pub mod cors;
pub mod error;
pub mod extract;
mod in_flight;
pub mod middleware;
mod nul;
pub mod openapi;
pub mod routes;
pub mod security;
pub mod state;
pub mod validation;
pub mod wire;

pub use app::build_app;
pub use error::ApiError;
pub use state::{AppState, HttpSettings};
