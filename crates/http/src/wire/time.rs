//! Timestamps on the wire.

use chrono::{DateTime, SecondsFormat, Utc};
use serde::Serializer;

/// RFC 3339 in UTC with `Z`, fractional seconds only when non-zero (CONTRACT 1.5).
pub fn rfc3339(t: &DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

/// For `#[serde(serialize_with = "ser_time")]` on a timestamp field.
pub fn ser_time<S: Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&rfc3339(t))
}

/// For `#[serde(serialize_with = "ser_opt_time")]` on an optional timestamp field.
pub fn ser_opt_time<S: Serializer>(t: &Option<DateTime<Utc>>, s: S) -> Result<S::Ok, S::Error> {
    match t {
        Some(t) => s.serialize_str(&rfc3339(t)),
        None => s.serialize_none(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn timestamps_use_z_and_drop_zero_fractions() {
        let t = Utc.with_ymd_and_hms(2025, 12, 20, 10, 11, 12).unwrap();
        assert_eq!(rfc3339(&t), "2025-12-20T10:11:12Z");
        let t = t + chrono::Duration::microseconds(345_678);
        assert_eq!(rfc3339(&t), "2025-12-20T10:11:12.345678Z");
    }
}
