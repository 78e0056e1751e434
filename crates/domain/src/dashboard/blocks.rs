//! The building blocks of the dashboard texts: stats and activities in the shapes every variant
//! uses.

use chrono::{DateTime, Utc};

use super::facts::Latest;
use super::figures::time_ago;
use super::view::{Activity, ActivityKind, ChangeType, Stat, StatColor};
use crate::user::User;

/// Every variant shows three figures, in these colours and this order.
const FIGURE_COLORS: [StatColor; 3] = [StatColor::Blue, StatColor::Green, StatColor::Purple];

pub(super) fn full_name(user: &User) -> String {
    format!("{} {}", user.first_name, user.last_name)
}

pub(super) fn stat(
    title: &'static str,
    value: String,
    change: String,
    up: bool,
    color: StatColor,
) -> Stat {
    Stat {
        title,
        value,
        change,
        change_type: ChangeType::positive(up),
        color,
    }
}

/// A count shown as `n` with the change `+n`, rising when positive.
pub(super) fn count_stat(title: &'static str, n: i64, color: StatColor) -> Stat {
    stat(title, n.to_string(), format!("+{n}"), n > 0, color)
}

/// A percentage shown as both value and change, in orange.
pub(super) fn percent_stat(title: &'static str, percent: i64, up: bool) -> Stat {
    let shown = format!("{percent}%");
    stat(title, shown.clone(), shown, up, StatColor::Orange)
}

/// The three figures of a variant, each made into a stat of its colour.
pub(super) fn figure_stats(
    figures: [(&'static str, i64); 3],
    stat_of: impl Fn(&'static str, i64, StatColor) -> Stat,
) -> impl Iterator<Item = Stat> {
    figures
        .into_iter()
        .zip(FIGURE_COLORS)
        .map(move |((title, n), color)| stat_of(title, n, color))
}

pub(super) fn activity(
    id: i64,
    action: &'static str,
    target: String,
    time: String,
    kind: ActivityKind,
) -> Activity {
    Activity {
        id,
        action,
        target,
        time,
        kind,
    }
}

/// An activity about the user's own account, dated from its creation.
pub(super) fn since_signup(
    id: i64,
    action: &'static str,
    user: &User,
    now: DateTime<Utc>,
    kind: ActivityKind,
) -> Activity {
    activity(
        id,
        action,
        full_name(user),
        time_ago(now, user.created_at),
        kind,
    )
}

/// An activity about the newest item of a kind, when there is one.
pub(super) fn latest_activity(
    id: i64,
    action: &'static str,
    latest: &Option<Latest>,
    now: DateTime<Utc>,
    kind: ActivityKind,
) -> Option<Activity> {
    let item = latest.as_ref()?;
    Some(activity(
        id,
        action,
        item.job_title.clone(),
        time_ago(now, item.at),
        kind,
    ))
}
