//! `DieselCvBuilderRepository` against the `CvBuilderRepository` contract: one document per user
//! whose content round-trips, a slug fixed at creation, views counted only on public documents,
//! per-day counters, and deletion with the account.

use chrono::{Duration, NaiveDate};
use intowork_domain::UserId;
use intowork_domain::cv_builder::{
    CvBuilderRepository, CvDocument, CvSave, CvTemplate, Experience, Language, PersonalInfo, Skill,
};
use intowork_domain::files::FileKey;
use intowork_domain::ports::{AccountRemoval, Commit, UserRepository};
use intowork_domain::user::Role;
use intowork_storage::{Database, DieselCvBuilderRepository, DieselUserRepository};
use intowork_testkit::TestDb;

use crate::support::*;

async fn user(db: &Database, email: &str) -> UserId {
    DieselUserRepository::new(db.clone())
        .create_with_profile(new_user(email, Role::Candidate))
        .await
        .unwrap()
        .id
}

fn document() -> CvDocument {
    CvDocument {
        personal: PersonalInfo {
            first_name: "Élodie".into(),
            last_name: "N'Diaye".into(),
            email: "elodie@example.com".into(),
            summary: "Développeuse « full-stack » à Dakar\nDeuxième ligne".into(),
            ..PersonalInfo::default()
        },
        experiences: vec![Experience {
            id: "x1".into(),
            company: "Orange".into(),
            position: "Ingénieure".into(),
            start_date: "2020-01".into(),
            current: true,
            ..Experience::default()
        }],
        skills: vec![Skill {
            id: "s1".into(),
            name: "Rust".into(),
            level: 4,
        }],
        languages: vec![Language {
            id: "l1".into(),
            name: "Wolof".into(),
            level: "Natif".into(),
        }],
        ..CvDocument::default()
    }
}

fn save(user: UserId, slug: &str, photo: Option<&str>, secs: i64) -> CvSave {
    CvSave {
        user,
        new_slug: slug.into(),
        default_title: "CV de Élodie N'Diaye".into(),
        title: None,
        template: CvTemplate::Creative,
        is_public: false,
        document: document(),
        photo: photo.map(|p| FileKey::parse(p).unwrap()),
        now: at(secs),
    }
}

async fn save_then_reload_keeps_the_document_and_its_slug(test_db: TestDb) {
    let db = migrated(&test_db);
    let repo = DieselCvBuilderRepository::new(db.clone());
    let alice = user(&db, "alice@example.com").await;
    assert_eq!(repo.find(alice).await.unwrap(), None);

    let first = repo
        .save(save(alice, "slug-a", Some("images/cv-photos/one.png"), 0))
        .await
        .unwrap();
    assert_eq!(first.replaced_photo, None);
    assert_eq!(first.cv.slug, "slug-a");
    assert_eq!(first.cv.title.as_deref(), Some("CV de Élodie N'Diaye"));
    assert_eq!(repo.find(alice).await.unwrap(), Some(first.cv.clone()));

    // A second save keeps the slug, the title and the creation time; the old photo is reported.
    let mut again = save(alice, "slug-b", Some("images/cv-photos/two.png"), 10);
    again.document.personal.title = "Architecte".into();
    again.template = CvTemplate::Minimal;
    let second = repo.save(again).await.unwrap();
    assert_eq!(second.cv.slug, "slug-a");
    assert_eq!(second.cv.id, first.cv.id);
    assert_eq!(second.cv.created_at, at(0));
    assert_eq!(second.cv.updated_at, at(10));
    assert_eq!(second.cv.template, CvTemplate::Minimal);
    assert_eq!(second.cv.title, first.cv.title);
    assert_eq!(second.cv.document.personal.title, "Architecte");
    assert_eq!(
        second.replaced_photo,
        Some(FileKey::parse("images/cv-photos/one.png").unwrap())
    );
    // The same photo again replaces nothing; none removes it.
    let same = repo
        .save(save(alice, "x", Some("images/cv-photos/two.png"), 20))
        .await
        .unwrap();
    assert_eq!(same.replaced_photo, None);
    let none = repo.save(save(alice, "x", None, 30)).await.unwrap();
    assert_eq!(none.cv.photo, None);
    assert_eq!(
        none.replaced_photo,
        Some(FileKey::parse("images/cv-photos/two.png").unwrap())
    );
    assert_eq!(
        repo.find(alice).await.unwrap().unwrap().document,
        document()
    );
}

async fn views_count_only_public_documents_once_per_call(test_db: TestDb) {
    let db = migrated(&test_db);
    let repo = DieselCvBuilderRepository::new(db.clone());
    let alice = user(&db, "alice@example.com").await;
    repo.save(save(alice, "private-slug", None, 0))
        .await
        .unwrap();

    // Private: not found and nothing counted.
    assert_eq!(repo.find_public("private-slug").await.unwrap(), None);
    assert_eq!(repo.record_view("private-slug", at(0)).await.unwrap(), None);
    assert_eq!(repo.record_view("unknown", at(0)).await.unwrap(), None);
    assert_eq!(repo.find(alice).await.unwrap().unwrap().views_count, 0);

    let shown = repo.toggle_public(alice).await.unwrap().unwrap();
    assert!(shown.is_public);
    assert_eq!(shown.slug, "private-slug");
    let before = db.statement_count();
    assert_eq!(
        repo.record_view("private-slug", at(0)).await.unwrap(),
        Some(1)
    );
    let spent = db.statement_count() - before;
    // Pool check, BEGIN, the document's counter, the day's counter (update, then insert on the
    // day's first view), COMMIT.
    assert!(spent <= 6, "one view took {spent} statements");
    repo.record_view("private-slug", at(60)).await.unwrap();
    let next_day = at(0) + Duration::days(1);
    assert_eq!(
        repo.record_view("private-slug", next_day).await.unwrap(),
        Some(3)
    );
    // Reading the public document counts nothing.
    for _ in 0..5 {
        assert!(repo.find_public("private-slug").await.unwrap().is_some());
    }
    assert_eq!(repo.find(alice).await.unwrap().unwrap().views_count, 3);

    let day0 = at(0).date_naive();
    let views = repo.daily_views(alice, day0).await.unwrap();
    let by_day: Vec<_> = views.iter().map(|d| (d.day, d.views)).collect();
    assert_eq!(by_day, [(day0, 2), (next_day.date_naive(), 1)]);
    let later = repo
        .daily_views(alice, next_day.date_naive())
        .await
        .unwrap();
    assert_eq!(later.len(), 1);
    let never = NaiveDate::from_ymd_opt(2100, 1, 1).unwrap();
    assert!(repo.daily_views(alice, never).await.unwrap().is_empty());

    assert!(!repo.toggle_public(alice).await.unwrap().unwrap().is_public);
    assert_eq!(
        repo.record_view("private-slug", at(90)).await.unwrap(),
        None
    );
    assert_eq!(repo.toggle_public(UserId(999_999)).await.unwrap(), None);
}

async fn documents_are_per_user_and_slugs_unique(test_db: TestDb) {
    let db = migrated(&test_db);
    let repo = DieselCvBuilderRepository::new(db.clone());
    let (alice, bob) = (
        user(&db, "alice@example.com").await,
        user(&db, "bob@example.com").await,
    );
    repo.save(save(alice, "slug-a", None, 0)).await.unwrap();
    let mut b = save(bob, "slug-b", None, 0);
    b.title = Some("Mon CV".into());
    let bob_cv = repo.save(b).await.unwrap().cv;
    assert_eq!(bob_cv.title.as_deref(), Some("Mon CV"));
    assert_ne!(repo.find(alice).await.unwrap().unwrap().id, bob_cv.id);
    // A slug already taken cannot be given to another document.
    let carol = user(&db, "carol@example.com").await;
    assert!(repo.save(save(carol, "slug-a", None, 0)).await.is_err());
    assert_eq!(repo.find(carol).await.unwrap(), None);
}

async fn delete_removes_the_document_and_its_counters(test_db: TestDb) {
    let db = migrated(&test_db);
    let repo = DieselCvBuilderRepository::new(db.clone());
    let alice = user(&db, "alice@example.com").await;
    repo.save(save(alice, "slug-a", Some("images/cv-photos/p.png"), 0))
        .await
        .unwrap();
    repo.toggle_public(alice).await.unwrap();
    repo.record_view("slug-a", at(0)).await.unwrap();
    assert_eq!(
        repo.delete(alice).await.unwrap(),
        Some(Some(FileKey::parse("images/cv-photos/p.png").unwrap()))
    );
    assert_eq!(repo.delete(alice).await.unwrap(), None);
    assert_eq!(repo.find_public("slug-a").await.unwrap(), None);
    assert!(
        repo.daily_views(alice, at(-86_400).date_naive())
            .await
            .unwrap()
            .is_empty()
    );
}

async fn deleting_the_account_takes_the_document_and_reports_its_photo(test_db: TestDb) {
    let db = migrated(&test_db);
    let repo = DieselCvBuilderRepository::new(db.clone());
    let alice = user(&db, "alice@example.com").await;
    repo.save(save(alice, "slug-a", Some("images/cv-photos/p.png"), 0))
        .await
        .unwrap();
    repo.toggle_public(alice).await.unwrap();
    repo.record_view("slug-a", at(0)).await.unwrap();
    let users = DieselUserRepository::new(db.clone());
    let removal = AccountRemoval::decide(alice, &[], at(5));
    let Commit::Done(deleted) = users.delete_account(removal).await.unwrap() else {
        panic!("the account is deleted");
    };
    assert_eq!(
        deleted.image_keys,
        vec!["images/cv-photos/p.png".to_owned()]
    );
    assert_eq!(repo.find_public("slug-a").await.unwrap(), None);
}

intowork_testkit::test_both_backends!(
    save_then_reload_keeps_the_document_and_its_slug,
    views_count_only_public_documents_once_per_call,
    documents_are_per_user_and_slugs_unique,
    delete_removes_the_document_and_its_counters,
    deleting_the_account_takes_the_document_and_reports_its_photo,
);
