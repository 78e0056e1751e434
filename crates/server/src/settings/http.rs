//! How the HTTP server listens, where the public reaches it and whom it answers: `HOST`, `PORT`,
//! `PUBLIC_API_URL`, `CORS_ORIGIN` and `API_DOCS_ENABLED`.

use intowork_http::cors::CorsPolicy;

use super::problems::{ConfigProblem, Problems};
use super::raw::Raw;
use super::values::{http_origin, non_empty, parse_bool};

/// The frontend's development server, allowed when `CORS_ORIGIN` is unset.
const DEFAULT_CORS_ORIGIN: &str = "http://localhost:3000";

pub(super) struct HttpValues {
    pub(super) host: String,
    pub(super) port: u16,
    pub(super) public_api_url: Option<String>,
    pub(super) cors: CorsPolicy,
    pub(super) api_docs: bool,
}

pub(super) fn parse(raw: &Raw, production: bool, problems: &mut Problems) -> Option<HttpValues> {
    let port = problems.check(raw.port.trim().parse::<u16>().map_err(|_| {
        ConfigProblem::new("PORT", format!("must be a port number, got {:?}", raw.port))
    }));
    let public_api_url = problems.check(public_api_url(raw));
    let cors = cors(raw, production, problems);
    let api_docs = problems.check(parse_bool("API_DOCS_ENABLED", &raw.api_docs_enabled));
    Some(HttpValues {
        host: raw.host.trim().to_owned(),
        port: port?,
        public_api_url: public_api_url?,
        cors: cors?,
        api_docs: api_docs?,
    })
}

/// `PUBLIC_API_URL`: the API's own origin as browsers reach it (`https://api.example.com`), so
/// what the server builds from it (the HTTPS redirect) never depends on a client's `Host` header.
fn public_api_url(raw: &Raw) -> Result<Option<String>, ConfigProblem> {
    let Some(url) = non_empty(raw.public_api_url.as_deref()) else {
        return Ok(None);
    };
    let origin = http_origin("PUBLIC_API_URL", &url, "https://api.intowork.app")?;
    // The request's path is appended as it is: a base path would be doubled.
    if origin
        .split("://")
        .nth(1)
        .is_some_and(|rest| rest.contains('/'))
    {
        return Err(ConfigProblem::new(
            "PUBLIC_API_URL",
            "must be an origin without a path, such as https://api.intowork.app",
        ));
    }
    Ok(Some(origin))
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
