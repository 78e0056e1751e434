//! `ApplicationRepository` over diesel: applying, the candidate's and the employer's lists, status
//! changes and notes. Every write that also notifies someone is one transaction (CONTRACT D6).

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use intowork_domain::application::{
    ApplicationOwner, ApplicationRepository, ApplicationStatus, ApplyTarget, CandidateApplication,
    CreateApplicationError, EmployerApplication, NewApplication, Page, QuickMessage, StatusUpdate,
};
use intowork_domain::job::{JobStatus, Paging};
use intowork_domain::notification::NewNotification;
use intowork_domain::{ApplicationId, CandidateId, EmployerId, JobId, RepoError, UserId};

use super::apply::create;
use super::lists::{candidate_page, employer_page, source_counts};
use super::quick_message::send;
use super::rows::{CANDIDATE_COLUMNS, CandidateRow};
use super::status::change_status;
use crate::cache::{CacheEvent, publish};
use crate::database::write_tx;
use crate::error::{TxError, map_db_error};
use crate::outbox::Outbox;
use crate::schema::{candidates, companies, employers, job_applications, jobs, users};

/// Without [`crate::ReadCaches`] every total is counted live; with them, employers' totals are
/// shared until an application write evicts them, and its writes evict the job pages they change.
/// The candidate mails of apply and status changes go to its [`Outbox`], in their transaction.
#[derive(Clone, Debug)]
pub struct DieselApplicationRepository {
    db: crate::Database,
    caches: Option<crate::ReadCaches>,
    outbox: Outbox,
}

impl DieselApplicationRepository {
    /// With an outbox of its own, which queues mails but wakes no delivery worker (tools, tests).
    pub fn new(db: crate::Database) -> Self {
        Self {
            db,
            caches: None,
            outbox: Outbox::new("localhost"),
        }
    }

    pub fn with_caches(self, caches: crate::ReadCaches) -> Self {
        Self {
            caches: Some(caches),
            ..self
        }
    }

    /// The process's outbox, whose worker is woken once a mail's transaction commits.
    pub fn with_outbox(self, outbox: Outbox) -> Self {
        Self { outbox, ..self }
    }
}

#[async_trait]
impl ApplicationRepository for DieselApplicationRepository {
    async fn apply_target(&self, job: JobId) -> Result<Option<ApplyTarget>, RepoError> {
        self.db
            .run(move |conn| {
                jobs::table
                    .inner_join(employers::table.inner_join(users::table))
                    .filter(jobs::id.eq(job.get()))
                    .filter(jobs::status.eq(JobStatus::Published.as_str()))
                    .filter(users::is_active.eq(true))
                    .select((jobs::title, users::id))
                    .first::<(String, i64)>(conn)
                    .optional()
                    .map(|r| {
                        r.map(|(title, user)| ApplyTarget {
                            title,
                            employer_user_id: UserId(user),
                        })
                    })
                    .map_err(map_db_error)
            })
            .await
    }

    async fn create(
        &self,
        new: NewApplication,
        notification: NewNotification,
    ) -> Result<CandidateApplication, CreateApplicationError> {
        let outbox = self.outbox.clone();
        let (created, employer) = self
            .db
            .run(move |conn| Ok(write_tx(conn, |c| create(c, &outbox, &new, &notification))))
            .await?
            .map_err(TxError::into_domain)?;
        self.outbox.notify_queued();
        let job = created.job_id;
        publish(
            &self.caches,
            CacheEvent::ApplicationsChanged { employer, job },
        );
        Ok(created)
    }

    async fn list_for_candidate(
        &self,
        candidate: CandidateId,
        status: Option<ApplicationStatus>,
        paging: Paging,
    ) -> Result<Page<CandidateApplication>, RepoError> {
        self.db
            .run(move |conn| candidate_page(conn, candidate, status, paging))
            .await
    }

    async fn find_for_candidate(
        &self,
        candidate: CandidateId,
        id: ApplicationId,
    ) -> Result<Option<CandidateApplication>, RepoError> {
        self.db
            .run(move |conn| {
                job_applications::table
                    .inner_join(jobs::table.inner_join(companies::table))
                    .filter(job_applications::id.eq(id.get()))
                    .filter(job_applications::candidate_id.eq(candidate.get()))
                    .select(CANDIDATE_COLUMNS)
                    .first::<CandidateRow>(conn)
                    .optional()
                    .map_err(map_db_error)?
                    .map(TryInto::try_into)
                    .transpose()
            })
            .await
    }

    async fn withdraw(&self, candidate: CandidateId, id: ApplicationId) -> Result<bool, RepoError> {
        let withdrawn: Option<(i64, i64)> = self
            .db
            .run(move |conn| {
                // Notifications that point at it go with it (ON DELETE CASCADE).
                diesel::delete(
                    job_applications::table
                        .filter(job_applications::id.eq(id.get()))
                        .filter(job_applications::candidate_id.eq(candidate.get()))
                        .filter(job_applications::status.eq(ApplicationStatus::Applied.as_str())),
                )
                .returning((job_applications::employer_id, job_applications::job_id))
                .get_result(conn)
                .optional()
                .map_err(map_db_error)
            })
            .await?;
        let Some((employer, job)) = withdrawn else {
            return Ok(false);
        };
        let (employer, job) = (EmployerId(employer), JobId(job));
        publish(
            &self.caches,
            CacheEvent::ApplicationsChanged { employer, job },
        );
        Ok(true)
    }

    async fn list_for_employer(
        &self,
        employer: EmployerId,
        status: Option<ApplicationStatus>,
        job: Option<JobId>,
        paging: Paging,
    ) -> Result<Page<EmployerApplication>, RepoError> {
        let caches = self.caches.clone();
        self.db
            .run(move |conn| employer_page(conn, (employer, status, job), paging, caches.as_ref()))
            .await
    }

    async fn owner_of(&self, id: ApplicationId) -> Result<Option<ApplicationOwner>, RepoError> {
        self.db
            .run(move |conn| {
                job_applications::table
                    .inner_join(jobs::table)
                    .inner_join(candidates::table)
                    .filter(job_applications::id.eq(id.get()))
                    .select((
                        jobs::employer_id,
                        jobs::id,
                        jobs::title,
                        candidates::user_id,
                    ))
                    .first::<(i64, i64, String, i64)>(conn)
                    .optional()
                    .map(|r| {
                        r.map(|(employer, job, title, user)| ApplicationOwner {
                            employer_id: EmployerId(employer),
                            job_id: JobId(job),
                            job_title: title,
                            candidate_user_id: UserId(user),
                        })
                    })
                    .map_err(map_db_error)
            })
            .await
    }

    async fn change_status(
        &self,
        id: ApplicationId,
        update: StatusUpdate,
        notification: NewNotification,
    ) -> Result<Option<bool>, RepoError> {
        let outbox = self.outbox.clone();
        let mails = update.candidate_mail.is_some();
        let changed = self
            .db
            .run(move |conn| {
                write_tx(conn, |c| {
                    change_status(c, &outbox, id.get(), &update, &notification)
                })
                .map_err(map_db_error)
            })
            .await?;
        if mails && changed.flatten().is_some() {
            self.outbox.notify_queued();
        }
        Ok(changed.map(|employer| {
            if let Some(employer) = employer {
                publish(
                    &self.caches,
                    CacheEvent::ApplicationStatusChanged { employer },
                );
            }
            employer.is_some()
        }))
    }

    async fn quick_message(
        &self,
        id: ApplicationId,
        update: StatusUpdate,
        notification: NewNotification,
        message: QuickMessage,
    ) -> Result<Option<bool>, RepoError> {
        let outbox = self.outbox.clone();
        let sent = self
            .db
            .run(move |conn| {
                write_tx(conn, |c| {
                    send(c, &outbox, id.get(), &update, &notification, &message)
                })
                .map_err(map_db_error)
            })
            .await?;
        let Some(employer) = sent else {
            return Ok(None);
        };
        self.outbox.notify_queued();
        if let Some(employer) = employer {
            let event = CacheEvent::ApplicationStatusChanged { employer };
            publish(&self.caches, event);
        }
        Ok(Some(employer.is_some()))
    }

    async fn set_notes(
        &self,
        id: ApplicationId,
        notes: String,
        now: DateTime<Utc>,
    ) -> Result<bool, RepoError> {
        self.db
            .run(move |conn| {
                diesel::update(job_applications::table.find(id.get()))
                    .set((
                        job_applications::notes.eq(Some(notes)),
                        job_applications::updated_at.eq(now.naive_utc()),
                    ))
                    .execute(conn)
                    .map(|n| n > 0)
                    .map_err(map_db_error)
            })
            .await
    }

    async fn job_employer(&self, job: JobId) -> Result<Option<EmployerId>, RepoError> {
        self.db
            .run(move |conn| {
                jobs::table
                    .find(job.get())
                    .select(jobs::employer_id)
                    .first::<i64>(conn)
                    .optional()
                    .map(|e| e.map(EmployerId))
                    .map_err(map_db_error)
            })
            .await
    }

    async fn source_counts(
        &self,
        employer: EmployerId,
    ) -> Result<Vec<(Option<String>, i64)>, RepoError> {
        self.db
            .run(move |conn| source_counts(conn, employer).map_err(map_db_error))
            .await
    }
}
