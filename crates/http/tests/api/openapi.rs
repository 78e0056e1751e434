//! The OpenAPI document against the code (issue 8): every served route is described and every
//! described route is served, `/openapi.json` and `/docs` follow `HttpSettings::api_docs`, a body
//! that breaks its schema is caught, and docs/api.md agrees with the spec. (Every JSON response of
//! the other HTTP tests is validated against the spec by `support::send`.)

use std::collections::BTreeSet;

use actix_web::test;
use intowork_http::HttpSettings;
use regex::Regex;
use serde_json::{Value, json};

use crate::spec_check::{spec, template_for, validate};
use crate::support::{Mocks, app_with_settings, make_app};

const METHODS: &[&str] = &["get", "put", "post", "delete", "patch"];

/// Every `.rs` file under `dir`, recursively.
fn source_files(dir: &str) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(dir)];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files
}

/// (method, path) of every `resource!` under `src/routes`, and of every placeholder of
/// `outside_services` (`at(Verb, "path", …)`): what the app serves.
fn served_routes() -> BTreeSet<(String, String)> {
    let dir = format!("{}/src/routes", env!("CARGO_MANIFEST_DIR"));
    let resource = Regex::new(r#"resource!\(\s*(\[[^\]]*\]|"[^"]*")\s*,([^)]*)\)"#).unwrap();
    let literal = Regex::new(r#""([^"]*)""#).unwrap();
    let method = Regex::new(r"(\w+)\s*=>").unwrap();
    let placeholder = Regex::new(r#"\bat\(\s*(Get|Post|Delete)\s*,\s*"([^"]+)""#).unwrap();
    let mut routes = BTreeSet::new();
    for path in source_files(&dir) {
        let text = std::fs::read_to_string(path).unwrap();
        for p in placeholder.captures_iter(&text) {
            routes.insert((p[1].to_ascii_lowercase(), p[2].to_owned()));
        }
        for r in resource.captures_iter(&text) {
            for p in literal.captures_iter(&r[1]) {
                for m in method.captures_iter(&r[2]) {
                    routes.insert((m[1].to_owned(), p[1].to_owned()));
                }
            }
        }
    }
    routes
}

fn spec_routes() -> BTreeSet<(String, String)> {
    let mut routes = BTreeSet::new();
    for (path, item) in spec()["paths"].as_object().unwrap() {
        for m in METHODS {
            if item.get(*m).is_some() {
                routes.insert(((*m).to_owned(), path.clone()));
            }
        }
    }
    routes
}

#[actix_rt::test]
async fn every_served_route_is_in_the_spec_and_every_spec_route_is_served() {
    let served = served_routes();
    let described = spec_routes();
    assert!(served.len() > 60, "the route scan found only {served:?}");
    let undocumented: Vec<_> = served.difference(&described).collect();
    let unserved: Vec<_> = described.difference(&served).collect();
    assert!(
        undocumented.is_empty(),
        "served but missing from the spec (add #[utoipa::path] and list the handler in its \
         module's `…Api` fragment): {undocumented:?}"
    );
    assert!(
        unserved.is_empty(),
        "in the spec but not served: {unserved:?}"
    );

    // And the app really answers each described operation: not the default 404, not a 405.
    let app = make_app(Mocks::new()).await;
    let param = Regex::new(r"\{[^}]+\}").unwrap();
    for (method, path) in &described {
        let concrete = param.replace_all(path, "1");
        let req = test::TestRequest::default()
            .method(method.to_uppercase().parse().unwrap())
            .uri(&concrete)
            .insert_header(("Host", "localhost"))
            .to_request();
        let res = test::call_service(&app, req).await;
        let status = res.status().as_u16();
        let body: Value = serde_json::from_slice(&test::read_body(res).await).unwrap_or(json!({}));
        let default_404 = status == 404 && body["detail"] == "Not Found";
        assert!(
            !default_404 && status != 405,
            "{method} {concrete}: {status} {body}"
        );
    }
}

#[actix_rt::test]
async fn the_document_is_openapi_3_1_with_the_bearer_scheme_on_protected_routes() {
    let doc = spec();
    assert_eq!(doc["openapi"], "3.1.0");
    assert_eq!(
        doc["components"]["securitySchemes"]["bearer"]["scheme"],
        "bearer"
    );
    let me = &doc["paths"]["/api/auth/me"]["get"];
    assert_eq!(me["security"], json!([{"bearer": []}]));
    assert!(
        doc["paths"]["/api/auth/signin"]["post"]
            .get("security")
            .is_none()
    );
    let upload = &doc["paths"]["/api/candidates/cv"]["post"]["requestBody"]["content"];
    assert!(upload.get("multipart/form-data").is_some(), "{upload}");
    let roles = &doc["components"]["schemas"]["Role"]["enum"];
    assert_eq!(roles, &json!(["candidate", "employer", "admin"]));
    // The trailing-slash forms are served, so they are described too.
    for p in ["/api/jobs/", "/api/companies/", "/api/notifications/"] {
        assert!(doc["paths"].get(p).is_some(), "{p}");
    }
}

#[actix_rt::test]
async fn a_body_that_breaks_its_declared_schema_is_rejected() {
    let ok = &spec()["paths"]["/api/auth/me"]["get"]["responses"]["200"];
    let good = json!({"id": 1, "email": "a@b.c", "first_name": "A", "last_name": "B",
        "name": null, "role": "candidate", "image": null, "is_active": true});
    validate(ok, &good).unwrap();
    let mut bad_enum = good.clone();
    bad_enum["role"] = json!("superuser");
    assert!(validate(ok, &bad_enum).is_err());
    let mut missing = good.clone();
    missing.as_object_mut().unwrap().remove("email");
    assert!(validate(ok, &missing).is_err());
    let mut extra = good.clone();
    extra["password_hash"] = json!("x");
    assert!(validate(ok, &extra).is_err(), "unknown keys must fail");

    let unprocessable = &spec()["paths"]["/api/auth/signup"]["post"]["responses"]["422"];
    let pydantic = json!({"detail": [{"type": "missing", "loc": ["body", "email"],
        "msg": "Field required", "input": {}}], "code": "validation_error"});
    validate(unprocessable, &pydantic).unwrap();
    assert!(
        validate(
            unprocessable,
            &json!({"detail": "x", "code": "validation_error"})
        )
        .is_err()
    );
    assert_eq!(template_for("/api/jobs/create"), Some("/api/jobs/create"));
    assert_eq!(template_for("/api/jobs/7"), Some("/api/jobs/{job_id}"));
}

#[actix_rt::test]
async fn docs_and_spec_are_served_by_default() {
    let app = make_app(Mocks::new()).await;
    let res = test::call_service(
        &app,
        test::TestRequest::get().uri("/openapi.json").to_request(),
    )
    .await;
    assert_eq!(res.status(), 200);
    let doc: Value = serde_json::from_slice(&test::read_body(res).await).unwrap();
    assert_eq!(doc["openapi"], "3.1.0");
    assert!(doc["paths"].get("/api/jobs").is_some());

    let res = test::call_service(&app, test::TestRequest::get().uri("/docs/").to_request()).await;
    assert_eq!(res.status(), 200);
    let csp = res
        .headers()
        .get("content-security-policy")
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    let html = String::from_utf8(test::read_body(res).await.to_vec()).unwrap();
    assert!(html.contains("swagger-ui"), "{html}");
    assert!(
        !html.contains("https://"),
        "no CDN: the assets come from the binary"
    );
    assert!(csp.contains("script-src 'self'"), "{csp}");
    // `/docs` answers the page itself, its relative asset URLs based under `/docs/`.
    let res = test::call_service(&app, test::TestRequest::get().uri("/docs").to_request()).await;
    assert_eq!(res.status(), 200);
    let html = String::from_utf8(test::read_body(res).await.to_vec()).unwrap();
    assert!(
        html.contains(r#"src="/docs/swagger-initializer.js""#),
        "{html}"
    );
    assert!(html.contains(r#"href="/docs/swagger-ui.css""#), "{html}");
    assert!(!html.contains(r#"="./"#), "{html}");
    for asset in [
        "/docs/swagger-ui-bundle.js",
        "/docs/swagger-ui.css",
        "/docs/swagger-initializer.js",
    ] {
        let res = test::call_service(&app, test::TestRequest::get().uri(asset).to_request()).await;
        assert_eq!(res.status(), 200, "{asset}");
    }
}

#[actix_rt::test]
async fn docs_and_spec_answer_404_when_disabled() {
    let settings = HttpSettings {
        api_docs: false,
        ..HttpSettings::default()
    };
    let app = app_with_settings(Mocks::new(), settings).await;
    for uri in ["/openapi.json", "/docs", "/docs/", "/docs/swagger-ui.css"] {
        let res = test::call_service(&app, test::TestRequest::get().uri(uri).to_request()).await;
        assert_eq!(res.status(), 404, "{uri}");
    }
}

const TABLE_BEGIN: &str = "<!-- endpoints:begin (generated from the OpenAPI spec) -->";
const TABLE_END: &str = "<!-- endpoints:end -->";

/// The endpoint table of docs/api.md, one row per operation of the spec.
fn endpoint_table() -> String {
    let mut out = String::from(
        "| method | path | tag | auth | success | errors |\n|---|---|---|---|---|---|\n",
    );
    for (path, item) in spec()["paths"].as_object().unwrap() {
        for m in METHODS {
            let Some(op) = item.get(*m) else { continue };
            let auth = match op.get("security") {
                None => "public",
                Some(s)
                    if s.as_array()
                        .is_some_and(|a| a.iter().any(|x| x == &json!({}))) =>
                {
                    "optional bearer"
                }
                Some(_) => "bearer",
            };
            let (success, errors): (Vec<&str>, Vec<&str>) = op["responses"]
                .as_object()
                .unwrap()
                .keys()
                .map(String::as_str)
                .partition(|k| k.starts_with('2'));
            out.push_str(&format!(
                "| {} | `{path}` | {} | {auth} | {} | {} |\n",
                m.to_uppercase(),
                op["tags"][0].as_str().unwrap_or(""),
                success.join(", "),
                errors.join(", ")
            ));
        }
    }
    out
}

/// docs/api.md carries the table generated from the spec; `UPDATE_API_DOCS=1` rewrites it.
#[actix_rt::test]
async fn api_md_endpoint_table_matches_the_spec() {
    let path = format!("{}/../../docs/api.md", env!("CARGO_MANIFEST_DIR"));
    let doc = std::fs::read_to_string(&path).unwrap();
    let (Some(b), Some(e)) = (doc.find(TABLE_BEGIN), doc.find(TABLE_END)) else {
        panic!("docs/api.md lacks the {TABLE_BEGIN} … {TABLE_END} markers");
    };
    let current = &doc[b + TABLE_BEGIN.len()..e];
    let wanted = format!("\n{}", endpoint_table());
    if current != wanted {
        if std::env::var_os("UPDATE_API_DOCS").is_some() {
            let new = format!("{}{TABLE_BEGIN}{wanted}{}", &doc[..b], &doc[e..]);
            std::fs::write(&path, new).unwrap();
        } else {
            panic!(
                "docs/api.md's endpoint table is stale: run UPDATE_API_DOCS=1 cargo test -p intowork-http --test api api_md"
            );
        }
    }
}

/// Every stable `code` the HTTP crate can send is listed in docs/api.md (CONTRACT 9.17).
#[actix_rt::test]
async fn api_md_lists_every_error_code() {
    let patterns = [
        r#"\b(?:bad_request|unauthorized|not_found|forbidden|conflict)\(\s*"([a-z]+(?:_[a-z]+)*)""#,
        r#"ApiError::new\(\s*[\w:]+,\s*"([a-z_]+)""#,
        r#"=>\s*\(\s*"([a-z]+(?:_[a-z]+)*)","#,
        r#"code: "([a-z_]+)""#,
        r#"code: \(!?\w+\)\.then_some\("([a-z_]+)"\)"#,
    ]
    .map(|p| Regex::new(p).unwrap());
    let doc = std::fs::read_to_string(format!("{}/../../docs/api.md", env!("CARGO_MANIFEST_DIR")))
        .unwrap();
    let mut codes = BTreeSet::new();
    for path in source_files(&format!("{}/src", env!("CARGO_MANIFEST_DIR"))) {
        let text = std::fs::read_to_string(&path).unwrap();
        for re in &patterns {
            codes.extend(re.captures_iter(&text).map(|c| c[1].to_owned()));
        }
    }
    assert!(codes.len() > 30, "the scan found only {codes:?}");
    let missing: Vec<_> = codes
        .iter()
        .filter(|c| !doc.contains(&format!("`{c}`")))
        .collect();
    assert!(
        missing.is_empty(),
        "codes missing from docs/api.md: {missing:?}"
    );
}
