//! French labels and formats shared by the reports.

use chrono::{DateTime, Utc};

use crate::application::ApplicationStatus;
use crate::job::JobStatus;

pub const NOT_GIVEN: &str = "Non renseigné";

pub fn application_status(s: ApplicationStatus) -> &'static str {
    match s {
        ApplicationStatus::Applied => "Candidaté",
        ApplicationStatus::Viewed => "Vue",
        ApplicationStatus::Shortlisted => "Présélectionné",
        ApplicationStatus::Interview => "Entretien",
        ApplicationStatus::Rejected => "Refusé",
        ApplicationStatus::Accepted => "Accepté",
    }
}

pub fn job_status(s: JobStatus) -> &'static str {
    match s {
        JobStatus::Draft => "Brouillon",
        JobStatus::Published => "Publiée",
        JobStatus::Closed => "Fermée",
        JobStatus::Archived => "Archivée",
    }
}

pub fn skill_category(c: &str) -> String {
    match c {
        "technical" => "Technique".to_owned(),
        "soft" => "Savoir-être".to_owned(),
        "language" => "Langue".to_owned(),
        other => other.to_owned(),
    }
}

pub fn date(t: DateTime<Utc>) -> String {
    t.format("%d/%m/%Y").to_string()
}

pub fn generated_at(t: DateTime<Utc>) -> String {
    t.format("%d/%m/%Y à %H:%M (UTC)").to_string()
}

/// `12,5 %`, French style, one decimal dropped when zero.
pub fn percent(pct: f64) -> String {
    let text = if pct.fract() == 0.0 {
        format!("{pct:.0}")
    } else {
        format!("{pct:.1}").replace('.', ",")
    };
    format!("{text} %")
}

pub fn or_not_given(v: Option<&str>) -> String {
    v.map(str::trim)
        .filter(|v| !v.is_empty())
        .unwrap_or(NOT_GIVEN)
        .to_owned()
}

/// `Jeanne Martin`, or the email when both names are blank.
pub fn full_name(first: &str, last: &str, email: &str) -> String {
    let name = format!("{} {}", first.trim(), last.trim());
    let name = name.trim();
    if name.is_empty() {
        email.to_owned()
    } else {
        name.to_owned()
    }
}
