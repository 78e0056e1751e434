//! Every problem of a JSON body at once, as pydantic reports them (CONTRACT 1.3): a body missing
//! `password`, `first_name` and `last_name` gets one item per field, in the order the target type
//! declares its fields, while handlers keep their typed bodies.
//!
//! serde stops at the first problem. So, after a failure, the body is read again as JSON and
//! deserialized once more with each reported field set aside, until the type accepts it. A field is
//! set aside by giving it a stand-in value of its type; serde does not say what that type is, so one
//! stand-in per JSON kind is tried (`""`, `0`, `false`, `[]`, `{}`, `null`, or the first variant an
//! enum names in its error). Only the type's own fields are kept for these rounds (others are
//! ignored anyway), which bounds the extra work by the size of those fields.

use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};

use super::item::ValidationItem;
use super::serde_errors::{from_json_error, from_message};
use super::struct_fields::struct_fields;

/// More rounds than any body has fields; a guard, not a limit that real bodies reach.
const MAX_ROUNDS: usize = 64;

/// The items for a body that failed to deserialize into `T` with `first`: every problem when `T`
/// is a struct and the body a JSON object, else (or if the second look finds nothing) `first`'s.
pub fn body_problems<T: DeserializeOwned>(
    body: &[u8],
    first: serde_path_to_error::Error<serde_json::Error>,
) -> Vec<ValidationItem> {
    let fields = struct_fields::<T>();
    let object = serde_json::from_slice::<Value>(body).ok();
    let all = match (fields, object) {
        (Some(fields), Some(Value::Object(map))) if !first.inner().is_syntax() => {
            every_problem::<T>(own_fields(map, fields), fields)
        }
        _ => Vec::new(),
    };
    if all.is_empty() {
        vec![from_json_error(first)]
    } else {
        all
    }
}

fn own_fields(mut map: Map<String, Value>, fields: &[&str]) -> Value {
    map.retain(|key, _| fields.contains(&key.as_str()));
    Value::Object(map)
}

/// A problem and where it is within the body (its `loc` without the leading `"body"`).
struct Problem {
    at: Vec<Value>,
    item: ValidationItem,
    message: String,
}

fn first_problem<T: DeserializeOwned>(body: &Value) -> Option<Problem> {
    let err = serde_path_to_error::deserialize::<_, T>(body).err()?;
    let message = err.inner().to_string();
    let item = from_message("body", err.path(), &message);
    let at = item.loc.get(1..).unwrap_or_default().to_vec();
    Some(Problem { at, item, message })
}

fn every_problem<T: DeserializeOwned>(mut body: Value, fields: &[&str]) -> Vec<ValidationItem> {
    let mut found: Vec<(Vec<Value>, ValidationItem)> = Vec::new();
    for _ in 0..MAX_ROUNDS {
        let Some(problem) = first_problem::<T>(&body) else {
            break;
        };
        // A field already reported (a missing object, say) is not reported again for its insides.
        if !found.iter().any(|(at, _)| problem.at.starts_with(at)) {
            found.push((problem.at.clone(), problem.item));
        }
        if problem.at.is_empty() || !set_aside::<T>(&mut body, &problem.at, &problem.message) {
            break;
        }
    }
    let position = |item: &ValidationItem| {
        let key = item.loc.get(1).and_then(Value::as_str);
        fields.iter().position(|f| Some(*f) == key)
    };
    let mut items: Vec<ValidationItem> = found.into_iter().map(|(_, item)| item).collect();
    items.sort_by_key(|item| position(item).unwrap_or(usize::MAX));
    items
}

/// Puts at `at` the first stand-in that `T` accepts there; false when none is accepted.
fn set_aside<T: DeserializeOwned>(body: &mut Value, at: &[Value], message: &str) -> bool {
    let mut stand_ins = vec![
        json!(""),
        json!(0),
        json!(false),
        json!([]),
        json!({}),
        Value::Null,
    ];
    if let Some(variant) = first_variant(message) {
        stand_ins.insert(0, Value::from(variant));
    }
    for stand_in in stand_ins {
        let Some(slot) = slot(body, at) else {
            return false;
        };
        let previous = std::mem::replace(slot, stand_in);
        match first_problem::<T>(body) {
            Some(next) if next.at == at => {}
            _ => return true,
        }
        if let Some(slot) = self::slot(body, at) {
            *slot = previous;
        }
    }
    false
}

/// The value at `at`, created as `null` when its object lacks the key (a missing field).
fn slot<'a>(body: &'a mut Value, at: &[Value]) -> Option<&'a mut Value> {
    let mut here = body;
    for step in at {
        here = match (here, step) {
            (Value::Object(map), Value::String(key)) => {
                map.entry(key.clone()).or_insert(Value::Null)
            }
            (Value::Array(items), Value::Number(i)) => {
                items.get_mut(usize::try_from(i.as_u64()?).ok()?)?
            }
            _ => return None,
        };
    }
    Some(here)
}

/// serde's "unknown variant `x`, expected one of `a`, `b`" (or "expected `a`") names the variants.
fn first_variant(message: &str) -> Option<&str> {
    let expected = message.split("expected ").nth(1)?;
    expected.split('`').nth(1)
}

#[cfg(test)]
mod tests;
