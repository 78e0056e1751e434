//! The public search through the in-memory index against the same search in SQL: 200 random
//! queries over a varied board give the same ids, order and totals; a write of this process
//! makes the index step aside at once, one of another process is seen by the fingerprint.

use std::time::Duration;

use intowork_domain::job::{
    ArchiveJob, CodeMatch, JobFields, JobRepository, JobStatus, JobType, LocationType, NewJob,
    Paging, PublicJobQuery,
};
use intowork_domain::ports::Commit;
use intowork_domain::search::normalize;
use intowork_domain::{CompanyId, EmployerId, JobId, UserId};
use intowork_storage::{CachedJobs, Database, DieselJobRepository, JobSearchIndex, ReadCaches};
use intowork_testkit::{Dice, TestDb};

use crate::job_fixtures::{Repos, fields, published};
use crate::support::*;

const TITLES: &[&str] = &[
    "Développeur Rust",
    "Ingénieur logiciel",
    "Comptable",
    "DÉVELOPPEUSE web",
    "Chef de projet",
    "Data analyst 50%",
    "Infirmière a_b",
];
const WORDS: &[&str] = &[
    "équipe",
    "télétravail",
    "Société",
    "rémunération",
    "Œuvre",
    "x",
];
const PLACES: &[Option<&str>] = &[Some("Dakar"), Some("Abidjan"), Some("Saint-Étienne"), None];
const TEXTS: &[&str] = &[
    "dev",
    "développ",
    "ingenieur",
    "e",
    "équipe",
    "50%",
    "a_b",
    "zzz",
    "rust",
    "societe",
    "acme",
    "comp",
    "oeuvre",
    "_",
    "%",
];
const LOCATIONS: &[&str] = &["dakar", "a", "etienne", "saint-", "abi", "zz"];
const JOB_TYPES: &[JobType] = &[JobType::FullTime, JobType::PartTime, JobType::Contract];
const PLACE_TYPES: &[LocationType] = &[
    LocationType::Remote,
    LocationType::OnSite,
    LocationType::Hybrid,
];

fn varied(dice: &mut Dice, i: usize) -> JobFields {
    let mut f = fields(&format!("{} {i}", dice.pick(TITLES)));
    f.description = (0..dice.next(4))
        .map(|_| *dice.pick(WORDS))
        .collect::<Vec<_>>()
        .join(" ");
    f.location = dice.pick(PLACES).map(str::to_owned);
    f.job_type = *dice.pick(JOB_TYPES);
    f.location_type = *dice.pick(PLACE_TYPES);
    f.salary_min = (dice.next(3) > 0).then(|| 100 * dice.next(50) as i32);
    f.currency = dice.pick(&["EUR", "XOF", "xaf"]).to_string();
    f.country = dice
        .pick(&[Some("SN"), Some("ci"), None])
        .map(str::to_owned);
    f.language = dice
        .pick(&[Some("fr"), Some("EN"), None])
        .map(str::to_owned);
    f
}

/// 240 jobs of three companies, some posted at the same second (ties go by id), some drafts,
/// and the jobs of an employer whose account is then deactivated; the two active employers.
async fn board(db: &Database, dice: &mut Dice) -> [(UserId, EmployerId, CompanyId); 2] {
    let r = Repos::new(db.clone());
    let companies = [
        r.employer("a@acme.fr", "Acme Société").await,
        r.employer("b@beta.fr", "Bêta Compagnie").await,
        r.employer("c@gone.fr", "Gone").await,
    ];
    for i in 0..240 {
        let e = companies[dice.next(3)];
        let job: NewJob = NewJob {
            status: if dice.next(8) == 0 {
                JobStatus::Draft
            } else {
                JobStatus::Published
            },
            ..published(e.1, e.2, varied(dice, i), at(dice.next(60) as i64))
        };
        r.jobs.create(job).await.unwrap();
    }
    let gone = companies[2].0.get();
    with_conn(db, move |c| {
        use diesel::prelude::*;
        use intowork_storage::schema::users;
        diesel::update(users::table.find(gone))
            .set(users::is_active.eq(false))
            .execute(c)
    })
    .await;
    [companies[0], companies[1]]
}

fn random_query(dice: &mut Dice) -> PublicJobQuery {
    let maybe = |dice: &mut Dice, p: usize| dice.next(p) == 0;
    PublicJobQuery {
        paging: Paging {
            page: 1 + dice.next(4) as i64,
            limit: *dice.pick(&[1, 5, 10, 50]),
        },
        text: (!maybe(dice, 3)).then(|| normalize(dice.pick::<&str>(TEXTS))),
        location: maybe(dice, 3).then(|| dice.pick(LOCATIONS).to_string()),
        job_type: maybe(dice, 3).then(|| *dice.pick(JOB_TYPES)),
        location_type: maybe(dice, 4).then(|| *dice.pick(PLACE_TYPES)),
        salary_min: maybe(dice, 3).then(|| 100 * dice.next(50) as i32),
        codes: CodeMatch {
            country: maybe(dice, 4).then(|| dice.pick(&["sn", "ci", "ga"]).to_string()),
            currency: maybe(dice, 5).then(|| dice.pick(&["eur", "xaf"]).to_string()),
            language: maybe(dice, 5).then(|| dice.pick(&["fr", "en"]).to_string()),
        },
        viewer: None,
    }
}

/// `(total, ids)` of a public list answer.
async fn answer(repo: &impl JobRepository, q: &PublicJobQuery) -> (i64, Vec<i64>) {
    let page = repo.list_public(q.clone()).await.unwrap();
    (page.total, page.items.iter().map(|l| l.id.get()).collect())
}

async fn two_hundred_random_queries_answer_as_sql(test_db: TestDb) {
    let db = migrated(&test_db);
    let mut dice = Dice(0x9e37_79b9_7f4a_7c15);
    board(&db, &mut dice).await;
    let sql = DieselJobRepository::new(db.clone());
    let index = JobSearchIndex::new(db.clone(), ReadCaches::new(), Duration::from_secs(3600));
    index.refresh_now();
    let indexed = DieselJobRepository::new(db.clone()).with_search_index(index);
    let mut found_some = 0;
    for round in 0..200 {
        let q = random_query(&mut dice);
        let expected = answer(&sql, &q).await;
        let before = db.statement_count();
        let got = answer(&indexed, &q).await;
        // The index answered: at most the page's rows were read.
        assert!(db.statement_count() - before <= 1, "round {round}: SQL ran");
        assert_eq!(got, expected, "round {round}: {q:?}");
        assert_eq!(indexed.count_public(q.filter()).await.unwrap(), expected.0);
        let page = indexed.page_public(q.clone()).await.unwrap();
        let ids: Vec<i64> = page.iter().map(|l| l.id.get()).collect();
        assert_eq!(ids, expected.1, "round {round}");
        found_some += usize::from(!expected.1.is_empty());
    }
    // The queries are not all empty answers.
    assert!(found_some > 50, "{found_some}");
}

async fn the_index_follows_this_process_at_once_and_others_by_fingerprint(test_db: TestDb) {
    let db = migrated(&test_db);
    let r = Repos::new(db.clone());
    let acme = r.employer("a@acme.fr", "Acme").await;
    r.job(acme, fields("Ancien poste")).await;
    let caches = ReadCaches::new();
    let index = JobSearchIndex::new(db.clone(), caches.clone(), Duration::from_secs(3600));
    index.refresh_now();
    let repo = CachedJobs::new(
        DieselJobRepository::new(db.clone()).with_search_index(index.clone()),
        caches.clone(),
    );
    let q = |text: &str| PublicJobQuery {
        paging: Paging { page: 1, limit: 10 },
        ..crate::job_fixtures::public(Some(text))
    };
    // A job created through this process's cached repository is found at once.
    repo.create(published(acme.1, acme.2, fields("Nouveau poste"), at(20)))
        .await
        .unwrap();
    assert_eq!(answer(&repo, &q("nouveau")).await.0, 1);
    // Another process's write (a repository without the caches) is seen once the fingerprint
    // is checked.
    r.job(acme, fields("Poste d'ailleurs")).await;
    index.refresh_now();
    let fresh = DieselJobRepository::new(db.clone()).with_search_index(index);
    let before = db.statement_count();
    assert_eq!(answer(&fresh, &q("ailleurs")).await.0, 1);
    assert_eq!(answer(&fresh, &q("poste")).await.0, 3);
    assert!(db.statement_count() - before <= 2, "the index answered");
}

/// Jobs created, edited, archived and deleted through this process's cached repository are
/// searched at once, from the snapshot and the written jobs' rows: no search goes to SQL and no
/// new snapshot is read, and every answer is SQL's.
async fn writes_of_this_process_are_searched_without_sql_or_a_new_snapshot(test_db: TestDb) {
    let db = migrated(&test_db);
    let mut dice = Dice(0x5eed_0fed_175a_1e00);
    let employers = board(&db, &mut dice).await;
    let caches = ReadCaches::new();
    let index = JobSearchIndex::new(db.clone(), caches.clone(), Duration::from_secs(3600));
    index.refresh_now();
    let indexed = DieselJobRepository::new(db.clone()).with_search_index(index.clone());
    let writer = CachedJobs::new(DieselJobRepository::new(db.clone()), caches);
    let sql = DieselJobRepository::new(db.clone());
    let everything = PublicJobQuery {
        paging: Paging {
            page: 1,
            limit: 1000,
        },
        ..crate::job_fixtures::public(None)
    };
    for round in 0..40 {
        let open = answer(&sql, &everything).await.1;
        let some_job = JobId(*dice.pick(&open));
        match dice.next(4) {
            0 => {
                let e = dice.pick(&employers);
                let posted = at(dice.next(70) as i64);
                let job = published(e.1, e.2, varied(&mut dice, 1000 + round), posted);
                writer.create(job).await.unwrap();
            }
            1 => {
                let fields = varied(&mut dice, 2000 + round);
                writer.update(some_job, fields, at(100)).await.unwrap();
            }
            2 => {
                let commit = writer.delete(some_job).await.unwrap();
                assert!(matches!(commit, Commit::Done(())));
            }
            _ => {
                let work = ArchiveJob {
                    job: some_job,
                    applications: Vec::new(),
                    notifications: Vec::new(),
                    at: at(100),
                };
                let commit = writer.archive(work).await.unwrap();
                assert!(matches!(commit, Commit::Done(())));
            }
        }
        for _ in 0..5 {
            let q = random_query(&mut dice);
            let expected = answer(&sql, &q).await;
            assert_eq!(answer(&indexed, &q).await, expected, "round {round}: {q:?}");
        }
        // Once caught up, totals are counted in memory: a search's, and the jobs posted since a
        // date (the job stats).
        let q = random_query(&mut dice);
        let since = at(dice.next(70) as i64);
        let before = db.statement_count();
        let total = indexed.count_public(q.filter()).await.unwrap();
        let recent = indexed.count_published_since(since).await.unwrap();
        assert_eq!(
            db.statement_count(),
            before,
            "round {round}: counted in memory"
        );
        assert_eq!(total, answer(&sql, &q).await.0);
        let expected = sql.count_published_since(since).await.unwrap();
        assert_eq!(recent, expected, "round {round}: posted since {since}");
    }
    assert_eq!(index.searches_in_sql(), 0);
    assert_eq!(index.snapshots_read(), 1);
}

intowork_testkit::test_both_backends!(
    two_hundred_random_queries_answer_as_sql,
    writes_of_this_process_are_searched_without_sql_or_a_new_snapshot,
    the_index_follows_this_process_at_once_and_others_by_fingerprint,
);
