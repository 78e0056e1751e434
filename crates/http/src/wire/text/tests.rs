use serde::Deserialize;
use serde_json::json;
use utoipa::ToSchema;

use super::*;

#[test]
fn the_cap_counts_characters_not_bytes() {
    assert!(Text::<3>::new("ééé".into()).is_ok());
    assert_eq!(Text::<3>::new("abcd".into()), Err(TooLong(3)));
}

#[allow(dead_code)]
#[derive(Deserialize, ToSchema)]
struct Probe {
    #[schema(inline)]
    name: Text<5>,
    #[schema(inline)]
    note: Option<Text<7>>,
    #[serde(default, deserialize_with = "crate::wire::present")]
    #[schema(value_type = Option<Text<9>>, inline)]
    patch: Option<Option<Text<9>>>,
}

#[test]
fn the_document_and_the_check_share_the_cap() {
    let schema = serde_json::to_value(<Probe as utoipa::PartialSchema>::schema()).unwrap();
    let props = &schema["properties"];
    assert_eq!(props["name"]["maxLength"], 5);
    // Optional fields are `oneOf: [{string, maxLength}, {null}]`.
    assert_eq!(props["note"]["oneOf"][0]["maxLength"], 7);
    assert_eq!(props["patch"]["oneOf"][0]["maxLength"], 9);
    let long = json!({"name": "abcdef"});
    assert!(serde_json::from_value::<Probe>(long).is_err());
}
