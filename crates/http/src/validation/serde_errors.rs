//! serde's errors as pydantic items: serde reports problems as text and a path (from
//! `serde_path_to_error`); this maps them to pydantic's `type`, `loc` and `msg`.

use serde_json::Value;

use super::item::ValidationItem;

/// Converts a serde path into `loc` entries: map keys as strings, sequence indexes as integers.
fn path_loc(root: &str, path: &serde_path_to_error::Path) -> Vec<Value> {
    use serde_path_to_error::Segment;
    let mut loc = vec![Value::from(root)];
    for seg in path.iter() {
        match seg {
            Segment::Seq { index } => loc.push(Value::from(*index)),
            Segment::Map { key } => loc.push(Value::from(key.as_str())),
            Segment::Enum { variant } => loc.push(Value::from(variant.as_str())),
            Segment::Unknown => {}
        }
    }
    loc
}

/// Classifies a serde data error message into a pydantic error type and message. serde reports
/// these as text; the patterns below are serde's stable wording for derived `Deserialize`.
fn classify(message: &str) -> (&'static str, String, Option<String>) {
    if let Some(field) = between(message, "missing field `", "`") {
        return ("missing", "Field required".into(), Some(field.to_owned()));
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let expected = rest.split(", expected ").nth(1).unwrap_or("");
        let expected = expected.split(" at line").next().unwrap_or(expected);
        let (kind, msg) = expectation(expected);
        return (kind, msg.into(), None);
    }
    if message.starts_with("unknown variant") {
        return ("enum", enum_message(message), None);
    }
    if let Some(rest) = message.strip_prefix("invalid value: ") {
        let expected = rest.split(", expected ").nth(1).unwrap_or("");
        let (kind, msg) = expectation(expected);
        return (kind, msg.into(), None);
    }
    let text = message.split(" at line ").next().unwrap_or(message);
    ("value_error", format!("Value error, {text}"), None)
}

fn expectation(expected: &str) -> (&'static str, &'static str) {
    let e = expected.trim();
    if e.starts_with('i') || e.starts_with('u') || e.contains("integer") {
        ("int_type", "Input should be a valid integer")
    } else if e.starts_with('f') {
        ("float_type", "Input should be a valid number")
    } else if e.contains("a string") || e.contains("string") {
        ("string_type", "Input should be a valid string")
    } else if e.contains("boolean") {
        ("bool_type", "Input should be a valid boolean")
    } else if e.contains("sequence") {
        ("list_type", "Input should be a valid list")
    } else if e.starts_with("struct") || e.contains("map") {
        (
            "model_attributes_type",
            "Input should be a valid dictionary or object to extract fields from",
        )
    } else {
        ("value_error", "Input is invalid")
    }
}

fn enum_message(message: &str) -> String {
    // "unknown variant `x`, expected one of `a`, `b`" → "Input should be 'a' or 'b'"
    let options: Vec<String> = message
        .split("expected ")
        .nth(1)
        .unwrap_or("")
        .split('`')
        .enumerate()
        .filter(|(i, _)| i % 2 == 1)
        .map(|(_, s)| format!("'{s}'"))
        .collect();
    match options.split_last() {
        Some((last, rest)) if !rest.is_empty() => {
            format!("Input should be {} or {last}", rest.join(", "))
        }
        Some((only, _)) => format!("Input should be {only}"),
        None => "Input should be a valid enumeration member".into(),
    }
}

fn between<'a>(s: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = s.find(start)? + start.len();
    let to = s[from..].find(end)? + from;
    Some(&s[from..to])
}

/// A JSON body that failed to deserialize.
pub fn from_json_error(err: serde_path_to_error::Error<serde_json::Error>) -> ValidationItem {
    let inner = err.inner();
    if inner.is_syntax() || inner.is_eof() {
        return ValidationItem::new(
            "json_invalid",
            vec!["body".into(), Value::from(inner.column())],
            "JSON decode error",
        )
        .with_input(Value::Object(Default::default()))
        .with_ctx(serde_json::json!({ "error": syntax_reason(inner) }));
    }
    from_message("body", err.path(), &inner.to_string())
}

/// A query string or path that failed to deserialize.
pub fn from_plain_error(
    root: &str,
    err: &serde_path_to_error::Error<serde::de::value::Error>,
) -> ValidationItem {
    from_message(root, err.path(), &err.inner().to_string())
}

pub(super) fn from_message(
    root: &str,
    path: &serde_path_to_error::Path,
    message: &str,
) -> ValidationItem {
    if let Some((kind, msg, ctx)) = super::custom::decode(message) {
        let item = ValidationItem::new(&kind, path_loc(root, path), msg);
        return if ctx.is_null() {
            item
        } else {
            item.with_ctx(ctx)
        };
    }
    let (kind, msg, field) = classify(message);
    let mut loc = path_loc(root, path);
    if let Some(field) = field {
        loc.push(Value::from(field));
    }
    // Query and path values arrive as text: a non-number there is a parsing error in pydantic terms.
    let kind = match (root, kind) {
        ("query" | "path", "int_type") => "int_parsing",
        ("query" | "path", "bool_type") => "bool_parsing",
        (_, k) => k,
    };
    let msg = match kind {
        "int_parsing" => {
            "Input should be a valid integer, unable to parse string as an integer".into()
        }
        "bool_parsing" => "Input should be a valid boolean, unable to interpret input".into(),
        _ => msg,
    };
    ValidationItem::new(kind, loc, msg)
}

fn syntax_reason(e: &serde_json::Error) -> &'static str {
    if e.is_eof() {
        "EOF while parsing"
    } else {
        "Invalid JSON"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[allow(dead_code)]
    #[derive(Deserialize, Debug)]
    struct Body {
        school: String,
        level: i64,
        tags: Vec<String>,
    }

    fn json_err(raw: &str) -> ValidationItem {
        let de = &mut serde_json::Deserializer::from_str(raw);
        from_json_error(serde_path_to_error::deserialize::<_, Body>(de).unwrap_err())
    }

    #[test]
    fn missing_field_is_reported_at_its_location() {
        let item = json_err(r#"{"level": 1, "tags": []}"#);
        assert_eq!(item.kind, "missing");
        assert_eq!(item.loc, vec![Value::from("body"), Value::from("school")]);
        assert_eq!(item.msg, "Field required");
    }

    #[test]
    fn wrong_type_names_the_field() {
        let item = json_err(r#"{"school": "x", "level": "high", "tags": []}"#);
        assert_eq!(item.kind, "int_type");
        assert_eq!(item.loc, vec![Value::from("body"), Value::from("level")]);
        let item = json_err(r#"{"school": "x", "level": 1, "tags": [1]}"#);
        assert_eq!(item.kind, "string_type");
        assert_eq!(
            item.loc,
            vec![Value::from("body"), Value::from("tags"), Value::from(0)]
        );
    }

    #[test]
    fn malformed_json_is_json_invalid() {
        let item = json_err(r#"{"school": "#);
        assert_eq!(item.kind, "json_invalid");
        assert_eq!(item.msg, "JSON decode error");
        assert_eq!(item.loc[0], Value::from("body"));
    }

    #[test]
    fn a_non_object_field_is_a_type_error() {
        #[allow(dead_code)]
        #[derive(Deserialize, Debug)]
        struct Outer {
            inner: Body,
        }
        let de = &mut serde_json::Deserializer::from_str(r#"{"inner": 3}"#);
        let item = from_json_error(serde_path_to_error::deserialize::<_, Outer>(de).unwrap_err());
        assert_eq!(item.kind, "model_attributes_type");
        assert_eq!(item.loc, vec![Value::from("body"), Value::from("inner")]);
    }

    #[test]
    fn enum_messages_list_the_options() {
        assert_eq!(
            enum_message("unknown variant `x`, expected one of `technical`, `soft`, `language`"),
            "Input should be 'technical', 'soft' or 'language'"
        );
    }
}
