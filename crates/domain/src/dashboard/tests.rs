//! The numeric rules, and the fixtures the texts and service tests share.

use chrono::{DateTime, Duration, TimeZone, Utc};

use super::*;
use crate::ids::UserId;
use crate::user::{Role, User};

pub(crate) fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap()
}

pub(crate) fn user(role: Role) -> User {
    User {
        id: UserId(7),
        email: "awa@example.com".into(),
        role,
        first_name: "Awa".into(),
        last_name: "Diallo".into(),
        name: None,
        image: None,
        is_active: true,
        token_version: 0,
        password_hash: None,
        created_at: now() - Duration::days(3),
        updated_at: now(),
    }
}

pub(crate) fn latest(title: &str, ago: Duration) -> Option<Latest> {
    Some(Latest {
        job_title: title.into(),
        at: now() - ago,
    })
}

/// `(title, value, change, changeType, color)` of each stat.
pub(crate) fn stats(d: &Dashboard) -> Vec<(&str, &str, &str, &str, &str)> {
    d.stats
        .iter()
        .map(|s| {
            let (v, c) = (s.value.as_str(), s.change.as_str());
            (s.title, v, c, s.change_type.as_str(), s.color.as_str())
        })
        .collect()
}

/// `(id, action, target, time, type)` of each activity.
pub(crate) fn acts(list: &[Activity]) -> Vec<(i64, &str, &str, &str, &str)> {
    list.iter()
        .map(|a| {
            (
                a.id,
                a.action,
                a.target.as_str(),
                a.time.as_str(),
                a.kind.as_str(),
            )
        })
        .collect()
}

pub(crate) fn full_profile() -> ProfileFacts {
    ProfileFacts {
        phone: Some("+221".into()),
        location: Some("Dakar".into()),
        title: Some("Dev".into()),
        summary: Some("Rust".into()),
        has_experience: true,
        has_education: true,
        has_skill: true,
    }
}

#[test]
fn time_ago_buckets_and_plurals() {
    let ago = |d: Duration| time_ago(now(), now() - d);
    assert_eq!(ago(Duration::seconds(0)), "À l'instant");
    assert_eq!(ago(Duration::seconds(60)), "À l'instant");
    assert_eq!(ago(Duration::seconds(61)), "Il y a 1 minute");
    assert_eq!(ago(Duration::seconds(119)), "Il y a 1 minute");
    assert_eq!(ago(Duration::seconds(120)), "Il y a 2 minutes");
    // Exactly one hour is not "more than 3600 seconds": still minutes, as in the reference.
    assert_eq!(ago(Duration::seconds(3600)), "Il y a 60 minutes");
    assert_eq!(ago(Duration::seconds(3601)), "Il y a 1 heure");
    assert_eq!(ago(Duration::hours(5)), "Il y a 5 heures");
    assert_eq!(ago(Duration::seconds(86_399)), "Il y a 23 heures");
    assert_eq!(ago(Duration::days(1)), "Il y a 1 jour");
    assert_eq!(
        ago(Duration::days(1) + Duration::hours(23)),
        "Il y a 1 jour"
    );
    assert_eq!(ago(Duration::days(12)), "Il y a 12 jours");
    // A timestamp in the future (clock skew) is "now", not Python's "-1 day".
    assert_eq!(time_ago(now(), now() + Duration::seconds(5)), "À l'instant");
}

#[test]
fn rounding_is_half_to_even_like_python() {
    assert_eq!(round_half_even(0.5), 0);
    assert_eq!(round_half_even(1.5), 2);
    assert_eq!(round_half_even(12.5), 12);
    assert_eq!(round_half_even(37.5), 38);
    assert_eq!(round_half_even(66.666), 67);
    assert_eq!(response_rate(1, 8), 12);
    assert_eq!(response_rate(3, 8), 38);
    assert_eq!(response_rate(1, 200), 0);
    assert_eq!(response_rate(3, 200), 2);
    assert_eq!(response_rate(2, 3), 67);
    assert_eq!(response_rate(0, 0), 0);
    assert_eq!(response_rate(5, 5), 100);
}

#[test]
fn completion_score_examples() {
    let u = user(Role::Candidate);
    assert_eq!(completion_score(&u, &full_profile()), 100);
    // Three identity fields only: round(3/7*60) = round(25.71) = 26.
    assert_eq!(completion_score(&u, &ProfileFacts::default()), 26);
    let blanks = ProfileFacts {
        phone: Some("   ".into()),
        location: Some(String::new()),
        ..ProfileFacts::default()
    };
    assert_eq!(completion_score(&u, &blanks), 26);
    let some = ProfileFacts {
        phone: Some("1".into()),
        has_skill: true,
        ..ProfileFacts::default()
    };
    // round(4/7*60) = round(34.29) = 34, plus 10 for the skill.
    assert_eq!(completion_score(&u, &some), 44);
    let no_items = ProfileFacts {
        has_experience: false,
        has_education: false,
        has_skill: false,
        ..full_profile()
    };
    assert_eq!(completion_score(&u, &no_items), 60);
    let nameless = User {
        first_name: " ".into(),
        last_name: String::new(),
        ..u
    };
    // round(5/7*60) = round(42.86) = 43, plus 15 + 15.
    let items = ProfileFacts {
        has_skill: false,
        ..full_profile()
    };
    assert_eq!(completion_score(&nameless, &items), 73);
}
