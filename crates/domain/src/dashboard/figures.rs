//! The numeric rules of the reference, reproduced exactly: Python's rounding, the response rate,
//! the profile completion score and the "Il y a …" times.

use chrono::{DateTime, Utc};

use super::facts::ProfileFacts;
use crate::user::User;

/// Python's `round`: halves go to the even neighbour (`round(12.5) == 12`, `round(37.5) == 38`).
pub fn round_half_even(x: f64) -> i64 {
    // Dashboard figures are percentages, far inside i64's range: the cast cannot saturate.
    x.round_ties_even() as i64
}

/// `round(R / N * 100)`, in that order of float operations; 0 when there is no application.
pub fn response_rate(responded: i64, total: i64) -> i64 {
    if total <= 0 {
        return 0;
    }
    let ratio = responded as f64 / total as f64;
    round_half_even(ratio * 100.0)
}

/// The completion score C: 60 points spread over seven identity fields (non-blank after
/// trimming), plus 15 for an experience, 15 for an education and 10 for a skill.
pub fn completion_score(user: &User, p: &ProfileFacts) -> i64 {
    let filled = [
        Some(user.first_name.as_str()),
        Some(user.last_name.as_str()),
        Some(user.email.as_str()),
        p.phone.as_deref(),
        p.location.as_deref(),
        p.title.as_deref(),
        p.summary.as_deref(),
    ]
    .into_iter()
    .filter(|f| f.is_some_and(|v| !v.trim().is_empty()))
    .count();
    let base = round_half_even(filled as f64 / 7.0 * 100.0 * 0.6);
    base + 15 * i64::from(p.has_experience)
        + 15 * i64::from(p.has_education)
        + 10 * i64::from(p.has_skill)
}

/// "Il y a …" since `then`, with the reference's buckets: whole days, else hours past one hour,
/// else minutes past one minute, else "À l'instant". A `then` in the future (clock skew between
/// writers) counts as now rather than as Python's negative-day oddity.
pub fn time_ago(now: DateTime<Utc>, then: DateTime<Utc>) -> String {
    let secs = (now - then).num_seconds().max(0);
    let (days, rest) = (secs / 86_400, secs % 86_400);
    let unit = |n: i64, word: &str| {
        let plural = if n > 1 { "s" } else { "" };
        format!("Il y a {n} {word}{plural}")
    };
    if days > 0 {
        unit(days, "jour")
    } else if rest > 3600 {
        unit(rest / 3600, "heure")
    } else if rest > 60 {
        unit(rest / 60, "minute")
    } else {
        "À l'instant".to_owned()
    }
}
