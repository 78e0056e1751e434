//! Serving the document at `/openapi.json` and Swagger UI at `/docs` (assets compiled into the
//! binary: the page works without internet access). Both are on unless `HttpSettings::api_docs` is
//! false (CONTRACT 8.18).

use std::sync::Arc;

use actix_web::{HttpResponse, web};
use utoipa_swagger_ui::{Config, SwaggerUi};

use super::document::cached;

/// Registers `/openapi.json`, `/docs` and Swagger UI's assets under `/docs/`, when enabled.
pub fn config(enabled: bool) -> impl FnOnce(&mut web::ServiceConfig) {
    move |cfg| {
        if !enabled {
            return;
        }
        cfg.service(web::resource("/docs").get(docs_index))
            .service(SwaggerUi::new("/docs/{_:.*}").url("/openapi.json", cached().clone()));
    }
}

/// `/docs` itself (FastAPI's address, without the slash) answers Swagger UI's page directly.
/// The page loads its assets by relative URL (`./swagger-ui.css`), which from `/docs` would
/// resolve to the root, and the docs CSP forbids a `<base>` (`base-uri 'none'`): the URLs are
/// rewritten to absolute `/docs/...` ones instead.
async fn docs_index() -> HttpResponse {
    let page = utoipa_swagger_ui::serve("index.html", Arc::new(Config::from("/openapi.json")));
    match page {
        Ok(Some(file)) => HttpResponse::Ok()
            .content_type("text/html; charset=utf-8")
            .body(absolute_asset_urls(&String::from_utf8_lossy(&file.bytes))),
        // Not reachable with the vendored assets; the slash form always works.
        _ => HttpResponse::PermanentRedirect()
            .insert_header(("Location", "/docs/"))
            .finish(),
    }
}

/// `href="x"` / `src="./x"` → `"/docs/x"`; absolute and external URLs stay as they are.
fn absolute_asset_urls(html: &str) -> String {
    let mut out = html.to_owned();
    for attr in ["href=\"", "src=\""] {
        let mut result = String::with_capacity(out.len());
        let mut rest = out.as_str();
        while let Some(i) = rest.find(attr) {
            let (head, tail) = rest.split_at(i + attr.len());
            result.push_str(head);
            let relative = !tail.starts_with('/') && !tail.starts_with("http");
            if relative {
                result.push_str("/docs/");
                rest = tail.strip_prefix("./").unwrap_or(tail);
            } else {
                rest = tail;
            }
        }
        result.push_str(rest);
        out = result;
    }
    out
}
