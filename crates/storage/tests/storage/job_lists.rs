//! What a job list loads: the columns its rows show, the public list's description cut in SQL, no
//! long text of the detail; the detail keeps every text. On both databases.

use intowork_domain::job::{
    EmployerJobQuery, JobPage, JobRepository, JobSummary, LISTED_DESCRIPTION_CHARS, Paging,
};
use intowork_storage::{CachedJobs, DieselJobRepository, ReadCaches};
use intowork_testkit::TestDb;

use crate::job_fixtures::*;
use crate::support::*;

/// Multi-byte code points of 2, 3 and 4 bytes: a cut counted in bytes would differ.
fn long_text(chars: usize) -> String {
    "é€😀".chars().cycle().take(chars).collect()
}

fn first_chars(text: &str, n: usize) -> String {
    text.chars().take(n).collect()
}

fn description_of<'a>(page: &'a JobPage, title: &str) -> &'a str {
    let row: &JobSummary = page.items.iter().find(|j| j.title == title).unwrap();
    &row.description
}

async fn lists_load_what_they_show_and_the_detail_everything(test_db: TestDb) {
    let r = Repos::new(migrated(&test_db));
    let e = r.employer("boss@acme.fr", "Acme").await;
    let company_text = long_text(1_000_000);
    let (company, text) = (e.2.get(), company_text.clone());
    with_conn(&r.db, move |c| {
        use diesel::prelude::*;
        use intowork_storage::schema::companies;
        diesel::update(companies::table.find(company))
            .set(companies::description.eq(Some(text)))
            .execute(c)
    })
    .await;
    let shown = LISTED_DESCRIPTION_CHARS;
    let long = long_text(100_000);
    let mut cut = fields("Long");
    cut.description = long.clone();
    cut.requirements = Some(long_text(50_000));
    cut.responsibilities = Some(long_text(50_000));
    cut.benefits = Some(long_text(50_000));
    let long_job = r.job(e, cut).await;
    let mut exact = fields("Exact");
    exact.description = long_text(shown);
    r.job(e, exact).await;
    let mut one_more = fields("One more");
    one_more.description = long_text(shown + 1);
    r.job(e, one_more).await;

    // The public list, live and through the cache (a miss, then a hit): one character more than
    // shown, counted in code points, so the presenter can mark the cut.
    let caches = ReadCaches::new();
    let cached = CachedJobs::new(DieselJobRepository::new(r.db.clone()), caches);
    let pages = [
        r.jobs.list_public(public(None)).await.unwrap(),
        cached.list_public(public(None)).await.unwrap(),
        cached.list_public(public(None)).await.unwrap(),
    ];
    for page in &pages {
        assert_eq!(page.total, 3);
        assert_eq!(description_of(page, "Long"), first_chars(&long, shown + 1));
        assert_eq!(description_of(page, "Exact"), long_text(shown));
        assert_eq!(description_of(page, "One more"), long_text(shown + 1));
    }
    let items = r.jobs.page_public(public(None)).await.unwrap();
    assert_eq!(items, pages[0].items);

    // The employer's own list fills the edit form: the description whole, still no other text.
    let mine = EmployerJobQuery {
        employer: e.1,
        paging: Paging { page: 1, limit: 50 },
        text: None,
        status: None,
        codes: Default::default(),
    };
    let page = r.jobs.list_for_employer(mine).await.unwrap();
    assert_eq!(description_of(&page, "Long"), long);

    // The detail has every text.
    let detail = r
        .jobs
        .find_listing(long_job.job.id, None)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(detail.job.fields.description, long);
    assert_eq!(
        detail.job.fields.requirements.unwrap().chars().count(),
        50_000
    );
    assert_eq!(detail.company.description, Some(company_text));
}

intowork_testkit::test_both_backends!(lists_load_what_they_show_and_the_detail_everything);
