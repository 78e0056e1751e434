//! U+0000 in request text is refused with a 422 on every route and both databases.
//!
//! PostgreSQL cannot store the NUL character in `text` ("invalid byte sequence for encoding
//! UTF8: 0x00"), SQLite can: without this check the same request was a 500 on one database and
//! stored on the other (found by the Schemathesis run, scripts/schemathesis). No real name, title
//! or search contains it, so it is refused where the request is parsed, naming the field.

use serde_json::Value;

use crate::validation::ValidationItem;

const MSG: &str = "Value error, text must not contain the NUL character (U+0000)";

/// Whether a JSON text holds a `\u0000` escape (the only way JSON can carry U+0000 inside a
/// string). Escapes are skipped pairwise, so `\\u0000` (a backslash, then `u0000`) is not one.
fn has_nul_escape(json: &[u8]) -> bool {
    let mut i = 0;
    while i < json.len() {
        if json[i] == b'\\' {
            if json.get(i + 1) == Some(&b'u') && json.get(i + 2..i + 6) == Some(b"0000") {
                return true;
            }
            i += 2;
        } else {
            i += 1;
        }
    }
    false
}

/// The location of the first string (or object key) holding U+0000.
fn nul_path(value: &Value, path: &mut Vec<Value>) -> bool {
    match value {
        Value::String(s) => s.contains('\0'),
        Value::Array(items) => items.iter().enumerate().any(|(i, item)| {
            path.push(i.into());
            let found = nul_path(item, path);
            if !found {
                path.pop();
            }
            found
        }),
        Value::Object(map) => map.iter().any(|(key, item)| {
            path.push(key.clone().into());
            let found = key.contains('\0') || nul_path(item, path);
            if !found {
                path.pop();
            }
            found
        }),
        _ => false,
    }
}

/// The 422 item for a JSON body holding U+0000, if it does (checked before deserializing).
pub(crate) fn in_json(body: &[u8]) -> Option<ValidationItem> {
    if !has_nul_escape(body) {
        return None;
    }
    let mut loc = vec![Value::from("body")];
    // Only on the rare refused body: find the field to name (an unparsable body names none).
    if let Ok(value) = serde_json::from_slice::<Value>(body) {
        nul_path(&value, &mut loc);
    }
    Some(ValidationItem::new("value_error", loc, MSG))
}

/// The 422 item for a query parameter holding U+0000, if one does.
pub(crate) fn in_query(query: &str) -> Option<ValidationItem> {
    if !query.contains("%00") && !query.contains('\0') {
        return None;
    }
    form_urlencoded::parse(query.as_bytes())
        .find(|(key, value)| key.contains('\0') || value.contains('\0'))
        .map(|(key, _)| {
            ValidationItem::new(
                "value_error",
                vec!["query".into(), key.into_owned().into()],
                MSG,
            )
        })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_field_holding_nul() {
        let item = in_json(br#"{"a": "ok", "b": [1, {"c": "x\u0000y"}]}"#).unwrap();
        assert_eq!(
            serde_json::to_value(&item).unwrap()["loc"],
            serde_json::json!(["body", "b", 1, "c"])
        );
    }

    #[test]
    fn an_escaped_backslash_is_not_nul() {
        assert!(in_json(br#"{"a": "\\u0000"}"#).is_none());
        assert!(in_json(br#"{"a": "\\\u0000"}"#).is_some());
        assert!(in_json(br#"{"a": "plain"}"#).is_none());
    }

    #[test]
    fn query_parameters_with_nul_are_named() {
        let item = in_query("page=1&search=a%00b").unwrap();
        assert_eq!(
            serde_json::to_value(&item).unwrap()["loc"],
            serde_json::json!(["query", "search"])
        );
        assert!(in_query("search=a%2500b").is_none());
    }
}
