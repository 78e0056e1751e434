//! Properties of the OpenAPI document that a fuzzer reading it relies on: every schema can be
//! satisfied, and every operation that validates its parameters documents the 422 it can answer.

use serde_json::Value;

use crate::spec_check::spec;

/// Every `allOf` under `value`, with its JSON path.
fn all_ofs<'a>(value: &'a Value, path: String, found: &mut Vec<(String, &'a Value)>) {
    match value {
        Value::Object(map) => {
            if let Some(parts) = map.get("allOf") {
                found.push((path.clone(), parts));
            }
            for (key, child) in map {
                all_ofs(child, format!("{path}/{key}"), found);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                all_ofs(child, format!("{path}/{i}"), found);
            }
        }
        _ => {}
    }
}

#[test]
fn no_all_of_combines_two_different_types() {
    let mut found = Vec::new();
    all_ofs(spec(), String::new(), &mut found);
    let conflicting: Vec<_> = found
        .into_iter()
        .filter(|(_, parts)| {
            let mut types: Vec<&Value> = parts
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|part| part.get("type"))
                .collect();
            types.dedup();
            types.len() > 1
        })
        .map(|(path, _)| path)
        .collect();
    // A doc comment on an `#[schema(inline)]` field does this: utoipa wraps the field's string
    // schema with `{"type": "object", "description": …}`, which no value satisfies.
    assert!(
        conflicting.is_empty(),
        "unsatisfiable allOf at {conflicting:?}"
    );
}

#[test]
fn every_operation_with_bounded_parameters_documents_422() {
    let mut missing = Vec::new();
    let paths = spec()["paths"].as_object().expect("paths");
    for (path, item) in paths {
        for (method, op) in item.as_object().expect("path item") {
            let bounded = op["parameters"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|p| p["in"] == "query" && p["schema"].get("maxLength").is_some());
            if bounded && op["responses"].get("422").is_none() {
                missing.push(format!("{method} {path}"));
            }
        }
    }
    assert!(missing.is_empty(), "no 422 documented for {missing:?}");
}
