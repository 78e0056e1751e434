//! The employer's recruitment funnel (HEAD.md 10.10), computed from the status history: a stage
//! counts every application that ever reached it or a later one, so an accepted candidate also
//! counts at interview, whatever the application's status is now.

use crate::application::{ApplicationStatus, percent_one_decimal};
use crate::ids::JobId;

/// The funnel's stages in order, with HEAD's labels. `rejected` ends the process off the funnel:
/// it counts as reaching no stage beyond those the application had before.
pub const PIPELINE: [(ApplicationStatus, &str); 5] = [
    (ApplicationStatus::Applied, "Candidaté"),
    (ApplicationStatus::Viewed, "Vue"),
    (ApplicationStatus::Shortlisted, "Présélectionné"),
    (ApplicationStatus::Interview, "Entretien"),
    (ApplicationStatus::Accepted, "Accepté"),
];

/// How many jobs the "top jobs" list shows.
pub const TOP_JOBS: i64 = 5;

const SECONDS_PER_DAY: f64 = 86_400.0;

/// Applications that had exactly this set of statuses over their life.
#[derive(Clone, Debug, PartialEq)]
pub struct ReachedGroup {
    pub statuses: Vec<ApplicationStatus>,
    pub applications: i64,
}

/// One of the employer's jobs and its application count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JobTotal {
    pub job_id: JobId,
    pub title: String,
    pub total: i64,
}

/// What the repository reads for the funnel of an employer with a company, in a fixed number of
/// statements.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FunnelFacts {
    /// Every application of the employer, in one group per set of statuses reached.
    pub reached: Vec<ReachedGroup>,
    /// Applications with an `interview` in their history.
    pub interviewed: i64,
    /// Sum over those of (first time at `interview` − `applied_at`), in seconds.
    pub seconds_to_interview: f64,
    /// The employer's jobs with the most applications, most first (jobs without any included).
    pub top_jobs: Vec<JobTotal>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FunnelStep {
    pub status: ApplicationStatus,
    pub label: &'static str,
    pub count: i64,
    /// Percentage of all the employer's applications, one decimal.
    pub pct: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct EmployerFunnel {
    pub funnel: Vec<FunnelStep>,
    pub by_job: Vec<JobTotal>,
    /// Accepted applications as a percentage of all, one decimal.
    pub conversion_rate: f64,
    /// Mean days from applying to the first interview, one decimal; `None` when no application
    /// reached an interview.
    pub avg_days_to_interview: Option<f64>,
}

impl EmployerFunnel {
    /// An employer without a company (or without an employer profile): nothing to show, as
    /// HEAD answers, and its widget hides itself.
    pub fn empty() -> Self {
        Self {
            funnel: Vec::new(),
            by_job: Vec::new(),
            conversion_rate: 0.0,
            avg_days_to_interview: None,
        }
    }
}

/// The furthest funnel stage in `statuses` (`None`: only `rejected`, or nothing recorded).
fn furthest_stage(statuses: &[ApplicationStatus]) -> Option<usize> {
    PIPELINE
        .iter()
        .rposition(|(stage, _)| statuses.contains(stage))
}

pub fn employer_funnel(facts: FunnelFacts) -> EmployerFunnel {
    let total: i64 = facts.reached.iter().map(|g| g.applications).sum();
    let mut at_stage = [0_i64; PIPELINE.len()];
    for group in &facts.reached {
        // Every application applied, even one whose history was never recorded (imported).
        let furthest = furthest_stage(&group.statuses).unwrap_or(0);
        for count in &mut at_stage[..=furthest] {
            *count += group.applications;
        }
    }
    let funnel = PIPELINE
        .iter()
        .zip(at_stage)
        .map(|(&(status, label), count)| FunnelStep {
            status,
            label,
            count,
            pct: percent_one_decimal(count, total),
        })
        .collect();
    let accepted = at_stage[PIPELINE.len() - 1];
    let avg_days_to_interview = (facts.interviewed > 0).then(|| {
        let days = facts.seconds_to_interview / facts.interviewed as f64 / SECONDS_PER_DAY;
        (days * 10.0).round_ties_even() / 10.0
    });
    EmployerFunnel {
        funnel,
        by_job: facts.top_jobs,
        conversion_rate: percent_one_decimal(accepted, total),
        avg_days_to_interview,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ApplicationStatus::*;

    fn group(statuses: &[ApplicationStatus], applications: i64) -> ReachedGroup {
        ReachedGroup {
            statuses: statuses.to_vec(),
            applications,
        }
    }

    fn counts(f: &EmployerFunnel) -> Vec<(&'static str, i64, f64)> {
        f.funnel
            .iter()
            .map(|s| (s.status.as_str(), s.count, s.pct))
            .collect()
    }

    #[test]
    fn a_stage_counts_every_application_that_reached_it_or_a_later_one() {
        let f = employer_funnel(FunnelFacts {
            reached: vec![
                // Accepted straight from interview: counted at viewed and shortlisted too.
                group(&[Applied, Interview, Accepted], 1),
                group(&[Applied], 2),
                // Rejected after being viewed: stops at viewed.
                group(&[Applied, Viewed, Rejected], 1),
                // Back to shortlisted after an interview: still counted at interview.
                group(&[Applied, Shortlisted, Interview], 1),
                group(&[Applied, Rejected], 1),
            ],
            interviewed: 2,
            seconds_to_interview: 3.0 * 86_400.0 + 2.0 * 86_400.0,
            top_jobs: vec![],
        });
        assert_eq!(
            counts(&f),
            [
                ("applied", 6, 100.0),
                ("viewed", 3, 50.0),
                ("shortlisted", 2, 33.3),
                ("interview", 2, 33.3),
                ("accepted", 1, 16.7),
            ]
        );
        assert_eq!(f.conversion_rate, 16.7);
        assert_eq!(f.avg_days_to_interview, Some(2.5));
        let labels: Vec<_> = f.funnel.iter().map(|s| s.label).collect();
        assert_eq!(
            labels,
            ["Candidaté", "Vue", "Présélectionné", "Entretien", "Accepté"]
        );
    }

    #[test]
    fn no_interview_has_no_delay_and_no_application_gives_zero_steps() {
        let f = employer_funnel(FunnelFacts {
            reached: vec![],
            interviewed: 0,
            seconds_to_interview: 0.0,
            top_jobs: vec![JobTotal {
                job_id: JobId(3),
                title: "Dev".into(),
                total: 0,
            }],
        });
        assert_eq!(f.funnel.len(), 5);
        assert!(f.funnel.iter().all(|s| s.count == 0 && s.pct == 0.0));
        assert_eq!((f.conversion_rate, f.avg_days_to_interview), (0.0, None));
        assert_eq!(f.by_job.len(), 1);
        // An interview on the day of applying is a real 0, not "unknown".
        let same_day = employer_funnel(FunnelFacts {
            reached: vec![group(&[Applied, Interview], 1)],
            interviewed: 1,
            seconds_to_interview: 600.0,
            top_jobs: vec![],
        });
        assert_eq!(same_day.avg_days_to_interview, Some(0.0));
    }

    #[test]
    fn an_application_without_recorded_history_still_counts_as_applied() {
        let f = employer_funnel(FunnelFacts {
            reached: vec![group(&[], 1), group(&[Rejected], 1)],
            ..FunnelFacts::default()
        });
        assert_eq!(counts(&f)[0], ("applied", 2, 100.0));
        assert_eq!(counts(&f)[1], ("viewed", 0, 0.0));
    }
}
