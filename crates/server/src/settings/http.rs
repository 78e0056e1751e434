//! How the HTTP server listens and whom it answers: `HOST`, `PORT`, `CORS_ORIGIN` and
//! `API_DOCS_ENABLED`.

use intowork_http::cors::CorsPolicy;

use super::problems::{ConfigProblem, Problems};
use super::raw::Raw;
use super::values::parse_bool;

/// The frontend's development server, allowed when `CORS_ORIGIN` is unset.
const DEFAULT_CORS_ORIGIN: &str = "http://localhost:3000";

pub(super) struct HttpValues {
    pub(super) host: String,
    pub(super) port: u16,
    pub(super) cors: CorsPolicy,
    pub(super) api_docs: bool,
}

pub(super) fn parse(raw: &Raw, production: bool, problems: &mut Problems) -> Option<HttpValues> {
    let port = problems.check(raw.port.trim().parse::<u16>().map_err(|_| {
        ConfigProblem::new("PORT", format!("must be a port number, got {:?}", raw.port))
    }));
    let cors = cors(raw, production, problems);
    let api_docs = problems.check(parse_bool("API_DOCS_ENABLED", &raw.api_docs_enabled));
    Some(HttpValues {
        host: raw.host.trim().to_owned(),
        port: port?,
        cors: cors?,
        api_docs: api_docs?,
    })
}

fn cors(raw: &Raw, production: bool, problems: &mut Problems) -> Option<CorsPolicy> {
    let origins = raw.cors_origin.as_deref().unwrap_or(DEFAULT_CORS_ORIGIN);
    let cors = problems.check(
        CorsPolicy::parse(origins).map_err(|e| ConfigProblem::new("CORS_ORIGIN", e.to_string())),
    )?;
    if production && cors.any {
        problems.report(
            "CORS_ORIGIN",
            "`*` is refused in production: list the origins",
        );
        return None;
    }
    Some(cors)
}
