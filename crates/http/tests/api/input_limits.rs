//! Input limits: every free-text field of a request body and every string query parameter has a
//! `maxLength` in the document, and the server refuses longer input with pydantic's 422; URL fields
//! take only absolute http(s) URLs (or "" for none).

use serde_json::Value;

use crate::spec_check::spec;

/// Resolves a `$ref` against the document's components.
fn resolve(schema: &Value) -> &Value {
    match schema.get("$ref").and_then(Value::as_str) {
        Some(r) => {
            let name = r.trim_start_matches("#/components/schemas/");
            &spec()["components"]["schemas"][name]
        }
        None => schema,
    }
}

/// Strings without a bound reachable from `schema`, as `where: schema` lines. A string is bounded
/// by `maxLength` or by an `enum` list; `format: binary` (the CV upload's file part) is bounded by
/// the upload limit instead.
fn unbounded(at: &str, schema: &Value, found: &mut Vec<String>) {
    let schema = resolve(schema);
    for key in ["oneOf", "anyOf", "allOf"] {
        for (i, part) in schema[key].as_array().into_iter().flatten().enumerate() {
            unbounded(&format!("{at}/{key}/{i}"), part, found);
        }
    }
    let types: Vec<&str> = match &schema["type"] {
        Value::String(t) => vec![t.as_str()],
        Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
        _ => vec![],
    };
    if types.contains(&"string")
        && schema.get("maxLength").is_none()
        && schema.get("enum").is_none()
        && schema["format"] != "binary"
    {
        found.push(format!("{at}: {schema}"));
    }
    if let Some(props) = schema["properties"].as_object() {
        for (name, prop) in props {
            unbounded(&format!("{at}.{name}"), prop, found);
        }
    }
    if let Some(items) = schema.get("items") {
        unbounded(&format!("{at}[]"), items, found);
    }
}

#[test]
fn every_request_string_has_a_documented_maximum_length() {
    let mut found = Vec::new();
    for (path, item) in spec()["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let at = format!("{} {path}", method.to_uppercase());
            for (kind, body) in op["requestBody"]["content"]
                .as_object()
                .into_iter()
                .flatten()
            {
                unbounded(&format!("{at} body({kind})"), &body["schema"], &mut found);
            }
            for param in op["parameters"].as_array().into_iter().flatten() {
                // Path ids are integers; a string path or query parameter needs a bound.
                let name = param["name"].as_str().unwrap_or_default();
                unbounded(
                    &format!("{at} {}:{name}", param["in"]),
                    &param["schema"],
                    &mut found,
                );
            }
        }
    }
    assert!(
        found.is_empty(),
        "strings without maxLength:\n{}",
        found.join("\n")
    );
}
