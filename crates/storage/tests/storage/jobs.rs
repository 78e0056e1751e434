//! `DieselJobRepository` against the `JobRepository` contract, on both databases.

use intowork_domain::job::{
    ArchiveJob, EmployerJobQuery, JobApplicant, JobRemovalPlan, JobRepository, JobStatus, JobType,
    LocationType, Paging,
};
use intowork_domain::ports::Commit;
use intowork_domain::{ApplicationId, JobId};
use intowork_testkit::TestDb;

use crate::job_fixtures::*;
use crate::support::*;

async fn search_is_accent_and_case_insensitive_with_literal_wildcards(test_db: TestDb) {
    let r = Repos::new(migrated(&test_db));
    let e = r.employer("boss@acme.fr", "Société Générale").await;
    r.job(e, fields("Développeur Rust")).await;
    r.job(e, fields("DÉVELOPPEUR Java")).await;
    r.job(e, fields("Remise de 50% garantie")).await;
    r.job(e, fields("Remise de 500 euros")).await;
    r.job(e, fields("a_b exact")).await;
    r.job(e, fields("axb other")).await;

    let mut found = r.titles(public(Some("developpeur"))).await;
    found.sort();
    assert_eq!(found, vec!["DÉVELOPPEUR Java", "Développeur Rust"]);
    assert_eq!(
        r.titles(public(Some("50%"))).await,
        vec!["Remise de 50% garantie"]
    );
    assert_eq!(r.titles(public(Some("a_b"))).await, vec!["a_b exact"]);
    // Company name matches too, accent-insensitively: every job of the company.
    assert_eq!(r.titles(public(Some("SOCIETE gen"))).await.len(), 6);
    // A query cannot span two fields (company name + title).
    assert!(
        r.titles(public(Some("generale developpeur")))
            .await
            .is_empty()
    );
}

async fn filters_order_and_counts(test_db: TestDb) {
    let r = Repos::new(migrated(&test_db));
    let e = r.employer("boss@acme.fr", "Acme").await;
    let mut paris = fields("Paris job");
    paris.location = Some("Île-de-France, PARIS".into());
    paris.salary_min = Some(50_000);
    paris.job_type = JobType::Contract;
    paris.location_type = LocationType::Hybrid;
    let first = r.job(e, paris).await;
    let second = r.job(e, fields("No salary")).await;
    let third = r.job(e, fields("Newest")).await;

    // Same posted_at: newest id first; a NULL posted_at comes before everything.
    let id = third.job.id.get();
    with_conn(&r.db, move |c| {
        use diesel::prelude::*;
        use intowork_storage::schema::jobs;
        diesel::update(jobs::table.find(id))
            .set(jobs::posted_at.eq(None::<chrono::NaiveDateTime>))
            .execute(c)
    })
    .await;
    assert_eq!(
        r.titles(public(None)).await,
        vec!["Newest", "No salary", "Paris job"]
    );

    let mut q = public(None);
    q.location = Some("ile-de".into());
    assert_eq!(r.titles(q.clone()).await, vec!["Paris job"]);
    q.location = Some("paris".into());
    q.salary_min = Some(50_000);
    q.job_type = Some(JobType::Contract);
    q.location_type = Some(LocationType::Hybrid);
    assert_eq!(r.titles(q.clone()).await, vec!["Paris job"]);
    q.salary_min = Some(50_001);
    assert!(r.titles(q).await.is_empty());

    // Paging: total stays, a page past the end is empty.
    let mut q = public(None);
    q.paging = Paging { page: 2, limit: 2 };
    let page = r.jobs.list_public(q.clone()).await.unwrap();
    assert_eq!(page.total, 3);
    assert_eq!(page.items.len(), 1);
    q.paging = Paging { page: 9, limit: 2 };
    assert!(r.jobs.list_public(q).await.unwrap().items.is_empty());

    // applications_count is exact, has_applied only for the applying candidate.
    let (cand_user, cand) = r.candidate("cand@example.com").await;
    let (_, other) = r.candidate("other@example.com").await;
    r.apply(first.job.id.get(), cand).await;
    r.apply(first.job.id.get(), other).await;
    r.apply(second.job.id.get(), other).await;
    let mut q = public(None);
    q.viewer = Some(cand_user);
    let page = r.jobs.list_public(q).await.unwrap();
    let by_title = |t: &str| page.items.iter().find(|l| l.title == t).unwrap();
    assert_eq!(by_title("Paris job").applications_count, 2);
    assert!(by_title("Paris job").has_applied);
    assert_eq!(by_title("No salary").applications_count, 1);
    assert!(!by_title("No salary").has_applied);
    assert_eq!(
        r.jobs
            .find(first.job.id)
            .await
            .unwrap()
            .unwrap()
            .applications_count,
        2
    );
}

async fn only_published_jobs_of_active_employers_are_public(test_db: TestDb) {
    let r = Repos::new(migrated(&test_db));
    let e = r.employer("boss@acme.fr", "Acme").await;
    let gone = r.employer("gone@acme.fr", "Gone").await;
    let draft = r.job(e, fields("Draft")).await;
    r.job(e, fields("Live")).await;
    r.job(gone, fields("Hidden")).await;
    let (draft_id, gone_user) = (draft.job.id.get(), gone.0.get());
    with_conn(&r.db, move |c| {
        use diesel::prelude::*;
        use intowork_storage::schema::{jobs, users};
        diesel::update(jobs::table.find(draft_id))
            .set(jobs::status.eq("draft"))
            .execute(c)?;
        diesel::update(users::table.find(gone_user))
            .set(users::is_active.eq(false))
            .execute(c)
    })
    .await;
    assert_eq!(r.titles(public(None)).await, vec!["Live"]);
    assert_eq!(r.jobs.count_published_since(at(0)).await.unwrap(), 1);
    assert_eq!(r.jobs.count_published_since(at(11)).await.unwrap(), 0);
    let listing = r
        .jobs
        .find_listing(draft.job.id, None)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(listing.job.status, JobStatus::Draft);
    assert_eq!(listing.owner_user_id, e.0);
    assert!(listing.owner_active);
}

async fn employer_list_hides_archived_and_searches_title_and_description_only(test_db: TestDb) {
    let r = Repos::new(migrated(&test_db));
    let e = r.employer("boss@acme.fr", "Acme Développement").await;
    let other = r.employer("rival@acme.fr", "Rival").await;
    let kept = r.job(e, fields("Comptable")).await;
    let archived = r.job(e, fields("Archivée")).await;
    r.job(other, fields("Comptable chez Rival")).await;
    let (_, cand) = r.candidate("cand@example.com").await;
    r.apply(archived.job.id.get(), cand).await;
    r.archive(&archived.job).await;

    let q = |text: Option<&str>, status| EmployerJobQuery {
        employer: e.1,
        paging: Paging { page: 1, limit: 10 },
        text: text.map(intowork_domain::search::normalize),
        status,
        codes: Default::default(),
    };
    let titles = |p: intowork_domain::job::JobPage| -> Vec<String> {
        p.items.into_iter().map(|l| l.title).collect()
    };
    assert_eq!(
        titles(r.jobs.list_for_employer(q(None, None)).await.unwrap()),
        vec!["Comptable"]
    );
    let archived_page = r
        .jobs
        .list_for_employer(q(None, Some(JobStatus::Archived)))
        .await
        .unwrap();
    assert_eq!(titles(archived_page), vec!["Archivée"]);
    assert_eq!(
        titles(
            r.jobs
                .list_for_employer(q(Some("COMPTA"), None))
                .await
                .unwrap()
        ),
        vec!["Comptable"]
    );
    // The company name is not searched here.
    assert!(
        r.jobs
            .list_for_employer(q(Some("developpement"), None))
            .await
            .unwrap()
            .items
            .is_empty()
    );
    assert_eq!(kept.job.fields.description, "Une belle offre");
}

async fn removal_commits_the_decision_or_refuses_stale_facts(test_db: TestDb) {
    let r = Repos::new(migrated(&test_db));
    let e = r.employer("boss@acme.fr", "Acme").await;
    let lonely = r.job(e, fields("Lonely")).await;
    let popular = r.job(e, fields("Popular")).await;
    let (u1, c1) = r.candidate("c1@example.com").await;
    let (u2, c2) = r.candidate("c2@example.com").await;
    let a1 = ApplicationId(r.apply(popular.job.id.get(), c1).await);
    assert_eq!(
        r.jobs.applicants(popular.job.id).await.unwrap(),
        vec![JobApplicant {
            application: a1,
            user: u1
        }]
    );

    assert_eq!(
        r.jobs.delete(lonely.job.id).await.unwrap(),
        Commit::Done(())
    );
    assert!(r.jobs.find(lonely.job.id).await.unwrap().is_none());
    assert_eq!(
        r.jobs.delete(lonely.job.id).await.unwrap(),
        Commit::NotFound
    );
    // Decided before anyone applied: refused, the job and its application stay.
    assert_eq!(r.jobs.delete(popular.job.id).await.unwrap(), Commit::Stale);

    // Decided before the second application: refused, nothing written.
    let applicants = r.jobs.applicants(popular.job.id).await.unwrap();
    let early = JobRemovalPlan::decide(&popular.job, &applicants, at(20));
    let a2 = ApplicationId(r.apply(popular.job.id.get(), c2).await);
    let JobRemovalPlan::Archive(work) = early else {
        panic!("a job with an application is archived");
    };
    assert_eq!(r.jobs.archive(work).await.unwrap(), Commit::Stale);
    assert_eq!(count(&r.db, "notifications", "").await, 0);
    let job = r.jobs.find(popular.job.id).await.unwrap().unwrap();
    assert_eq!(job.status, JobStatus::Published);

    r.archive(&popular.job).await;
    let job = r.jobs.find(popular.job.id).await.unwrap().unwrap();
    assert_eq!((job.status, job.updated_at), (JobStatus::Archived, at(30)));
    assert_eq!(job.applications_count, 2);
    let pid = popular.job.id.get();
    let filter = format!(
        "type = 'system' AND related_job_id = {pid} AND related_application_id IN ({}, {}) \
         AND user_id IN ({}, {}) AND is_read = FALSE \
         AND message = 'L''offre « Popular » a été retirée par le recruteur.'",
        a1.get(),
        a2.get(),
        u1.get(),
        u2.get()
    );
    assert_eq!(count(&r.db, "notifications", &filter).await, 2);
    // Already archived, or gone: nothing more happens.
    let applicants = r.jobs.applicants(popular.job.id).await.unwrap();
    let JobRemovalPlan::Archive(again) = JobRemovalPlan::decide(&job, &applicants, at(31)) else {
        panic!("still applied to");
    };
    assert_eq!(
        r.jobs.archive(again.clone()).await.unwrap(),
        Commit::NotFound
    );
    assert_eq!(
        r.jobs.delete(popular.job.id).await.unwrap(),
        Commit::NotFound
    );
    let gone = ArchiveJob {
        job: JobId(999),
        ..again
    };
    assert_eq!(r.jobs.archive(gone).await.unwrap(), Commit::NotFound);
    assert_eq!(r.jobs.delete(JobId(999)).await.unwrap(), Commit::NotFound);
    assert_eq!(count(&r.db, "notifications", "").await, 2);
}

async fn update_rewrites_search_text_and_views_are_atomic(test_db: TestDb) {
    let r = Repos::new(migrated(&test_db));
    let e = r.employer("boss@acme.fr", "Acme").await;
    let job = r.job(e, fields("Boulanger")).await;
    let mut f = job.job.fields.clone();
    f.title = "Pâtissier".into();
    f.location = Some("Besançon".into());
    let updated = r.jobs.update(job.job.id, f, at(30)).await.unwrap().unwrap();
    assert_eq!(updated.job.fields.title, "Pâtissier");
    assert_eq!(updated.job.updated_at, at(30));
    assert!(r.titles(public(Some("boulanger"))).await.is_empty());
    assert_eq!(r.titles(public(Some("patissier"))).await, vec!["Pâtissier"]);
    let mut q = public(None);
    q.location = Some("besancon".into());
    assert_eq!(r.titles(q).await, vec!["Pâtissier"]);
    assert!(
        r.jobs
            .update(JobId(999), fields("x"), at(30))
            .await
            .unwrap()
            .is_none()
    );

    let views = futures_like_join(&r, job.job.id).await;
    assert_eq!(views, 10);
}

/// Ten concurrent increments, then the stored count.
async fn futures_like_join(r: &Repos, id: JobId) -> i64 {
    let mut handles = Vec::new();
    for _ in 0..10 {
        let repo = r.jobs.clone();
        handles.push(tokio::spawn(async move {
            repo.record_view(id, 0).await.unwrap()
        }));
    }
    for h in handles {
        h.await.unwrap();
    }
    r.jobs.find(id).await.unwrap().unwrap().views_count
}

intowork_testkit::test_both_backends!(
    search_is_accent_and_case_insensitive_with_literal_wildcards,
    filters_order_and_counts,
    only_published_jobs_of_active_employers_are_public,
    employer_list_hides_archived_and_searches_title_and_description_only,
    removal_commits_the_decision_or_refuses_stale_facts,
    update_rewrites_search_text_and_views_are_atomic,
);
