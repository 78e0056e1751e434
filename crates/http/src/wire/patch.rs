//! "Absent vs null" in request bodies, for partial updates.

use serde::{Deserialize, Deserializer};

/// For `#[serde(default, deserialize_with = "present")]` on an `Option<Option<T>>` field: an absent
/// key stays `None` (the default), `null` becomes `Some(None)`, a value `Some(Some(v))`.
pub fn present<'de, D, T>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(d).map(Some)
}
