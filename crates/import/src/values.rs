//! How reference values become ours: timestamps, required texts, 32-bit integers, enum labels.

use chrono::NaiveDateTime;

use crate::report::TableReport;

/// `created_at` and `updated_at` our NOT NULL columns need, from what the reference has.
pub fn stamps(
    created: Option<NaiveDateTime>,
    updated: Option<NaiveDateTime>,
    now: NaiveDateTime,
) -> (NaiveDateTime, NaiveDateTime) {
    let created_at = created.or(updated).unwrap_or(now);
    (created_at, updated.unwrap_or(created_at))
}

/// A required text column: present and not blank.
pub fn required(value: &Option<String>, column: &str) -> Result<String, String> {
    match value {
        Some(v) if !v.trim().is_empty() => Ok(v.clone()),
        _ => Err(format!("no {column}")),
    }
}

/// An integer our schema keeps in 32 bits; out of range becomes NULL (noted).
pub fn int32(value: Option<i64>, column: &str, id: i64, report: &mut TableReport) -> Option<i32> {
    let v = value?;
    i32::try_from(v).ok().or_else(|| {
        report.adjust(format!("{column} out of range, set to NULL"), id);
        None
    })
}

/// An enum label in either spelling: the reference's ORM wrote member names (`FULL_TIME`), some
/// of its migrations created lowercase labels (`full_time`) (CONTRACT 1.6, 7.1).
pub fn label<T>(
    value: &Option<String>,
    column: &str,
    parse: impl Fn(&str) -> Option<T>,
) -> Result<T, String> {
    let raw = value.as_deref().unwrap_or("");
    parse(&raw.trim().to_ascii_lowercase()).ok_or_else(|| format!("unknown {column} {raw:?}"))
}

#[cfg(test)]
mod tests {
    use intowork_domain::application::ApplicationStatus;
    use intowork_domain::job::{JobStatus, JobType, LocationType};
    use intowork_domain::notification::NotificationKind;

    use super::*;

    #[test]
    fn labels_map_in_either_spelling() {
        let some = |v: &str| Some(v.to_owned());
        assert_eq!(
            label(&some("FULL_TIME"), "job_type", JobType::parse),
            Ok(JobType::FullTime)
        );
        assert_eq!(
            label(&some("full_time"), "job_type", JobType::parse),
            Ok(JobType::FullTime)
        );
        assert_eq!(
            label(&some(" On_Site "), "t", LocationType::parse),
            Ok(LocationType::OnSite)
        );
        assert_eq!(
            label(&some("ARCHIVED"), "status", JobStatus::parse),
            Ok(JobStatus::Archived)
        );
        assert_eq!(
            label(&some("REJECTED"), "status", ApplicationStatus::parse),
            Ok(ApplicationStatus::Rejected)
        );
        for kind in ["NEW_APPLICATION", "new_application"] {
            assert_eq!(
                label(&some(kind), "type", NotificationKind::parse),
                Ok(NotificationKind::NewApplication)
            );
        }
        assert_eq!(
            label(&some("FULLTIME"), "job_type", JobType::parse),
            Err("unknown job_type \"FULLTIME\"".to_owned())
        );
        assert!(label(&None, "status", JobStatus::parse).is_err());
    }

    #[test]
    fn stamps_fill_what_the_reference_left_null() {
        let at = |h| {
            chrono::NaiveDate::from_ymd_opt(2025, 1, 1)
                .and_then(|d| d.and_hms_opt(h, 0, 0))
                .unwrap()
        };
        assert_eq!(stamps(Some(at(1)), Some(at(2)), at(9)), (at(1), at(2)));
        assert_eq!(stamps(None, Some(at(2)), at(9)), (at(2), at(2)));
        assert_eq!(stamps(Some(at(1)), None, at(9)), (at(1), at(1)));
        assert_eq!(stamps(None, None, at(9)), (at(9), at(9)));
    }

    #[test]
    fn out_of_range_integers_become_null_and_are_noted() {
        let mut report = TableReport::new("jobs");
        assert_eq!(int32(Some(7), "salary_min", 1, &mut report), Some(7));
        assert_eq!(int32(None, "salary_min", 1, &mut report), None);
        assert_eq!(int32(Some(1 << 40), "salary_max", 2, &mut report), None);
        assert_eq!(
            report.adjusted.get("salary_max out of range, set to NULL"),
            Some(&vec![2])
        );
        assert_eq!(
            required(&Some("  ".to_owned()), "title"),
            Err("no title".to_owned())
        );
    }
}
