//! `DieselUserRepository` against the `UserRepository` contract.

use intowork_domain::UserId;
use intowork_domain::job::{JOB_REMOVED_TITLE, JOB_REMOVED_WITH_ACCOUNT_MESSAGE};
use intowork_domain::ports::{
    AccountRemoval, Commit, CreateUserError, DeletedUser, PasswordHashChange, UpdateEmailError,
    UserRepository,
};
use intowork_domain::user::{Email, Role};
use intowork_storage::DieselUserRepository;
use intowork_testkit::TestDb;

use crate::support::*;

async fn create_candidate_creates_profile(test_db: TestDb) {
    let db = migrated(&test_db);
    let repo = DieselUserRepository::new(db.clone());
    let user = repo
        .create_with_profile(new_user("Jane.Doe@Example.com", Role::Candidate))
        .await
        .unwrap();
    assert_eq!(user.email, "Jane.Doe@example.com");
    assert_eq!(user.role, Role::Candidate);
    assert_eq!(user.name.as_deref(), Some("Jeanne Martin"));
    assert_eq!(
        (user.first_name.as_str(), user.last_name.as_str()),
        ("Jeanne", "Martin")
    );
    assert!(user.is_active);
    assert_eq!(user.token_version, 0);
    assert!(user.password_hash.is_some());
    assert_eq!((user.created_at, user.updated_at), (at(0), at(0)));
    let uid = user.id.get();
    assert_eq!(
        count(&db, "candidates", &format!("user_id = {uid}")).await,
        1
    );
    assert_eq!(count(&db, "employers", "").await, 0);
    assert_eq!(
        count(&db, "users", "email_norm = 'jane.doe@example.com'").await,
        1
    );
    assert_eq!(repo.find_by_id(user.id).await.unwrap(), Some(user));
}

async fn create_employer_creates_profile_without_company(test_db: TestDb) {
    let db = migrated(&test_db);
    let repo = DieselUserRepository::new(db.clone());
    let user = repo
        .create_with_profile(new_user("boss@acme.fr", Role::Employer))
        .await
        .unwrap();
    assert_eq!(user.role, Role::Employer);
    let uid = user.id.get();
    let filter = format!(
        "user_id = {uid} AND company_id IS NULL AND can_create_jobs = TRUE \
         AND can_manage_candidates = TRUE AND is_admin = FALSE"
    );
    assert_eq!(count(&db, "employers", &filter).await, 1);
    assert_eq!(count(&db, "candidates", "").await, 0);
}

async fn duplicate_email_in_other_case_is_taken_and_nothing_half_written(test_db: TestDb) {
    let db = migrated(&test_db);
    let repo = DieselUserRepository::new(db.clone());
    repo.create_with_profile(new_user("Jane@example.com", Role::Candidate))
        .await
        .unwrap();
    for (email, role) in [
        ("jane@EXAMPLE.com", Role::Employer),
        ("JANE@example.com", Role::Candidate),
        ("  jAnE@Example.COM ", Role::Employer),
    ] {
        let err = repo
            .create_with_profile(new_user(email, role))
            .await
            .unwrap_err();
        assert!(
            matches!(err, CreateUserError::EmailTaken),
            "{email}: {err:?}"
        );
    }
    assert_eq!(count(&db, "users", "").await, 1);
    assert_eq!(count(&db, "candidates", "").await, 1);
    assert_eq!(count(&db, "employers", "").await, 0);
}

async fn find_by_email_uses_the_normalized_email(test_db: TestDb) {
    let db = migrated(&test_db);
    let repo = DieselUserRepository::new(db);
    let user = repo
        .create_with_profile(new_user("Marie.Curie@Sorbonne.fr", Role::Candidate))
        .await
        .unwrap();
    let found = repo.find_by_email("marie.curie@sorbonne.fr").await.unwrap();
    assert_eq!(found.as_ref().map(|u| u.id), Some(user.id));
    assert_eq!(found.unwrap().email, "Marie.Curie@sorbonne.fr");
    // The port takes the normalized form; a raw mixed-case string is not normalized for you.
    assert_eq!(
        repo.find_by_email("nobody@sorbonne.fr").await.unwrap(),
        None
    );
    assert_eq!(
        repo.find_by_id(UserId(user.id.get() + 1000)).await.unwrap(),
        None
    );
}

async fn set_password_hash_bumps_the_version_only_when_asked(test_db: TestDb) {
    let db = migrated(&test_db);
    let repo = DieselUserRepository::new(db);
    let user = repo
        .create_with_profile(new_user("pw@example.com", Role::Candidate))
        .await
        .unwrap();

    let kept = repo
        .set_password_hash(
            user.id,
            "hash-2".to_owned(),
            PasswordHashChange::Rehash,
            at(10),
        )
        .await
        .unwrap()
        .unwrap();
    assert_eq!(kept.password_hash.as_deref(), Some("hash-2"));
    assert_eq!(kept.token_version, 0);
    assert_eq!(kept.updated_at, at(10));
    assert_eq!(kept.created_at, at(0));

    let bumped = repo
        .set_password_hash(
            user.id,
            "hash-3".to_owned(),
            PasswordHashChange::NewPassword,
            at(20),
        )
        .await
        .unwrap()
        .unwrap();
    assert_eq!(bumped.password_hash.as_deref(), Some("hash-3"));
    assert_eq!(bumped.token_version, 1);
    assert_eq!(bumped.updated_at, at(20));
    assert_eq!(repo.find_by_id(user.id).await.unwrap(), Some(bumped));

    let missing = repo
        .set_password_hash(
            UserId(user.id.get() + 1000),
            "x".to_owned(),
            PasswordHashChange::NewPassword,
            at(30),
        )
        .await
        .unwrap();
    assert_eq!(missing, None);
}

async fn update_email_changes_identity_and_detects_conflicts(test_db: TestDb) {
    let db = migrated(&test_db);
    let repo = DieselUserRepository::new(db);
    let a = repo
        .create_with_profile(new_user("a@example.com", Role::Candidate))
        .await
        .unwrap();
    let b = repo
        .create_with_profile(new_user("b@example.com", Role::Employer))
        .await
        .unwrap();
    let b = repo
        .set_password_hash(b.id, "h".to_owned(), PasswordHashChange::NewPassword, at(5))
        .await
        .unwrap()
        .unwrap();

    let changed = repo
        .update_email(b.id, Email::parse("New.B@Example.com").unwrap(), at(10))
        .await
        .unwrap();
    assert_eq!(changed.email, "New.B@example.com");
    assert_eq!(
        changed.token_version, b.token_version,
        "an email change keeps tokens"
    );
    assert_eq!(changed.updated_at, at(10));
    assert_eq!(
        repo.find_by_email("new.b@example.com")
            .await
            .unwrap()
            .map(|u| u.id),
        Some(b.id)
    );
    assert_eq!(repo.find_by_email("b@example.com").await.unwrap(), None);

    let err = repo
        .update_email(b.id, Email::parse("A@EXAMPLE.com").unwrap(), at(11))
        .await
        .unwrap_err();
    assert!(matches!(err, UpdateEmailError::EmailTaken), "{err:?}");
    assert_eq!(
        repo.find_by_id(a.id).await.unwrap().unwrap().email,
        "a@example.com"
    );

    let err = repo
        .update_email(
            UserId(b.id.get() + 1000),
            Email::parse("z@example.com").unwrap(),
            at(12),
        )
        .await
        .unwrap_err();
    assert!(matches!(err, UpdateEmailError::NotFound), "{err:?}");
}

async fn delete_candidate_cascades_and_returns_cv_keys(test_db: TestDb) {
    let db = migrated(&test_db);
    let repo = DieselUserRepository::new(db.clone());
    let cand = repo
        .create_with_profile(new_user("cand@example.com", Role::Candidate))
        .await
        .unwrap();
    let boss = repo
        .create_with_profile(new_user("boss@example.com", Role::Employer))
        .await
        .unwrap();
    let (cu, bu) = (cand.id.get(), boss.id.get());
    let job_id = with_conn(&db, move |c| {
        let cid = candidate_id(c, cu)?;
        let eid = employer_id(c, bu)?;
        candidate_extras(c, cu, cid)?;
        let cv1 = cv(c, cid, "cv/one.pdf")?;
        cv(c, cid, "cv/two.pdf")?;
        let company = company_for(c, eid, "Acme")?;
        let job = job(c, eid, company, "Développeuse Rust")?;
        let app = application(c, job, cid, Some(cv1))?;
        notification(c, bu, Some(job), Some(app))?; // the employer's "new application"
        notification(c, cu, None, None)?; // the candidate's own
        Ok(job)
    })
    .await;

    assert!(repo.applicants_of(cand.id).await.unwrap().is_empty());
    let removal = AccountRemoval::decide(cand.id, &[], at(50));
    let deleted = repo.delete_account(removal).await.unwrap();
    assert_eq!(
        deleted,
        Commit::Done(DeletedUser {
            cv_keys: vec!["cv/one.pdf".to_owned(), "cv/two.pdf".to_owned()],
            image_keys: vec![],
        })
    );
    assert_eq!(repo.find_by_id(cand.id).await.unwrap(), None);
    for table in [
        "candidates",
        "candidate_cvs",
        "experiences",
        "educations",
        "skills",
        "job_applications",
        "password_reset_tokens",
    ] {
        assert_eq!(count(&db, table, "").await, 0, "{table} should be empty");
    }
    // The employer's notification about the application went with it; nothing else was sent.
    assert_eq!(count(&db, "notifications", "").await, 0);
    // The employer side is untouched.
    assert_eq!(count(&db, "jobs", &format!("id = {job_id}")).await, 1);
    assert_eq!(count(&db, "employers", "").await, 1);
    assert_eq!(count(&db, "companies", "").await, 1);
}

async fn delete_employer_cascades_and_notifies_candidates(test_db: TestDb) {
    let db = migrated(&test_db);
    let repo = DieselUserRepository::new(db.clone());
    let boss = repo
        .create_with_profile(new_user("boss@example.com", Role::Employer))
        .await
        .unwrap();
    let c1 = repo
        .create_with_profile(new_user("c1@example.com", Role::Candidate))
        .await
        .unwrap();
    let c2 = repo
        .create_with_profile(new_user("c2@example.com", Role::Candidate))
        .await
        .unwrap();
    let bystander = repo
        .create_with_profile(new_user("c3@example.com", Role::Candidate))
        .await
        .unwrap();
    let (bu, u1, u2) = (boss.id.get(), c1.id.get(), c2.id.get());
    with_conn(&db, move |c| {
        let eid = employer_id(c, bu)?;
        let k1 = candidate_id(c, u1)?;
        let k2 = candidate_id(c, u2)?;
        let company = company_for(c, eid, "Acme")?;
        let job_a = job(c, eid, company, "Offre A")?;
        let job_b = job(c, eid, company, "Offre B")?;
        job(c, eid, company, "Offre sans image")?;
        use diesel::prelude::*;
        use intowork_storage::schema::jobs;
        for (job, key) in [(job_a, "images/jobs/a.png"), (job_b, "images/jobs/b.webp")] {
            diesel::update(jobs::table.find(job))
                .set(jobs::image_key.eq(key))
                .execute(c)?;
        }
        let cv1 = cv(c, k1, "cv/c1.pdf")?;
        // c1 applied twice (one notification expected), c2 once.
        let a1 = application(c, job_a, k1, Some(cv1))?;
        application(c, job_b, k1, None)?;
        let a2 = application(c, job_b, k2, None)?;
        notification(c, bu, Some(job_a), Some(a1))?;
        notification(c, u1, Some(job_a), Some(a1))?;
        notification(c, u2, Some(job_b), Some(a2))?;
        notification(c, bu, None, None)?;
        Ok(())
    })
    .await;

    let applicants = repo.applicants_of(boss.id).await.unwrap();
    assert_eq!(
        applicants,
        vec![c1.id, c2.id],
        "c1 applied twice, counted once"
    );
    // Decided before c2 applied: refused, nothing written.
    let stale = AccountRemoval::decide(boss.id, &[c1.id], at(60));
    assert_eq!(repo.delete_account(stale).await.unwrap(), Commit::Stale);
    assert_eq!(count(&db, "notifications", "").await, 4);
    assert!(repo.find_by_id(boss.id).await.unwrap().is_some());

    let removal = AccountRemoval::decide(boss.id, &applicants, at(60));
    let deleted = repo.delete_account(removal).await.unwrap();
    // The pictures of the employer's jobs are handed back for removal.
    let pictures = vec![
        "images/jobs/a.png".to_owned(),
        "images/jobs/b.webp".to_owned(),
    ];
    assert_eq!(
        deleted,
        Commit::Done(DeletedUser {
            cv_keys: vec![],
            image_keys: pictures,
        })
    );
    assert_eq!(repo.find_by_id(boss.id).await.unwrap(), None);
    assert_eq!(count(&db, "employers", "").await, 0);
    assert_eq!(count(&db, "jobs", "").await, 0);
    assert_eq!(count(&db, "job_applications", "").await, 0);
    // Companies are never deleted implicitly; the candidate keeps their CV.
    assert_eq!(count(&db, "companies", "").await, 1);
    assert_eq!(count(&db, "candidate_cvs", "").await, 1);
    assert_eq!(count(&db, "candidates", "").await, 3);

    // Only the new system notifications remain: one per affected candidate, no related ids.
    assert_eq!(count(&db, "notifications", "").await, 2);
    let system = format!(
        "type = 'system' AND related_job_id IS NULL AND related_application_id IS NULL \
         AND is_read = FALSE AND title = '{}' AND message = '{}'",
        JOB_REMOVED_TITLE,
        JOB_REMOVED_WITH_ACCOUNT_MESSAGE.replace('\'', "''")
    );
    for uid in [u1, u2] {
        let filter = format!("{system} AND user_id = {uid}");
        assert_eq!(count(&db, "notifications", &filter).await, 1, "user {uid}");
    }
    let bystander_filter = format!("user_id = {}", bystander.id.get());
    assert_eq!(count(&db, "notifications", &bystander_filter).await, 0);
}

async fn delete_unknown_user_is_none(test_db: TestDb) {
    let db = migrated(&test_db);
    let repo = DieselUserRepository::new(db.clone());
    repo.create_with_profile(new_user("keep@example.com", Role::Candidate))
        .await
        .unwrap();
    let removal = AccountRemoval::decide(UserId(987_654), &[], at(1));
    assert_eq!(
        repo.delete_account(removal).await.unwrap(),
        Commit::NotFound
    );
    assert_eq!(count(&db, "users", "").await, 1);
}

intowork_testkit::test_both_backends!(
    create_candidate_creates_profile,
    create_employer_creates_profile_without_company,
    duplicate_email_in_other_case_is_taken_and_nothing_half_written,
    find_by_email_uses_the_normalized_email,
    set_password_hash_bumps_the_version_only_when_asked,
    update_email_changes_identity_and_detects_conflicts,
    delete_candidate_cascades_and_returns_cv_keys,
    delete_employer_cascades_and_notifies_candidates,
    delete_unknown_user_is_none,
);
