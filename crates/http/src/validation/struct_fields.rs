//! The field names a `Deserialize` struct accepts, aliases included, in declaration order. serde's
//! derive hands them to `Deserializer::deserialize_struct`; this deserializer only records them.

use serde::de::value::Error;
use serde::de::{DeserializeOwned, Error as _, Visitor};
use serde::forward_to_deserialize_any;

/// `None` when `T` is not a struct with named fields (a map, a `Value`, an enum...).
pub fn struct_fields<T: DeserializeOwned>() -> Option<&'static [&'static str]> {
    let mut fields = None;
    let _ = T::deserialize(Recorder(&mut fields));
    fields
}

struct Recorder<'a>(&'a mut Option<&'static [&'static str]>);

impl<'de> serde::Deserializer<'de> for Recorder<'_> {
    type Error = Error;

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Error> {
        *self.0 = Some(fields);
        Err(Error::custom("fields recorded"))
    }

    fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, Error> {
        Err(Error::custom("not a struct"))
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;
    use serde_json::Value;

    use super::struct_fields;

    #[allow(dead_code)]
    #[derive(Deserialize)]
    struct Body {
        token: String,
        #[serde(alias = "password")]
        new_password: String,
    }

    #[test]
    fn names_come_in_declaration_order_with_aliases() {
        let fields = struct_fields::<Body>().unwrap();
        assert_eq!(fields[0], "token");
        assert!(fields.contains(&"new_password") && fields.contains(&"password"));
        assert_eq!(struct_fields::<Value>(), None);
    }
}
