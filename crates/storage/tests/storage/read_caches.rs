//! The read caches against their contract, on both databases: cached answers are served without
//! a statement, and every write that changes one evicts it through an explicit event; a write
//! that publishes none (another process's, here plain SQL) is seen once the TTL has passed.

use std::sync::Arc;
use std::time::Duration;

use intowork_domain::admin::{AdminRepository, AuditAction, AuditRecord};
use intowork_domain::application::{
    ApplicationRepository, ApplicationStatus, NewApplication, StatusUpdate,
};
use intowork_domain::company::CompanyRepository;
use intowork_domain::dashboard::DashboardRepository;
use intowork_domain::job::{JobRepository, Paging, PublicJobQuery};
use intowork_domain::notification::{NewNotification, NotificationKind};
use intowork_domain::ports::{AccountRemoval, UserRepository};
use intowork_domain::{ApplicationId, CandidateId, EmployerId, JobId, UserId};
use intowork_storage::{
    CachedJobs, Database, DieselAdminRepository, DieselApplicationRepository,
    DieselCompanyRepository, DieselDashboardRepository, DieselJobRepository, DieselUserRepository,
    ReadCaches,
};
use intowork_testkit::TestDb;

use crate::job_fixtures::*;
use crate::support::*;

/// The repositories as the server wires them: one set of caches.
struct Cached {
    db: Database,
    jobs: Arc<CachedJobs<DieselJobRepository>>,
    apps: DieselApplicationRepository,
    companies: DieselCompanyRepository,
    users: DieselUserRepository,
    admin: DieselAdminRepository,
    dashboard: DieselDashboardRepository,
}

impl Cached {
    fn new(db: &Database, caches: &ReadCaches) -> Cached {
        let jobs = Arc::new(CachedJobs::new(
            DieselJobRepository::new(db.clone()),
            caches.clone(),
        ));
        Cached {
            db: db.clone(),
            apps: DieselApplicationRepository::new(db.clone()).with_caches(caches.clone()),
            companies: DieselCompanyRepository::new(db.clone()).with_caches(caches.clone()),
            users: DieselUserRepository::new(db.clone()).with_caches(caches.clone()),
            admin: DieselAdminRepository::new(db.clone()).with_caches(caches.clone()),
            dashboard: DieselDashboardRepository::new(db.clone()).with_jobs(jobs.clone()),
            jobs,
        }
    }

    /// The public list and the statements it cost.
    async fn list(&self, q: PublicJobQuery) -> (i64, Vec<(String, i64, bool)>, u64) {
        let before = self.db.statement_count();
        let page = self.jobs.list_public(q).await.unwrap();
        let statements = self.db.statement_count() - before;
        let rows = page
            .items
            .into_iter()
            .map(|l| (l.title, l.applications_count, l.has_applied))
            .collect();
        (page.total, rows, statements)
    }

    async fn apply(&self, job: JobId, candidate: i64, to: UserId) -> ApplicationId {
        let new = NewApplication {
            job_id: job,
            candidate_id: CandidateId(candidate),
            cover_letter: None,
            cv: None,
            source_ref: None,
            actor: to,
            now: at(20),
            candidate_mail: None,
        };
        let notice = NewNotification {
            user_id: to,
            kind: NotificationKind::NewApplication,
            title: "t".into(),
            message: "m".into(),
            related_job_id: Some(job),
            related_application_id: None,
        };
        self.apps.create(new, notice).await.unwrap().id
    }

    async fn employer_total(&self, employer: EmployerId, status: Option<ApplicationStatus>) -> i64 {
        let paging = Paging { page: 1, limit: 10 };
        let page = self.apps.list_for_employer(employer, status, None, paging);
        page.await.unwrap().total
    }
}

fn audit(action: AuditAction) -> AuditRecord {
    AuditRecord {
        actor_user_id: None,
        actor_email: "cli".into(),
        action,
        details: "{}".into(),
        at: at(40),
    }
}

async fn public_pages_are_served_from_the_cache_until_a_write_evicts_them(test_db: TestDb) {
    let r = Repos::new(migrated(&test_db));
    let c = Cached::new(&r.db, &ReadCaches::new());
    let e = r.employer("boss@acme.fr", "Acme").await;
    let first = c
        .jobs
        .create(published(e.1, e.2, fields("Cached"), at(10)))
        .await
        .unwrap();
    let (cand_user, cand) = r.candidate("cand@example.com").await;

    let (total, rows, statements) = c.list(public(None)).await;
    assert_eq!(
        (total, rows, statements),
        (1, vec![("Cached".into(), 0, false)], 2)
    );
    assert_eq!(
        c.list(public(None)).await.2,
        0,
        "count and page from the cache"
    );
    let mut mine = public(None);
    mine.viewer = Some(cand_user);
    assert_eq!(c.list(mine.clone()).await.2, 1, "has_applied is read live");

    // An application evicts the pages that show its job; the total stays: the page and
    // has_applied are read again, not the count.
    c.apply(first.job.id, cand, e.0).await;
    let (total, rows, statements) = c.list(mine.clone()).await;
    assert_eq!(
        (total, rows, statements),
        (1, vec![("Cached".into(), 1, true)], 2)
    );

    // A view evicts nothing: the cached page keeps its count, the job has the new one.
    assert_eq!(c.jobs.record_view(first.job.id, 0).await.unwrap(), Some(1));
    let page = c.jobs.list_public(public(None)).await.unwrap();
    assert_eq!(page.items[0].views_count, 0);

    // A job written through the cached repository evicts the lists.
    c.jobs
        .create(published(e.1, e.2, fields("Second"), at(11)))
        .await
        .unwrap();
    let (total, rows, statements) = c.list(public(None)).await;
    assert_eq!((total, rows.len(), statements), (2, 2, 2));
    assert_eq!(rows[0].0, "Second");
    assert_eq!(c.jobs.count_published_since(at(0)).await.unwrap(), 2);
}

async fn company_and_account_writes_evict_what_they_change(test_db: TestDb) {
    let r = Repos::new(migrated(&test_db));
    let c = Cached::new(&r.db, &ReadCaches::new());
    let acme = r.employer("boss@acme.fr", "Acme").await;
    let other = r.employer("boss@other.fr", "Other").await;
    c.jobs
        .create(published(acme.1, acme.2, fields("Comptable"), at(10)))
        .await
        .unwrap();
    c.jobs
        .create(published(other.1, other.2, fields("Juriste"), at(10)))
        .await
        .unwrap();
    assert_eq!(c.list(public(Some("acme"))).await.0, 1);
    assert_eq!(c.list(public(None)).await.0, 2);

    // Renaming a company changes its jobs' pages and what a text search finds.
    let mut company = c.companies.find_company(acme.2).await.unwrap().unwrap();
    company.name = "Globex".into();
    c.companies.save_company(company, at(12)).await.unwrap();
    assert_eq!(c.list(public(Some("acme"))).await.0, 0);
    assert_eq!(c.list(public(Some("globex"))).await.0, 1);
    let page = c.jobs.list_public(public(None)).await.unwrap();
    let names: Vec<_> = page.items.iter().map(|l| l.company_name.as_str()).collect();
    assert_eq!(names, vec!["Other", "Globex"]);

    // A deactivated employer's jobs leave the public lists and the dashboards' open jobs.
    let (cand_user, _) = r.candidate("cand@example.com").await;
    let facts = c
        .dashboard
        .candidate_facts(cand_user)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(facts.published_jobs, 2);
    c.admin
        .set_active(other.0, false, audit(AuditAction::UserDeactivate))
        .await
        .unwrap();
    assert_eq!(c.list(public(None)).await.0, 1);
    let facts = c
        .dashboard
        .candidate_facts(cand_user)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(facts.published_jobs, 1);

    // Deleting the employer's account takes its jobs.
    let removal = AccountRemoval::decide(acme.0, &[], at(13));
    c.users.delete_account(removal).await.unwrap();
    assert_eq!(c.list(public(None)).await.0, 0);
}

async fn employer_totals_follow_application_writes(test_db: TestDb) {
    let r = Repos::new(migrated(&test_db));
    let c = Cached::new(&r.db, &ReadCaches::new());
    let e = r.employer("boss@acme.fr", "Acme").await;
    let job = c
        .jobs
        .create(published(e.1, e.2, fields("Poste"), at(10)))
        .await
        .unwrap()
        .job
        .id;
    let (_, c1) = r.candidate("c1@example.com").await;
    let (u2, c2) = r.candidate("c2@example.com").await;
    assert_eq!(c.employer_total(e.1, None).await, 0);
    let first = c.apply(job, c1, e.0).await;
    c.apply(job, c2, e.0).await;
    assert_eq!(c.employer_total(e.1, None).await, 2);
    let interview = Some(ApplicationStatus::Interview);
    assert_eq!(c.employer_total(e.1, interview).await, 0);

    let notice = NewNotification {
        user_id: u2,
        kind: NotificationKind::StatusChange,
        title: "t".into(),
        message: "m".into(),
        related_job_id: None,
        related_application_id: None,
    };
    let status = ApplicationStatus::Interview;
    let update = StatusUpdate {
        status,
        actor: u2,
        at: at(21),
        candidate_mail: None,
    };
    c.apps.change_status(first, update, notice).await.unwrap();
    assert_eq!(c.employer_total(e.1, interview).await, 1);

    // The candidate's own withdrawal, then its account's deletion.
    let (_, c3) = r.candidate("c3@example.com").await;
    let third = c.apply(job, c3, e.0).await;
    assert_eq!(c.employer_total(e.1, None).await, 3);
    assert!(c.apps.withdraw(CandidateId(c3), third).await.unwrap());
    assert_eq!(c.employer_total(e.1, None).await, 2);
    let removal = AccountRemoval::decide(u2, &[], at(30));
    c.users.delete_account(removal).await.unwrap();
    assert_eq!(c.employer_total(e.1, None).await, 1);
}

/// Plain SQL publishes no event: the cached answer is served until the TTL has passed, as a
/// write by another server would be.
async fn writes_that_publish_nothing_are_seen_after_the_ttl(test_db: TestDb) {
    let r = Repos::new(migrated(&test_db));
    let c = Cached::new(&r.db, &ReadCaches::with_ttl(Duration::from_millis(300)));
    let e = r.employer("boss@acme.fr", "Acme").await;
    let job = c
        .jobs
        .create(published(e.1, e.2, fields("Poste"), at(10)))
        .await
        .unwrap();
    assert_eq!(c.list(public(None)).await.0, 1);
    let id = job.job.id.get();
    with_conn(&r.db, move |conn| {
        use diesel::prelude::*;
        use intowork_storage::schema::jobs;
        diesel::update(jobs::table.find(id))
            .set(jobs::status.eq("closed"))
            .execute(conn)
    })
    .await;
    assert_eq!(
        c.list(public(None)).await.0,
        1,
        "not inspected: no event, no eviction"
    );
    tokio::time::sleep(Duration::from_millis(350)).await;
    // The first caller after the TTL reloads.
    assert_eq!(c.list(public(None)).await.0, 0);
}

intowork_testkit::test_both_backends!(
    public_pages_are_served_from_the_cache_until_a_write_evicts_them,
    company_and_account_writes_evict_what_they_change,
    employer_totals_follow_application_writes,
    writes_that_publish_nothing_are_seen_after_the_ttl,
);
