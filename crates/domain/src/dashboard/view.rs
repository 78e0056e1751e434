//! What a dashboard shows: stats and activities with their colours and kinds, as the frontend
//! renders them.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeType {
    Increase,
    Neutral,
}

impl ChangeType {
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeType::Increase => "increase",
            ChangeType::Neutral => "neutral",
        }
    }

    /// `increase` when the figure is positive: the only rule the reference applies.
    pub(super) fn positive(positive: bool) -> ChangeType {
        if positive {
            ChangeType::Increase
        } else {
            ChangeType::Neutral
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatColor {
    Red,
    Blue,
    Green,
    Purple,
    Gray,
    Orange,
}

impl StatColor {
    pub fn as_str(self) -> &'static str {
        match self {
            StatColor::Red => "red",
            StatColor::Blue => "blue",
            StatColor::Green => "green",
            StatColor::Purple => "purple",
            StatColor::Gray => "gray",
            StatColor::Orange => "orange",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActivityKind {
    Admin,
    Info,
    Welcome,
    JobPost,
    Application,
    Interview,
    Update,
    View,
}

impl ActivityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ActivityKind::Admin => "admin",
            ActivityKind::Info => "info",
            ActivityKind::Welcome => "welcome",
            ActivityKind::JobPost => "job_post",
            ActivityKind::Application => "application",
            ActivityKind::Interview => "interview",
            ActivityKind::Update => "update",
            ActivityKind::View => "view",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stat {
    pub title: &'static str,
    pub value: String,
    pub change: String,
    pub change_type: ChangeType,
    pub color: StatColor,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Activity {
    pub id: i64,
    pub action: &'static str,
    pub target: String,
    pub time: String,
    pub kind: ActivityKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dashboard {
    pub stats: Vec<Stat>,
    pub recent_activities: Vec<Activity>,
    pub profile_completion: i64,
}
