//! A pydantic problem raised inside a `Deserialize` impl. serde carries only text from a custom
//! error to the caller, so the problem travels as a marked JSON object in that text and
//! [`decode`] turns it back into `type`, `msg` and `ctx` where the 422 item is built.

use serde_json::{Value, json};

const MARK: &str = "pydantic-problem:";

/// The text of a custom serde error that becomes the item `{type: kind, msg, ctx}`.
pub fn custom_problem(kind: &str, msg: &str, ctx: Value) -> String {
    format!("{MARK}{}", json!({ "type": kind, "msg": msg, "ctx": ctx }))
}

/// `(type, msg, ctx)` of a message made by [`custom_problem`]; serde_json may append
/// " at line L column C", which is ignored.
pub(super) fn decode(message: &str) -> Option<(String, String, Value)> {
    let raw = message.strip_prefix(MARK)?;
    let mut values = serde_json::Deserializer::from_str(raw).into_iter::<Value>();
    let mut problem = values.next()?.ok()?;
    let kind = problem.get("type")?.as_str()?.to_owned();
    let msg = problem.get("msg")?.as_str()?.to_owned();
    let ctx = problem
        .get_mut("ctx")
        .map(Value::take)
        .unwrap_or(Value::Null);
    Some((kind, msg, ctx))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_survives_serde_json_position_suffix() {
        let text = custom_problem(
            "string_too_long",
            "String should have at most 2 characters",
            json!({"max_length": 2}),
        );
        let (kind, msg, ctx) = decode(&format!("{text} at line 1 column 9")).unwrap();
        assert_eq!(kind, "string_too_long");
        assert_eq!(msg, "String should have at most 2 characters");
        assert_eq!(ctx, json!({"max_length": 2}));
        assert_eq!(decode("missing field `a`"), None);
    }
}
