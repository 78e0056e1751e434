//! What happened on the platform: applications and the notifications about them.

use intowork_domain::RepoError;
use intowork_domain::application::ApplicationStatus;
use intowork_domain::notification::NotificationKind;

use crate::decide::{Matching, parent_id};
use crate::importer::Importer;
use crate::reference::hiring::{RefApplication, RefNotification};
use crate::report::TableReport;
use crate::rows::{ApplicationRow, NotificationRow};
use crate::values::label;

const APPLICATIONS: Matching<RefApplication> = Matching {
    ids: |s| &mut s.applications,
    identity: |r| {
        let (job, candidate) = (parent_id(r.job_id), parent_id(r.candidate_id));
        format!("{job}:{candidate}")
    },
};

const NOTIFICATIONS: Matching<RefNotification> = Matching {
    ids: |s| &mut s.notifications,
    identity: |r| parent_id(r.user_id),
};

impl Importer {
    /// The reference never recorded which CV an application was made with (CONTRACT 5.8 D4): its
    /// employers saw the candidate's current CV. So `cv_id` is the candidate's newest imported CV
    /// (which is what those employers saw last), or NULL without one. A second application to
    /// the same job (the reference had no unique constraint) is reported, not imported.
    pub fn applications(&mut self, rows: &[RefApplication]) -> Result<TableReport, RepoError> {
        let now = self.now;
        self.copy(rows, &APPLICATIONS, |s, r, report| {
            let job = s.jobs.parent(r.job_id, "job")?;
            let candidate = s.candidates.parent(r.candidate_id, "candidate")?;
            let status = label(&r.status, "status", ApplicationStatus::parse)?;
            if !s.application_pairs.insert((job, candidate)) {
                return Err("the candidate already applied to this job".to_owned());
            }
            let cv_id = s.newest_cv.get(&candidate).map(|(_, id)| *id);
            if cv_id.is_none() {
                report.adjust("candidate has no CV, cv_id NULL", r.id);
            }
            let applied_at = r.applied_at.or(r.updated_at).unwrap_or(now);
            let employer_id = *s.job_employer.get(&job).ok_or("the job has no employer")?;
            Ok(ApplicationRow {
                id: r.id,
                job_id: job,
                employer_id,
                candidate_id: candidate,
                cv_id,
                status: status.as_str(),
                applied_at,
                updated_at: r.updated_at.unwrap_or(applied_at),
                verbatim: r.verbatim.clone(),
            })
        })
    }

    /// Type labels in either spelling (the ORM wrote `NEW_APPLICATION`, migration f6a0b4c3d2e1
    /// created lowercase labels). A link to a job or application that was not imported is
    /// dropped (reported); the notification stays.
    pub fn notifications(&mut self, rows: &[RefNotification]) -> Result<TableReport, RepoError> {
        let now = self.now;
        self.copy(rows, &NOTIFICATIONS, |s, r, report| {
            let user = s.users.parent(r.user_id, "user")?;
            let kind = label(&r.kind, "type", NotificationKind::parse)?;
            let mut dropped =
                |what: &str| report.adjust(format!("{what} not imported, link dropped"), r.id);
            let related_job_id = s.jobs.link(r.related_job_id, || dropped("related job"));
            let related_application_id = s
                .applications
                .link(r.related_application_id, || dropped("related application"));
            Ok(NotificationRow {
                id: r.id,
                user_id: user,
                kind: kind.as_str(),
                title: r.title.clone().ok_or("no title")?,
                message: r.message.clone().ok_or("no message")?,
                related_job_id,
                related_application_id,
                is_read: r.is_read.unwrap_or(false),
                read_at: r.read_at,
                created_at: r.created_at.unwrap_or(now),
            })
        })
    }
}
