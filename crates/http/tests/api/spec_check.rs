//! Checks real responses against the OpenAPI document: `support::send` calls [`check`] for every
//! JSON response the HTTP tests produce, so a handler whose body drifts from its declared schema
//! (a renamed, extra or mistyped key, an undeclared status) fails the test that produced it.

use std::sync::OnceLock;

use serde_json::{Value, json};

pub fn spec() -> &'static Value {
    static SPEC: OnceLock<Value> = OnceLock::new();
    SPEC.get_or_init(|| serde_json::from_str(&intowork_http::openapi::spec_json()).unwrap())
}

/// The spec path template serving `path`: the match with the most literal segments wins, as
/// `/api/jobs/create` beats `/api/jobs/{job_id}`.
pub fn template_for(path: &str) -> Option<&'static str> {
    let want: Vec<&str> = path.split('/').collect();
    let paths = spec()["paths"].as_object()?;
    paths
        .keys()
        .filter_map(|t| {
            let segs: Vec<&str> = t.split('/').collect();
            if segs.len() != want.len() {
                return None;
            }
            let mut literal = 0;
            for (s, w) in segs.iter().zip(&want) {
                if s.starts_with('{') {
                    continue;
                }
                if s != w {
                    return None;
                }
                literal += 1;
            }
            Some((literal, t.as_str()))
        })
        .max_by_key(|(n, _)| *n)
        .map(|(_, t)| t)
}

/// The declared response of an operation for a status, if the operation exists.
pub fn declared(method: &str, template: &str, status: u16) -> Option<Option<&'static Value>> {
    let op = spec()["paths"][template].get(method)?;
    Some(op["responses"].get(status.to_string()))
}

/// Validates `body` against the schema of `application/json` in `response` (an OpenAPI response
/// object); `$ref`s resolve against the whole document's components.
pub fn validate(response: &Value, body: &Value) -> Result<(), String> {
    let Some(schema) = response.pointer("/content/application~1json/schema") else {
        return if body.is_null() {
            Ok(())
        } else {
            Err(format!("no JSON body declared, got {body}"))
        };
    };
    let mut root = schema.clone();
    if let Some(obj) = root.as_object_mut() {
        obj.insert("components".into(), spec()["components"].clone());
        obj.insert(
            "$schema".into(),
            json!("https://json-schema.org/draft/2020-12/schema"),
        );
    }
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&root)
        .map_err(|e| format!("bad schema: {e}"))?;
    let errors: Vec<String> = validator
        .iter_errors(body)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.join("; "))
    }
}

/// Statuses any route may answer without declaring them: a panic's 500, the method guard's 405,
/// the JSON size limit's 413 and the HTTPS redirect's 308 (middleware, not handlers).
const UNDECLARED_OK: &[u16] = &[308, 405, 413, 500];

/// Checks one response of the HTTP tests. Requests outside the spec (unknown paths and methods,
/// `/docs`) are left to the route-coverage test.
pub fn check(method: &str, path: &str, status: u16, body: &Value) {
    let Some(template) = template_for(path) else {
        return;
    };
    let Some(response) = declared(method, template, status) else {
        return;
    };
    let result = match response {
        Some(r) => validate(r, body),
        None if UNDECLARED_OK.contains(&status) => Ok(()),
        None => Err(format!("status {status} is not declared")),
    };
    if result.is_ok() && std::env::var_os("OPENAPI_REPORT_ONLY").is_some() {
        eprintln!("SPEC CHECKED {method} {template} {status}");
    }
    if let Err(e) = result {
        let msg = format!("{method} {path} ({template}) {status}: {e}\n  body: {body}");
        // OPENAPI_REPORT_ONLY=1 (with --nocapture) lists every check instead of failing.
        if std::env::var_os("OPENAPI_REPORT_ONLY").is_some() {
            eprintln!("SPEC MISMATCH {msg}");
        } else {
            panic!("response does not match the OpenAPI spec: {msg}");
        }
    }
}
