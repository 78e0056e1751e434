//! Applying with a chosen CV and a channel, the append-only status history written in the same
//! transaction as each change, and the per-employer reads built on them (sources, funnel, one
//! job's pipeline) with a statement count that does not grow with applications.

use diesel::prelude::*;
use intowork_domain::application::{
    ApplicationRepository, ApplicationStatus, CreateApplicationError, NewApplication, StatusUpdate,
};
use intowork_domain::dashboard::{DashboardRepository, employer_funnel};
use intowork_domain::job::Paging;
use intowork_domain::notification::{NewNotification, NotificationKind};
use intowork_domain::{CandidateId, CvId, EmployerId, JobId, UserId};
use intowork_storage::schema::{application_status_history as history, candidate_cvs};
use intowork_storage::{Database, DieselApplicationRepository, DieselDashboardRepository};
use intowork_testkit::TestDb;

use crate::job_fixtures::{Repos, fields};
use crate::support::*;

const DAY: i64 = 86_400;

struct World {
    db: Database,
    r: Repos,
    apps: DieselApplicationRepository,
    boss: (UserId, EmployerId, intowork_domain::CompanyId),
    job: JobId,
}

async fn world(test_db: &TestDb) -> World {
    let db = migrated(test_db);
    let r = Repos::new(db.clone());
    let boss = r.employer("boss@acme.fr", "Acme").await;
    let job = r.job(boss, fields("Dev Rust")).await.job.id;
    World {
        apps: DieselApplicationRepository::new(db.clone()),
        db,
        r,
        boss,
        job,
    }
}

fn notice(to: UserId) -> NewNotification {
    NewNotification {
        user_id: to,
        kind: NotificationKind::NewApplication,
        title: "t".into(),
        message: "m".into(),
        related_job_id: None,
        related_application_id: None,
    }
}

fn new_app(job: JobId, candidate: i64, actor: UserId, secs: i64) -> NewApplication {
    NewApplication {
        job_id: job,
        candidate_id: CandidateId(candidate),
        cover_letter: None,
        cv: None,
        source_ref: None,
        actor,
        now: at(secs),
        candidate_mail: None,
    }
}

/// `(from, to, actor, changed_at)` of an application's history, oldest first.
type Row = (Option<String>, String, Option<i64>, chrono::NaiveDateTime);

async fn history_of(db: &Database, application: i64) -> Vec<Row> {
    with_conn(db, move |c| {
        history::table
            .filter(history::application_id.eq(application))
            .order(history::id)
            .select((
                history::from_status,
                history::to_status,
                history::actor_user_id,
                history::changed_at,
            ))
            .load(c)
    })
    .await
}

async fn set_active(db: &Database, cv: i64, active: bool) {
    with_conn(db, move |c| {
        diesel::update(candidate_cvs::table.find(cv))
            .set(candidate_cvs::is_active.eq(active))
            .execute(c)
    })
    .await;
}

async fn the_chosen_active_cv_is_recorded_and_any_other_writes_nothing(test_db: TestDb) {
    let w = world(&test_db).await;
    let (user, cand) = w.r.candidate("c@example.com").await;
    let (_, other) = w.r.candidate("o@example.com").await;
    let (first, second, theirs) = with_conn(&w.db, move |c| {
        Ok((
            cv(c, cand, "cv/1.pdf")?,
            cv(c, cand, "cv/2.pdf")?,
            cv(c, other, "cv/3.pdf")?,
        ))
    })
    .await;
    set_active(&w.db, second, false).await;
    let boss = w.boss.0;
    // Someone else's CV, an inactive one of theirs, one that does not exist: refused whole.
    for bad in [theirs, second, theirs + 100] {
        let new = NewApplication {
            cv: Some(CvId(bad)),
            ..new_app(w.job, cand, user, 10)
        };
        let got = w.apps.create(new, notice(boss)).await;
        assert!(
            matches!(got, Err(CreateApplicationError::InvalidCv)),
            "{bad}"
        );
    }
    for table in [
        "job_applications",
        "application_status_history",
        "notifications",
    ] {
        assert_eq!(count(&w.db, table, "").await, 0, "{table}");
    }
    // The older of two active CVs, when chosen, is the one recorded; the channel is kept.
    set_active(&w.db, second, true).await;
    let new = NewApplication {
        cv: Some(CvId(first)),
        source_ref: Some("whatsapp".into()),
        ..new_app(w.job, cand, user, 10)
    };
    let created = w.apps.create(new, notice(boss)).await.unwrap();
    let filter = format!(
        "id = {} AND cv_id = {first} AND source_ref = 'whatsapp'",
        created.id
    );
    assert_eq!(count(&w.db, "job_applications", &filter).await, 1);
    // A second application is reported as such before its CV is judged.
    let again = NewApplication {
        cv: Some(CvId(theirs)),
        ..new_app(w.job, cand, user, 11)
    };
    let got = w.apps.create(again, notice(boss)).await;
    assert!(matches!(got, Err(CreateApplicationError::AlreadyApplied)));
}

async fn every_change_appends_one_row_in_its_transaction(test_db: TestDb) {
    let w = world(&test_db).await;
    let (user, cand) = w.r.candidate("c@example.com").await;
    let boss = w.boss.0;
    let app = w
        .apps
        .create(new_app(w.job, cand, user, 10), notice(boss))
        .await
        .unwrap();
    let change = |status, secs| StatusUpdate {
        status,
        actor: boss,
        at: at(secs),
        candidate_mail: None,
    };
    let changed = w
        .apps
        .change_status(
            app.id,
            change(ApplicationStatus::Interview, 20),
            notice(user),
        )
        .await
        .unwrap();
    assert_eq!(changed, Some(true));
    // The same status again: nothing appended.
    let same = w
        .apps
        .change_status(
            app.id,
            change(ApplicationStatus::Interview, 30),
            notice(user),
        )
        .await
        .unwrap();
    assert_eq!(same, Some(false));
    // A change whose transaction fails (its notification names no user) leaves no row and the
    // status as it was.
    let failed = w
        .apps
        .change_status(
            app.id,
            change(ApplicationStatus::Accepted, 40),
            notice(UserId(999_999)),
        )
        .await;
    assert!(failed.is_err());
    let naive = |s: i64| at(s).naive_utc();
    let expected: Vec<Row> = vec![
        (None, "applied".into(), Some(user.get()), naive(10)),
        (
            Some("applied".into()),
            "interview".into(),
            Some(boss.get()),
            naive(20),
        ),
    ];
    assert_eq!(history_of(&w.db, app.id.get()).await, expected);
    let id = app.id.get();
    let filter = format!("id = {id} AND status = 'interview'");
    assert_eq!(count(&w.db, "job_applications", &filter).await, 1);
}

async fn the_funnel_counts_stages_ever_reached_with_injected_times(test_db: TestDb) {
    let w = world(&test_db).await;
    let (user, cand) = w.r.candidate("c@example.com").await;
    let (other_user, other) = w.r.candidate("o@example.com").await;
    let boss = w.boss.0;
    // Applied at day 0, interview at day 3, accepted at day 4.
    let app = w
        .apps
        .create(new_app(w.job, cand, user, 0), notice(boss))
        .await
        .unwrap();
    for (status, secs) in [
        (ApplicationStatus::Interview, 3 * DAY),
        (ApplicationStatus::Accepted, 4 * DAY),
    ] {
        let update = StatusUpdate {
            status,
            actor: boss,
            at: at(secs),
            candidate_mail: None,
        };
        w.apps
            .change_status(app.id, update, notice(user))
            .await
            .unwrap();
    }
    // Another application, rejected straight away.
    let second = w
        .apps
        .create(new_app(w.job, other, other_user, DAY), notice(boss))
        .await;
    let update = StatusUpdate {
        status: ApplicationStatus::Rejected,
        actor: boss,
        at: at(2 * DAY),
        candidate_mail: None,
    };
    w.apps
        .change_status(second.unwrap().id, update, notice(other_user))
        .await
        .unwrap();

    let repo = DieselDashboardRepository::new(w.db.clone());
    let facts = repo.funnel_facts(boss, 5).await.unwrap().unwrap();
    assert_eq!(facts.interviewed, 1);
    let f = employer_funnel(facts);
    let counts: Vec<(&str, i64)> = f
        .funnel
        .iter()
        .map(|s| (s.status.as_str(), s.count))
        .collect();
    assert_eq!(
        counts,
        [
            ("applied", 2),
            ("viewed", 1),
            ("shortlisted", 1),
            ("interview", 1),
            ("accepted", 1)
        ]
    );
    assert_eq!(
        (f.conversion_rate, f.avg_days_to_interview),
        (50.0, Some(3.0))
    );
    assert_eq!((f.by_job[0].job_id, f.by_job[0].total), (w.job, 2));
    // A candidate, or an employer without a company, has no funnel.
    assert_eq!(repo.funnel_facts(user, 5).await.unwrap(), None);
}

/// One job with `n` applications from fresh candidates, half of them through LinkedIn, each moved
/// to interview; returns the job.
async fn job_with_applications(w: &World, title: &str, n: usize) -> JobId {
    let job = w.r.job(w.boss, fields(title)).await.job.id;
    for i in 0..n {
        let (user, cand) = w.r.candidate(&format!("{title}.{i}@example.com")).await;
        let new = NewApplication {
            source_ref: (i % 2 == 0).then(|| "linkedin".to_owned()),
            ..new_app(job, cand, user, 10)
        };
        let app = w.apps.create(new, notice(w.boss.0)).await.unwrap();
        let update = StatusUpdate {
            status: ApplicationStatus::Interview,
            actor: w.boss.0,
            at: at(20 + i as i64),
            candidate_mail: None,
        };
        w.apps
            .change_status(app.id, update, notice(user))
            .await
            .unwrap();
    }
    job
}

async fn employer_reads_cost_the_same_for_1_or_100_applications(test_db: TestDb) {
    let w = world(&test_db).await;
    let dashboards = DieselDashboardRepository::new(w.db.clone());
    let mut costs = Vec::new();
    for (title, n) in [("one", 1), ("many", 100)] {
        let job = job_with_applications(&w, title, n).await;
        let before = w.db.statement_count();
        let sources = w.apps.source_counts(w.boss.1).await.unwrap();
        let after_sources = w.db.statement_count();
        let facts = dashboards.funnel_facts(w.boss.0, 5).await.unwrap().unwrap();
        let after_funnel = w.db.statement_count();
        assert_eq!(w.apps.job_employer(job).await.unwrap(), Some(w.boss.1));
        let page = Paging { page: 1, limit: 20 };
        let listed = w
            .apps
            .list_for_employer(w.boss.1, None, Some(job), page)
            .await
            .unwrap();
        let after_list = w.db.statement_count();
        assert_eq!(listed.total, n as i64);
        assert!(sources.iter().map(|(_, c)| c).sum::<i64>() >= n as i64);
        assert!(facts.reached.iter().map(|g| g.applications).sum::<i64>() >= n as i64);
        costs.push([
            after_sources - before,
            after_funnel - after_sources,
            after_list - after_funnel,
        ]);
    }
    // The pool's occasional validity check may add one statement to a checkout.
    for (one, many) in costs[0].iter().zip(costs[1]) {
        assert!(many <= one + 1, "{costs:?}");
    }
    assert!(
        costs[1][0] <= 2 && costs[1][1] <= 4 && costs[1][2] <= 4,
        "{costs:?}"
    );
}

intowork_testkit::test_both_backends!(
    the_chosen_active_cv_is_recorded_and_any_other_writes_nothing,
    every_change_appends_one_row_in_its_transaction,
    the_funnel_counts_stages_ever_reached_with_injected_times,
    employer_reads_cost_the_same_for_1_or_100_applications,
);
