use serde::Deserialize;
use serde_json::{Value, json};

use super::body_problems;
use crate::validation::ValidationItem;

#[allow(dead_code)]
#[derive(Deserialize, Debug)]
struct Signup {
    email: String,
    password: String,
    first_name: String,
    last_name: String,
    age: Option<i32>,
}

#[allow(dead_code)]
#[derive(Deserialize, Debug)]
#[serde(rename_all = "snake_case")]
enum Kind {
    FullTime,
    PartTime,
}

#[allow(dead_code)]
#[derive(Deserialize, Debug)]
struct Job {
    title: String,
    kind: Kind,
    salary: i64,
    tags: Vec<String>,
    contact: Contact,
}

#[allow(dead_code)]
#[derive(Deserialize, Debug)]
struct Contact {
    phone: String,
}

fn problems<T: serde::de::DeserializeOwned + std::fmt::Debug>(body: &Value) -> Vec<ValidationItem> {
    let raw = serde_json::to_vec(body).unwrap();
    let de = &mut serde_json::Deserializer::from_slice(&raw);
    let first = serde_path_to_error::deserialize::<_, T>(de).unwrap_err();
    body_problems::<T>(&raw, first)
}

fn summary(items: &[ValidationItem]) -> Vec<(String, Value)> {
    items
        .iter()
        .map(|i| (i.kind.clone(), Value::from(i.loc.clone())))
        .collect()
}

#[test]
fn every_missing_field_is_listed_in_declaration_order() {
    let items = problems::<Signup>(&json!({"email": "a@b.co"}));
    assert_eq!(
        summary(&items),
        vec![
            ("missing".into(), json!(["body", "password"])),
            ("missing".into(), json!(["body", "first_name"])),
            ("missing".into(), json!(["body", "last_name"])),
        ]
    );
    assert!(items.iter().all(|i| i.msg == "Field required"));
}

#[test]
fn type_errors_and_missing_fields_come_together() {
    let items = problems::<Signup>(&json!({"last_name": 5, "email": true, "age": "x"}));
    assert_eq!(
        summary(&items),
        vec![
            ("string_type".into(), json!(["body", "email"])),
            ("missing".into(), json!(["body", "password"])),
            ("missing".into(), json!(["body", "first_name"])),
            ("string_type".into(), json!(["body", "last_name"])),
            ("int_type".into(), json!(["body", "age"])),
        ]
    );
}

#[test]
fn enums_lists_and_nested_objects_are_set_aside_too() {
    let items = problems::<Job>(&json!({"kind": "gig", "tags": [1, "a", 2]}));
    assert_eq!(
        summary(&items),
        vec![
            ("missing".into(), json!(["body", "title"])),
            ("enum".into(), json!(["body", "kind"])),
            ("missing".into(), json!(["body", "salary"])),
            ("string_type".into(), json!(["body", "tags", 0])),
            ("string_type".into(), json!(["body", "tags", 2])),
            ("missing".into(), json!(["body", "contact"])),
        ]
    );
    let items = problems::<Job>(&json!({"title": "t", "kind": "full_time", "salary": 1,
        "tags": [], "contact": {}}));
    assert_eq!(
        summary(&items),
        vec![("missing".into(), json!(["body", "contact", "phone"]))]
    );
}

#[test]
fn a_single_problem_reads_as_before() {
    let raw = br#"{"email": "a@b.co", "password": "x", "first_name": "A", "last_name": 3}"#;
    let de = &mut serde_json::Deserializer::from_slice(raw);
    let first = serde_path_to_error::deserialize::<_, Signup>(de).unwrap_err();
    let alone = crate::validation::from_json_error(
        serde_path_to_error::deserialize::<_, Signup>(&mut serde_json::Deserializer::from_slice(
            raw,
        ))
        .unwrap_err(),
    );
    assert_eq!(body_problems::<Signup>(raw, first), vec![alone]);
}

#[test]
fn unknown_keys_and_non_structs_keep_the_first_problem() {
    let items = problems::<Signup>(&json!({"email": "a", "password": "b", "first_name": "c",
        "last_name": "d", "extra": {"deep": [1, 2, 3]}, "age": 1.5}));
    assert_eq!(
        summary(&items),
        vec![("int_type".into(), json!(["body", "age"]))]
    );
    let items = problems::<Vec<String>>(&json!([1]));
    assert_eq!(
        summary(&items),
        vec![("string_type".into(), json!(["body", 0]))]
    );
}
