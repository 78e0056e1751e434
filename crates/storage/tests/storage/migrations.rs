//! Migrations: up, down one by one, up again, on both backends.

use std::time::Duration;

use intowork_storage::Database;
use intowork_testkit::TestDb;

use crate::support::{TABLES, table_exists};

fn existing_tables(db: &Database) -> Vec<&'static str> {
    // Readiness gates `run_blocking`; these checks are about the schema, not the gate.
    let was_ready = db.is_ready();
    db.set_ready(true);
    let present = db
        .run_blocking(|c| Ok(TABLES.into_iter().filter(|t| table_exists(c, t)).collect()))
        .unwrap();
    db.set_ready(was_ready);
    present
}

async fn up_down_up(test_db: TestDb) {
    let db = Database::connect_lazy(&test_db.url, 2, Duration::from_secs(30)).unwrap();
    let pending = db.pending_migrations().unwrap();
    assert!(!pending.is_empty());
    assert!(existing_tables(&db).is_empty());

    let applied = db.run_migrations().unwrap();
    assert_eq!(applied.len(), pending.len());
    assert!(db.is_ready());
    assert_eq!(existing_tables(&db), TABLES.to_vec());
    assert!(db.pending_migrations().unwrap().is_empty());
    // Idempotent: a second run applies nothing.
    assert!(db.run_migrations().unwrap().is_empty());

    // Down, one migration at a time, newest first.
    let mut reverted = Vec::new();
    while let Some(version) = db.revert_last_migration().unwrap() {
        reverted.push(version);
    }
    let mut expected = applied.clone();
    expected.reverse();
    assert_eq!(reverted, expected);
    assert!(!db.is_ready(), "a reverted schema is not ready");
    assert!(existing_tables(&db).is_empty());
    assert_eq!(db.revert_last_migration().unwrap(), None);

    // And up again.
    assert_eq!(db.run_migrations().unwrap(), applied);
    assert_eq!(existing_tables(&db), TABLES.to_vec());
}

intowork_testkit::test_both_backends!(up_down_up);

/// Reverts migrations newest first, down to and including `version`.
pub(crate) fn revert_through(db: &Database, version: &str) {
    loop {
        let reverted = db
            .revert_last_migration()
            .unwrap()
            .expect("no migration left");
        if reverted == version {
            return;
        }
    }
}

#[derive(diesel::QueryableByName)]
struct Links {
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
    website_url: Option<String>,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
    linkedin_url: Option<String>,
}

/// Links stored before the API took only http(s) URLs: other schemes (`javascript:`, `data:`) and
/// values that are no link are cleared, bare hosts get `https://`, http(s) links and `""` stay,
/// and so do `/…` logo paths.
async fn stored_links_are_brought_to_the_url_rules(test_db: TestDb) {
    use diesel::RunQueryDsl;
    use intowork_domain::ports::UserRepository;
    use intowork_domain::user::Role;
    use intowork_storage::DieselUserRepository;

    let db = crate::support::migrated(&test_db);
    // Back to the schema before the clean-up, as an older release left it.
    revert_through(&db, "20261207000004");
    db.set_ready(true);
    let user = DieselUserRepository::new(db.clone())
        .create_with_profile(crate::support::new_user("c@example.com", Role::Candidate))
        .await
        .unwrap();
    let user_id = user.id.get();
    let rows = [
        (
            "javascript:alert(1)",
            "https://www.linkedin.com/company/acme",
        ),
        ("JavaScript:alert(1)", "java\tscript:alert(1)"),
        (
            "data:text/html,<script>alert(1)</script>",
            "HTTPS://acme.example",
        ),
        ("www.acme.example", "/uploads/logo.png"),
        ("n/a", ""),
        ("/uploads/x.png", "acme.example/jobs"),
    ];
    crate::support::with_conn(&db, move |c| {
        for (i, (website, linkedin)) in rows.iter().enumerate() {
            diesel::sql_query(format!(
                "INSERT INTO companies (name, website_url, linkedin_url, logo_url, created_at, \
                 updated_at) VALUES ('c{i}', '{website}', '{linkedin}', '{website}', \
                 CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
            ))
            .execute(c)?;
        }
        diesel::sql_query(format!(
            "UPDATE candidates SET website_url = 'vbscript:msgbox', \
             linkedin_url = 'https://linkedin.com/in/ada' WHERE user_id = {user_id}"
        ))
        .execute(c)
    })
    .await;

    assert_eq!(db.run_migrations().unwrap()[0], "20261207000004");
    let (companies, candidate) = crate::support::with_conn(&db, |c| {
        let companies: Vec<Links> =
            diesel::sql_query("SELECT website_url, linkedin_url FROM companies ORDER BY name")
                .load(c)?;
        let logos: Vec<Links> = diesel::sql_query(
            "SELECT logo_url AS website_url, NULL AS linkedin_url FROM companies ORDER BY name",
        )
        .load(c)?;
        let candidate: Links =
            diesel::sql_query("SELECT website_url, linkedin_url FROM candidates").get_result(c)?;
        let companies: Vec<_> = companies
            .into_iter()
            .zip(logos)
            .map(|(l, logo)| (l.website_url, l.linkedin_url, logo.website_url))
            .collect();
        Ok((companies, (candidate.website_url, candidate.linkedin_url)))
    })
    .await;
    let some = |s: &str| Some(s.to_owned());
    assert_eq!(
        companies,
        [
            (None, some("https://www.linkedin.com/company/acme"), None),
            (None, None, None),
            (None, some("HTTPS://acme.example"), None),
            (
                some("https://www.acme.example"),
                None,
                some("https://www.acme.example")
            ),
            (None, some(""), None),
            (
                None,
                some("https://acme.example/jobs"),
                some("/uploads/x.png")
            ),
        ]
    );
    assert_eq!(candidate, (None, some("https://linkedin.com/in/ada")));
}

intowork_testkit::test_both_backends!(stored_links_are_brought_to_the_url_rules);

#[derive(diesel::QueryableByName, Debug, PartialEq)]
struct HistoryRow {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    application_id: i64,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
    from_status: Option<String>,
    #[diesel(sql_type = diesel::sql_types::Text)]
    to_status: String,
}

/// Applications made before the status history existed get their first `applied` and, when
/// they have moved on, the status they are at now: the funnel then counts them where they are.
async fn existing_applications_get_their_history(test_db: TestDb) {
    use diesel::RunQueryDsl;
    use intowork_domain::ports::UserRepository;
    use intowork_domain::user::Role;
    use intowork_storage::DieselUserRepository;

    use crate::support::*;

    let db = migrated(&test_db);
    let users = DieselUserRepository::new(db.clone());
    let boss = users
        .create_with_profile(new_user("boss@example.com", Role::Employer))
        .await
        .unwrap();
    let mut candidates = Vec::new();
    for email in ["a@example.com", "b@example.com"] {
        let user = users
            .create_with_profile(new_user(email, Role::Candidate))
            .await
            .unwrap();
        candidates.push(user.id.get());
    }
    let bu = boss.id.get();
    let apps = with_conn(&db, move |c| {
        let e = employer_id(c, bu)?;
        let company = company_for(c, e, "ACME")?;
        let j = job(c, e, company, "Développeur Rust")?;
        let mut apps = Vec::new();
        for user in &candidates {
            let cid = candidate_id(c, *user)?;
            apps.push(application(c, j, cid, None)?);
        }
        Ok(apps)
    })
    .await;
    revert_through(&db, "20261207000005");
    db.set_ready(true);
    let moved = apps[1];
    with_conn(&db, move |c| {
        diesel::sql_query(format!(
            "UPDATE job_applications SET status = 'interview' WHERE id = {moved}"
        ))
        .execute(c)
    })
    .await;

    // This one first; later migrations come back after it.
    assert_eq!(db.run_migrations().unwrap()[0], "20261207000005");
    let rows: Vec<HistoryRow> = with_conn(&db, |c| {
        diesel::sql_query(
            "SELECT application_id, from_status, to_status FROM application_status_history \
             ORDER BY application_id, id",
        )
        .load(c)
    })
    .await;
    let row = |app: i64, from: Option<&str>, to: &str| HistoryRow {
        application_id: app,
        from_status: from.map(str::to_owned),
        to_status: to.to_owned(),
    };
    assert_eq!(
        rows,
        [
            row(apps[0], None, "applied"),
            row(apps[1], None, "applied"),
            row(apps[1], Some("applied"), "interview"),
        ]
    );
}

intowork_testkit::test_both_backends!(existing_applications_get_their_history);
