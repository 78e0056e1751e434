//! `DieselDirectoryRepository` and its cache against the `DirectoryRepository` contract: what the
//! public pages count (jobs the public sees, companies not removed), what the directory shows,
//! and a statement count that does not grow with the companies.

use diesel::prelude::*;
use intowork_domain::company::CompanyRepository;
use intowork_domain::directory::{DirectoryRepository, LabelCount, PublicCounts};
use intowork_domain::job::JobRepository;
use intowork_domain::job::{LocationType, Paging};
use intowork_domain::{CompanyId, JobId, UserId};
use intowork_storage::schema::{companies, jobs, users};
use intowork_storage::{
    CachedDirectory, CachedJobs, DieselCompanyRepository, DieselDirectoryRepository,
    DieselJobRepository, ReadCaches,
};
use intowork_testkit::TestDb;

use crate::job_fixtures::*;
use crate::support::*;

fn label(label: &str, count: i64) -> LabelCount {
    LabelCount {
        label: label.to_owned(),
        count,
    }
}

async fn set_country(r: &Repos, job: JobId, country: &'static str) {
    with_conn(&r.db, move |c| {
        diesel::update(jobs::table.find(job.get()))
            .set(jobs::country.eq(Some(country)))
            .execute(c)
    })
    .await;
}

async fn set_industry(r: &Repos, company: CompanyId, industry: &'static str) {
    with_conn(&r.db, move |c| {
        diesel::update(companies::table.find(company.get()))
            .set((
                companies::industry.eq(Some(industry)),
                companies::address.eq(Some("12 rue Privée")),
                companies::city.eq(Some("Dakar")),
            ))
            .execute(c)
    })
    .await;
}

async fn deactivate(r: &Repos, user: UserId) {
    with_conn(&r.db, move |c| {
        diesel::update(users::table.find(user.get()))
            .set(users::is_active.eq(false))
            .execute(c)
    })
    .await;
}

async fn remove_company(r: &Repos, company: CompanyId) {
    with_conn(&r.db, move |c| {
        diesel::update(companies::table.find(company.get()))
            .set(companies::deleted_at.eq(Some(at(50).naive_utc())))
            .execute(c)
    })
    .await;
}

/// Acme (Banque): three published jobs (two in SN, one in CI, one remote) and a draft; Off, whose
/// employer is deactivated: one published job in SN; Gone: removed. Two candidates, one applied.
async fn world(r: &Repos) -> (CompanyId, CompanyId) {
    let acme = r.employer("boss@acme.fr", "Acme").await;
    let off = r.employer("off@off.fr", "Off").await;
    let gone = r.employer("gone@gone.fr", "Gone").await;
    set_industry(r, acme.2, "Banque").await;
    set_industry(r, off.2, "Mines").await;
    let mut hybrid = fields("Hybride");
    hybrid.location_type = LocationType::Hybrid;
    let j1 = r.job(acme, fields("Un")).await.job.id;
    let j2 = r.job(acme, hybrid).await.job.id;
    let j3 = r.job(acme, fields("Trois")).await.job.id;
    let draft = r.job(acme, fields("Brouillon")).await.job.id;
    let j_off = r.job(off, fields("Off")).await.job.id;
    set_country(r, j1, "SN").await;
    set_country(r, j2, "SN").await;
    set_country(r, j3, "CI").await;
    set_country(r, draft, "ML").await;
    set_country(r, j_off, "SN").await;
    with_conn(&r.db, move |c| {
        diesel::update(jobs::table.find(draft.get()))
            .set(jobs::status.eq("draft"))
            .execute(c)
    })
    .await;
    deactivate(r, off.0).await;
    remove_company(r, gone.2).await;
    let (_, cand) = r.candidate("awa@example.com").await;
    r.candidate("binta@example.com").await;
    r.apply(j1.get(), cand).await;
    (acme.2, off.2)
}

async fn counts_and_market_figures_count_what_the_public_sees(test_db: TestDb) {
    let r = Repos::new(migrated(&test_db));
    world(&r).await;
    let repo = DieselDirectoryRepository::new(r.db.clone());
    let before = r.db.statement_count();
    let counts = repo.public_counts().await.unwrap();
    assert!(
        r.db.statement_count() - before <= 2,
        "one statement (+ pool check)"
    );
    assert_eq!(
        counts,
        PublicCounts {
            candidates: 2,
            companies: 2,
            active_jobs: 3,
            applications: 1,
        }
    );
    let before = r.db.statement_count();
    let m = repo.market_stats(10, 8).await.unwrap();
    assert!(
        r.db.statement_count() - before <= 6,
        "five statements (+ pool check)"
    );
    assert_eq!(
        (
            m.total_jobs,
            m.total_applications,
            m.total_companies,
            m.total_candidates
        ),
        (3, 1, 2, 2)
    );
    assert_eq!(m.jobs_by_country, vec![label("SN", 2), label("CI", 1)]);
    assert_eq!(m.jobs_by_type, vec![label("full_time", 3)]);
    assert_eq!(
        m.jobs_by_location_type,
        vec![label("remote", 2), label("hybrid", 1)]
    );
    assert_eq!(m.top_industries, vec![label("Banque", 3)]);
    // The caps hold.
    let m = repo.market_stats(1, 0).await.unwrap();
    assert_eq!(m.jobs_by_country, vec![label("SN", 2)]);
    assert!(m.top_industries.is_empty());
}

async fn blank_countries_and_industries_are_left_out(test_db: TestDb) {
    let r = Repos::new(migrated(&test_db));
    let acme = r.employer("boss@acme.fr", "Acme").await;
    set_industry(&r, acme.2, "  ").await;
    let j = r.job(acme, fields("Un")).await.job.id;
    set_country(&r, j, " ").await;
    r.job(acme, fields("Deux")).await;
    let m = DieselDirectoryRepository::new(r.db.clone())
        .market_stats(10, 8)
        .await
        .unwrap();
    assert_eq!(m.total_jobs, 2);
    assert!(m.jobs_by_country.is_empty(), "{:?}", m.jobs_by_country);
    assert!(m.top_industries.is_empty(), "{:?}", m.top_industries);
}

async fn the_directory_shows_public_fields_and_open_jobs_newest_first(test_db: TestDb) {
    let r = Repos::new(migrated(&test_db));
    let (acme, off) = world(&r).await;
    let repo = DieselDirectoryRepository::new(r.db.clone());
    let page = repo.companies(Paging { page: 1, limit: 10 }).await.unwrap();
    assert_eq!(page.total, 2);
    // Registered in the order Acme, Off (same instant): the higher id first.
    let ids: Vec<CompanyId> = page.companies.iter().map(|c| c.id).collect();
    assert_eq!(ids, vec![off, acme]);
    let a = &page.companies[1];
    assert_eq!((a.name.as_str(), a.total_jobs), ("Acme", 3));
    assert_eq!(a.industry.as_deref(), Some("Banque"));
    assert_eq!(a.city.as_deref(), Some("Dakar"));
    // The deactivated employer's job is not public.
    assert_eq!(page.companies[0].total_jobs, 0);
    let second = repo.companies(Paging { page: 2, limit: 1 }).await.unwrap();
    assert_eq!((second.total, second.companies.len()), (2, 1));
    assert_eq!(second.companies[0].id, acme);
}

/// The directory costs the same statements for 1 company as for 100, and a cached answer none.
async fn the_directory_costs_constant_statements_and_is_cached(test_db: TestDb) {
    let r = Repos::new(migrated(&test_db));
    let repo = DieselDirectoryRepository::new(r.db.clone());
    let first = r.employer("e0@acme.fr", "Co 0").await;
    r.job(first, fields("Un")).await;
    let paging = Paging {
        page: 1,
        limit: 1000,
    };
    let statements = |n: usize| {
        let db = r.db.clone();
        let repo = repo.clone();
        async move {
            let before = db.statement_count();
            let page = repo.companies(paging).await.unwrap();
            assert_eq!(page.companies.len(), n);
            db.statement_count() - before
        }
    };
    let one = statements(1).await;
    for i in 1..100 {
        let e = r
            .employer(&format!("e{i}@acme.fr"), &format!("Co {i}"))
            .await;
        r.job(e, fields("Un")).await;
    }
    let hundred = statements(100).await;
    assert_eq!(one, hundred);
    assert!(hundred <= 3, "page + total (+ pool check): {hundred}");

    let cached = CachedDirectory::new(repo.clone(), ReadCaches::new());
    cached.companies(paging).await.unwrap();
    cached.public_counts().await.unwrap();
    let before = r.db.statement_count();
    assert_eq!(cached.companies(paging).await.unwrap().total, 100);
    cached.public_counts().await.unwrap();
    assert_eq!(r.db.statement_count(), before, "served from the cache");
}

/// Writes that change what the public pages show evict them: a job posted through the cached job
/// repository, a company saved through the company repository given the same caches.
async fn writes_evict_the_cached_public_pages(test_db: TestDb) {
    let r = Repos::new(migrated(&test_db));
    let caches = ReadCaches::new();
    let jobs = CachedJobs::new(DieselJobRepository::new(r.db.clone()), caches.clone());
    let companies = DieselCompanyRepository::new(r.db.clone()).with_caches(caches.clone());
    let cached = CachedDirectory::new(DieselDirectoryRepository::new(r.db.clone()), caches);
    let acme = r.employer("boss@acme.fr", "Acme").await;
    let paging = Paging { page: 1, limit: 10 };
    assert_eq!(cached.public_counts().await.unwrap().active_jobs, 0);
    assert_eq!(
        cached.companies(paging).await.unwrap().companies[0].total_jobs,
        0
    );
    jobs.create(published(acme.1, acme.2, fields("Un"), at(10)))
        .await
        .unwrap();
    assert_eq!(cached.public_counts().await.unwrap().active_jobs, 1);
    assert_eq!(
        cached.companies(paging).await.unwrap().companies[0].total_jobs,
        1
    );
    let mut company = companies.find_company(acme.2).await.unwrap().unwrap();
    company.name = "Acme Afrique".into();
    companies.save_company(company, at(11)).await.unwrap();
    assert_eq!(
        cached.companies(paging).await.unwrap().companies[0].name,
        "Acme Afrique"
    );
}

intowork_testkit::test_both_backends!(
    writes_evict_the_cached_public_pages,
    counts_and_market_figures_count_what_the_public_sees,
    blank_countries_and_industries_are_left_out,
    the_directory_shows_public_fields_and_open_jobs_newest_first,
    the_directory_costs_constant_statements_and_is_cached,
);
