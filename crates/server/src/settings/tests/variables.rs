//! `VARIABLES` and the defaults follow the fields `Raw` reads.

use serde::Deserialize;
use serde::de::{self, Visitor};

use super::super::raw::{DEFAULTS, Raw, VARIABLES};

/// A deserializer that only records the field names serde asks a struct for.
struct FieldNames<'a>(&'a mut &'static [&'static str]);

impl<'de> de::Deserializer<'de> for FieldNames<'_> {
    type Error = de::value::Error;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
        Err(de::Error::custom("only structs are introspected"))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Self::Error> {
        *self.0 = fields;
        Err(de::Error::custom("introspected"))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

fn raw_fields() -> &'static [&'static str] {
    let mut fields: &'static [&'static str] = &[];
    let _ = Raw::deserialize(FieldNames(&mut fields));
    fields
}

#[test]
fn variables_lists_exactly_the_fields_settings_read() {
    let mut read: Vec<String> = raw_fields()
        .iter()
        .map(|f| f.to_ascii_uppercase())
        .collect();
    read.sort();
    let mut listed: Vec<String> = VARIABLES.iter().map(|v| (*v).to_owned()).collect();
    listed.sort();
    assert!(!read.is_empty(), "serde reported no fields for Raw");
    assert_eq!(
        listed, read,
        "settings::VARIABLES must list every field of settings::Raw in upper case (and then \
         docs/configuration.md and railway.env.example need a line for a new one)"
    );
}

#[test]
fn every_default_belongs_to_a_field() {
    let fields = raw_fields();
    for (key, _) in DEFAULTS {
        assert!(fields.contains(key), "{key} is not a field of Raw");
    }
}
