//! The current frontend's job fields on both databases (HEAD.md 10.3, 10.4): the sections,
//! country, zone and language round-trip; the owner's list loads the sections and the public list
//! does not; the code filters; the sections in the search text; pictures and logos pointing at
//! their keys; the statement counts of the lists stay flat.

use diesel::prelude::*;
use intowork_domain::company::CompanyRepository;
use intowork_domain::job::{
    CodeFilters, CodeMatch, EmployerJobQuery, JobFields, JobRepository, JobSections, JobSummary,
    Paging,
};
use intowork_domain::{EmployerId, JobId};
use intowork_storage::schema::{companies, jobs};
use intowork_storage::{CachedJobs, DieselCompanyRepository, DieselJobRepository, ReadCaches};
use intowork_testkit::TestDb;

use crate::job_fixtures::*;
use crate::support::*;

fn form_fields(title: &str) -> JobFields {
    let mut f = fields(title);
    f.sections = JobSections {
        context: Some("Une PME de logistique en pleine croissance".into()),
        mission_principale: Some("Piloter l'équipe entrepôt".into()),
        profil_formation: Some("Bac+3".into()),
        profil_experience: None,
        profil_competences: Some("Anglais courant".into()),
        profil_posture: None,
        profil_autre: Some("Permis poids lourd".into()),
    };
    f.country = Some("GA".into());
    f.zone = Some("CEMAC".into());
    f.language = Some("fr".into());
    f.currency = "XAF".into();
    f
}

fn mine(employer: EmployerId, text: Option<&str>, codes: CodeFilters) -> EmployerJobQuery {
    EmployerJobQuery {
        employer,
        paging: Paging {
            page: 1,
            limit: 100,
        },
        text: text.map(intowork_domain::search::normalize),
        status: None,
        codes: CodeMatch::new(codes),
    }
}

fn row<'a>(items: &'a [JobSummary], title: &str) -> &'a JobSummary {
    items.iter().find(|j| j.title == title).unwrap()
}

async fn the_current_form_fields_round_trip(test_db: TestDb) {
    let r = Repos::new(migrated(&test_db));
    let e = r.employer("rh@logi.ga", "Logi Gabon").await;
    let created = r.job(e, form_fields("Chef d'entrepôt")).await;
    assert_eq!(created.job.fields, form_fields("Chef d'entrepôt"));
    assert_eq!(created.job.image_key, None);
    assert_eq!(created.job.linkedin_published_at, None);
    assert!(!created.company.is_verified);
    let id = created.job.id;
    assert_eq!(
        r.jobs.find(id).await.unwrap().unwrap().fields,
        created.job.fields
    );

    // The admin's verification shows on every shape.
    let company = e.2.get();
    with_conn(&r.db, move |c| {
        diesel::update(companies::table.find(company))
            .set(companies::is_verified.eq(true))
            .execute(c)
    })
    .await;
    let listing = r.jobs.find_listing(id, None).await.unwrap().unwrap();
    assert!(listing.company.is_verified);

    // The owner's list carries the sections; the public one does not load them.
    let own = r
        .jobs
        .list_for_employer(mine(e.1, None, CodeFilters::default()))
        .await
        .unwrap();
    let own_row = row(&own.items, "Chef d'entrepôt");
    assert_eq!(own_row.sections.as_ref(), Some(&form_fields("x").sections));
    let public_page = r.jobs.list_public(public(None)).await.unwrap();
    for page_row in [own_row, row(&public_page.items, "Chef d'entrepôt")] {
        assert_eq!(page_row.status, intowork_domain::job::JobStatus::Published);
        assert_eq!(page_row.country.as_deref(), Some("GA"));
        assert_eq!(page_row.zone.as_deref(), Some("CEMAC"));
        assert_eq!(page_row.language.as_deref(), Some("fr"));
        assert_eq!(page_row.currency, "XAF");
        assert!(page_row.company_is_verified);
    }
    assert_eq!(row(&public_page.items, "Chef d'entrepôt").sections, None);

    // An update replaces them, cleared values included.
    let mut changed = form_fields("Chef d'entrepôt");
    changed.sections.context = None;
    changed.sections.profil_posture = Some("Rigueur".into());
    changed.country = None;
    let updated = r.jobs.update(id, changed.clone(), at(20)).await.unwrap();
    assert_eq!(updated.unwrap().job.fields, changed);
    assert_eq!(r.jobs.find(id).await.unwrap().unwrap().fields, changed);
}

async fn the_sections_are_searched(test_db: TestDb) {
    let r = Repos::new(migrated(&test_db));
    let e = r.employer("rh@logi.ga", "Logi Gabon").await;
    let job = r.job(e, form_fields("Chef d'entrepôt")).await;
    r.job(e, fields("Comptable")).await;
    // A word only in a section, accents and case folded, on both lists.
    assert_eq!(
        r.titles(public(Some("POIDS LOURD"))).await,
        vec!["Chef d'entrepôt"]
    );
    assert_eq!(
        r.titles(public(Some("equipe entrepot"))).await,
        vec!["Chef d'entrepôt"]
    );
    let own = r
        .jobs
        .list_for_employer(mine(e.1, Some("anglais"), CodeFilters::default()))
        .await
        .unwrap();
    assert_eq!(own.total, 1);
    // Never across two sections.
    assert!(r.titles(public(Some("bac+3 anglais"))).await.is_empty());
    // Rewritten on update: the old section text no longer matches.
    let mut changed = form_fields("Chef d'entrepôt");
    changed.sections.profil_autre = None;
    r.jobs.update(job.job.id, changed, at(20)).await.unwrap();
    assert!(r.titles(public(Some("poids lourd"))).await.is_empty());
    // The company's rename keeps the sections searchable.
    let mut c = r.companies.find_company(e.2).await.unwrap().unwrap();
    c.name = "Logistique Équatoriale".into();
    r.companies.save_company(c, at(21)).await.unwrap();
    assert_eq!(
        r.titles(public(Some("bac+3"))).await,
        vec!["Chef d'entrepôt"]
    );
    assert_eq!(r.titles(public(Some("equatoriale"))).await.len(), 2);
}

async fn country_currency_and_language_filter_both_lists(test_db: TestDb) {
    let r = Repos::new(migrated(&test_db));
    let e = r.employer("rh@logi.ga", "Logi Gabon").await;
    r.job(e, form_fields("Libreville")).await;
    let mut douala = form_fields("Douala");
    douala.country = Some("CM".into());
    douala.language = Some("en".into());
    r.job(e, douala).await;
    let mut paris = fields("Paris");
    paris.currency = "eur".into();
    r.job(e, paris).await;

    let codes =
        |country: Option<&str>, currency: Option<&str>, language: Option<&str>| CodeFilters {
            country: country.map(str::to_owned),
            currency: currency.map(str::to_owned),
            language: language.map(str::to_owned),
        };
    let cases = [
        (codes(Some("GA"), None, None), vec!["Libreville"]),
        (codes(Some("ga"), None, None), vec!["Libreville"]),
        (codes(Some("G"), None, None), vec![]),
        (codes(None, Some("XAF"), None), vec!["Douala", "Libreville"]),
        (codes(None, Some("EUR"), None), vec!["Paris"]),
        (codes(None, None, Some("EN")), vec!["Douala"]),
        (codes(Some("CM"), Some("xaf"), Some("fr")), vec![]),
        (
            codes(Some(""), None, None),
            vec!["Douala", "Libreville", "Paris"],
        ),
    ];
    for (filter, expected) in cases {
        let mut q = public(None);
        q.codes = CodeMatch::new(filter.clone());
        let page = r.jobs.list_public(q.clone()).await.unwrap();
        let mut titles: Vec<String> = page.items.iter().map(|j| j.title.clone()).collect();
        titles.sort();
        assert_eq!(titles, expected, "{filter:?}");
        assert_eq!(page.total, expected.len() as i64, "{filter:?}");
        assert_eq!(r.jobs.count_public(q.filter()).await.unwrap(), page.total);
        let own = r
            .jobs
            .list_for_employer(mine(e.1, None, filter))
            .await
            .unwrap();
        assert_eq!(own.total, expected.len() as i64);
    }
}

async fn list_statements_stay_flat_with_the_new_columns(test_db: TestDb) {
    let db = migrated(&test_db);
    let r = Repos::new(db.clone());
    let e = r.employer("rh@logi.ga", "Logi Gabon").await;
    let (viewer, _) = r.candidate("awa@example.com").await;
    let mut counts = Vec::new();
    for jobs in [1, 30] {
        while r.jobs.list_public(public(None)).await.unwrap().total < jobs {
            r.job(e, form_fields("Poste")).await;
        }
        let mut filtered = public(None);
        filtered.viewer = Some(viewer);
        filtered.codes = CodeMatch::new(CodeFilters {
            country: Some("ga".into()),
            ..CodeFilters::default()
        });
        let before = db.statement_count();
        let page = r.jobs.list_public(filtered).await.unwrap();
        let public_statements = db.statement_count() - before;
        assert_eq!(page.items.len() as i64, jobs);
        let before = db.statement_count();
        r.jobs
            .list_for_employer(mine(e.1, Some("poste"), CodeFilters::default()))
            .await
            .unwrap();
        counts.push((public_statements, db.statement_count() - before));
    }
    assert_eq!(counts[0], counts[1], "statements for 1 and 30 jobs");
    assert!(counts[0].0 <= 4 && counts[0].1 <= 3, "{counts:?}");
}

async fn pictures_and_logos_point_at_their_keys(test_db: TestDb) {
    let r = Repos::new(migrated(&test_db));
    let e = r.employer("rh@logi.ga", "Logi Gabon").await;
    let job = r.job(e, form_fields("Chef d'entrepôt")).await.job.id;
    // Through the cache: a page shown before the upload is not served stale after it.
    let caches = ReadCaches::new();
    let cached = CachedJobs::new(DieselJobRepository::new(r.db.clone()), caches.clone());
    let companies = DieselCompanyRepository::new(r.db.clone()).with_caches(caches);
    let before = cached.list_public(public(None)).await.unwrap();
    assert_eq!(before.items[0].image_key, None);

    let first = cached
        .replace_image(job, "images/jobs/a.png".into(), at(20))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(first.previous_key, None);
    let second = cached
        .replace_image(job, "images/jobs/b.webp".into(), at(21))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(second.previous_key.as_deref(), Some("images/jobs/a.png"));
    let after = cached.list_public(public(None)).await.unwrap();
    assert_eq!(
        after.items[0].image_key.as_deref(),
        Some("images/jobs/b.webp")
    );
    let stored = r.jobs.find(job).await.unwrap().unwrap();
    assert_eq!(stored.image_key.as_deref(), Some("images/jobs/b.webp"));
    assert_eq!(stored.updated_at, at(21));
    // The fields are untouched, and an update leaves the picture alone.
    assert_eq!(stored.fields, form_fields("Chef d'entrepôt"));
    r.jobs.update(job, fields("Autre"), at(22)).await.unwrap();
    let listing = r.jobs.find_listing(job, None).await.unwrap().unwrap();
    assert_eq!(listing.job.image_key.as_deref(), Some("images/jobs/b.webp"));
    assert_eq!(
        r.jobs
            .replace_image(JobId(999), "images/jobs/c.png".into(), at(23))
            .await
            .unwrap(),
        None
    );

    // The logo: link and key written together, the previous key returned.
    let url = "https://api.test/api/images/logos/a.png";
    let replaced = companies
        .replace_logo(e.2, "images/logos/a.png".into(), url.into(), at(30))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(replaced.previous_key, None);
    let company = r.companies.find_company(e.2).await.unwrap().unwrap();
    assert_eq!(company.details.logo_url.as_deref(), Some(url));
    let db = r.db.clone();
    let logo_key = move |_: &intowork_storage::Database| {
        let company = e.2.get();
        let db = db.clone();
        async move {
            with_conn(&db, move |c| {
                companies::table
                    .find(company)
                    .select(companies::logo_key)
                    .first::<Option<String>>(c)
            })
            .await
        }
    };
    assert_eq!(logo_key(&r.db).await.as_deref(), Some("images/logos/a.png"));
    // The job lists show the new logo: the cached page was evicted.
    let shown = cached.list_public(public(None)).await.unwrap();
    assert_eq!(shown.items[0].company_logo_url.as_deref(), Some(url));

    // Saving the same link back keeps the key; another link releases it.
    let saved = r
        .companies
        .save_company(company.clone(), at(31))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(saved.released_logo_key, None);
    assert_eq!(logo_key(&r.db).await.as_deref(), Some("images/logos/a.png"));
    let mut moved = company.clone();
    moved.details.logo_url = Some("https://cdn.example/logo.png".into());
    let saved = r
        .companies
        .save_company(moved, at(32))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        saved.released_logo_key.as_deref(),
        Some("images/logos/a.png")
    );
    assert_eq!(logo_key(&r.db).await, None);
    let second = r
        .companies
        .replace_logo(e.2, "images/logos/b.png".into(), url.into(), at(33))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(second.previous_key, None, "the released key is gone");
    let mut missing = company;
    missing.id = intowork_domain::CompanyId(999);
    assert_eq!(
        r.companies
            .replace_logo(missing.id, "images/logos/c.png".into(), url.into(), at(34))
            .await
            .unwrap(),
        None
    );
    // The job's own columns were not touched by any of this.
    let job_id = job.get();
    let key: Option<String> = with_conn(&r.db, move |c| {
        jobs::table.find(job_id).select(jobs::image_key).first(c)
    })
    .await;
    assert_eq!(key.as_deref(), Some("images/jobs/b.webp"));
}

intowork_testkit::test_both_backends!(
    the_current_form_fields_round_trip,
    the_sections_are_searched,
    country_currency_and_language_filter_both_lists,
    list_statements_stay_flat_with_the_new_columns,
    pictures_and_logos_point_at_their_keys,
);
