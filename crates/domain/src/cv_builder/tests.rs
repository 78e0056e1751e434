use std::sync::Arc;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use mockall::predicate::eq;

use super::*;
use crate::error::RepoError;
use crate::files::{FileKey, FileStoreError, MockFileStore};
use crate::ids::{CvDocumentId, UserId};
use crate::image::{
    IMAGE_MAX_BYTES, ImageFormat, ImageKind, ImageRejected, ImageStore, MockImageKeys,
};
use crate::ports::MockClock;

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

fn now() -> DateTime<Utc> {
    Utc.timestamp_opt(1_800_000_000, 0).unwrap()
}

fn key(name: &str) -> FileKey {
    FileKey::parse(&format!("images/cv-photos/{name}")).unwrap()
}

fn document() -> CvDocument {
    CvDocument {
        personal: PersonalInfo {
            first_name: "Élodie".into(),
            last_name: "N'Diaye".into(),
            ..PersonalInfo::default()
        },
        skills: vec![Skill {
            id: "k1".into(),
            name: "Rust".into(),
            level: 3,
        }],
        ..CvDocument::default()
    }
}

fn saved(photo: Option<FileKey>) -> SavedCv {
    SavedCv {
        id: CvDocumentId(7),
        user: UserId(1),
        slug: "0123456789abcdef0123456789abcdef".into(),
        title: Some("CV de Élodie N'Diaye".into()),
        template: CvTemplate::Bold,
        is_public: false,
        document: document(),
        photo,
        views_count: 4,
        downloads_count: 0,
        created_at: now(),
        updated_at: now(),
    }
}

fn command(photo: PhotoInput) -> SaveCommand {
    SaveCommand {
        document: document(),
        photo,
        template: CvTemplate::Bold,
        title: None,
        is_public: false,
    }
}

#[derive(Default)]
struct Mocks {
    repo: MockCvBuilderRepository,
    files: MockFileStore,
    keys: MockImageKeys,
    names: MockCvBuilderNames,
}

impl Mocks {
    fn service(mut self) -> CvBuilderService {
        self.names.expect_slug().returning(|| "s".repeat(32));
        let mut clock = MockClock::new();
        clock.expect_now().returning(now);
        CvBuilderService::new(
            Arc::new(self.repo),
            ImageStore::new(Arc::new(self.files), Arc::new(self.keys)),
            Arc::new(self.names),
            Arc::new(clock),
        )
    }
}

#[test]
fn templates_are_read_leniently_as_head_does() {
    assert_eq!(
        CvTemplate::parse_lenient("Executive"),
        CvTemplate::Executive
    );
    assert_eq!(CvTemplate::parse_lenient("fancy"), CvTemplate::Elegance);
    assert_eq!(CvTemplate::parse("BOLD"), None);
}

#[test]
fn caps_report_every_problem_with_its_path() {
    let mut doc = document();
    doc.personal.summary = "é".repeat(MAX_LONG_TEXT + 1);
    doc.skills[0].level = 101;
    doc.languages = vec![Language::default(); MAX_LANGUAGES + 1];
    doc.experiences = vec![Experience {
        position: "x".repeat(MAX_SHORT_TEXT + 1),
        ..Experience::default()
    }];
    let problems = check(&doc);
    let paths: Vec<_> = problems
        .iter()
        .map(|p| (p.path.clone(), p.kind.clone()))
        .collect();
    use PathStep::{Field, Index};
    assert_eq!(
        paths,
        [
            (
                vec![Field("personalInfo"), Field("summary")],
                ProblemKind::TooLong {
                    max_chars: MAX_LONG_TEXT
                }
            ),
            (
                vec![Field("experiences"), Index(0), Field("position")],
                ProblemKind::TooLong {
                    max_chars: MAX_SHORT_TEXT
                }
            ),
            (
                vec![Field("skills"), Index(0), Field("level")],
                ProblemKind::OutOfRange {
                    min: 0,
                    max: 100,
                    value: 101
                }
            ),
            (
                vec![Field("languages")],
                ProblemKind::TooMany {
                    max_items: MAX_LANGUAGES,
                    items: MAX_LANGUAGES + 1
                }
            ),
        ]
    );
    // Characters, not bytes: a summary of accented letters at the cap passes.
    let mut ok = document();
    ok.personal.summary = "é".repeat(MAX_LONG_TEXT);
    assert!(check(&ok).is_empty());
}

#[test]
fn kept_photos_are_cv_photo_links_only() {
    assert_eq!(kept_photo("abc123.png"), Some(key("abc123.png")));
    for bad in ["abc.gif", "../x.png", ".png", "a/b.png", "abc"] {
        assert_eq!(kept_photo(bad), None, "{bad}");
    }
}

#[tokio::test]
async fn an_invalid_document_is_refused_before_anything_is_stored() {
    let mut m = Mocks::default();
    m.repo.expect_save().never();
    m.files.expect_put().never();
    let mut cmd = command(PhotoInput::Upload(PNG.to_vec()));
    cmd.document.skills[0].level = -1;
    let err = m.service().save(UserId(1), cmd).await.unwrap_err();
    assert!(matches!(err, SaveCvError::Invalid(p) if p.len() == 1));
}

#[tokio::test]
async fn a_new_photo_is_stored_then_saved_and_the_replaced_one_removed() {
    let mut m = Mocks::default();
    m.keys
        .expect_new_key()
        .with(eq(ImageKind::CvPhoto), eq(ImageFormat::Png))
        .returning(|_, _| key("new.png"));
    m.files
        .expect_put()
        .withf(|k, b| k == &key("new.png") && b == PNG)
        .times(1)
        .returning(|_, _| Ok(()));
    m.repo
        .expect_save()
        .withf(|s| {
            s.photo == Some(key("new.png"))
                && s.default_title == "CV de Élodie N'Diaye"
                && s.new_slug.len() == 32
                && s.title.is_none()
        })
        .returning(|s| {
            Ok(SavedVersion {
                cv: saved(s.photo),
                replaced_photo: Some(key("old.png")),
            })
        });
    m.files
        .expect_delete()
        .withf(|k| k == &key("old.png"))
        .times(1)
        .returning(|_| Ok(()));
    let cv = m
        .service()
        .save(UserId(1), command(PhotoInput::Upload(PNG.to_vec())))
        .await
        .unwrap();
    assert_eq!(cv.photo, Some(key("new.png")));
}

#[tokio::test]
async fn a_failed_save_removes_the_photo_it_stored() {
    let mut m = Mocks::default();
    m.keys.expect_new_key().returning(|_, _| key("new.png"));
    m.files.expect_put().returning(|_, _| Ok(()));
    m.repo
        .expect_save()
        .returning(|_| Err(RepoError::Unavailable("down".into())));
    m.files
        .expect_delete()
        .withf(|k| k == &key("new.png"))
        .times(1)
        .returning(|_| Ok(()));
    let err = m
        .service()
        .save(UserId(1), command(PhotoInput::Upload(PNG.to_vec())))
        .await
        .unwrap_err();
    assert!(matches!(err, SaveCvError::Repo(RepoError::Unavailable(_))));
}

#[tokio::test]
async fn photos_that_are_not_images_or_too_large_are_refused_unstored() {
    for (bytes, large) in [
        (b"<svg/>".to_vec(), false),
        ([PNG, &vec![0; IMAGE_MAX_BYTES]].concat(), true),
    ] {
        let mut m = Mocks::default();
        m.files.expect_put().never();
        m.repo.expect_save().never();
        let err = m
            .service()
            .save(UserId(1), command(PhotoInput::Upload(bytes)))
            .await
            .unwrap_err();
        if large {
            assert!(matches!(
                err,
                SaveCvError::Photo(ImageRejected::TooLarge { max_mib: 5 })
            ));
        } else {
            assert!(matches!(err, SaveCvError::Photo(ImageRejected::Svg)));
        }
    }
}

#[tokio::test]
async fn a_kept_photo_must_be_the_current_one() {
    let mut m = Mocks::default();
    m.repo
        .expect_find()
        .returning(|_| Ok(Some(saved(Some(key("mine.png"))))));
    m.repo.expect_save().never();
    let err = m
        .service()
        .save(UserId(1), command(PhotoInput::Keep(key("theirs.png"))))
        .await
        .unwrap_err();
    assert!(matches!(err, SaveCvError::UnknownPhoto));

    let mut m = Mocks::default();
    m.repo
        .expect_find()
        .returning(|_| Ok(Some(saved(Some(key("mine.png"))))));
    m.files.expect_put().never();
    m.files.expect_delete().never();
    m.repo.expect_save().returning(|s| {
        Ok(SavedVersion {
            cv: saved(s.photo),
            replaced_photo: None,
        })
    });
    let cv = m
        .service()
        .save(UserId(1), command(PhotoInput::Keep(key("mine.png"))))
        .await
        .unwrap();
    assert_eq!(cv.photo, Some(key("mine.png")));
}

#[tokio::test]
async fn private_or_unknown_slugs_are_not_found_and_reading_counts_nothing() {
    let mut m = Mocks::default();
    m.repo.expect_find_public().returning(|_| Ok(None));
    m.repo.expect_record_view().returning(|_, _| Ok(None));
    let s = m.service();
    assert!(matches!(s.public("x").await, Err(PublicCvError::NotFound)));
    assert!(matches!(
        s.track_view("x").await,
        Err(PublicCvError::NotFound)
    ));

    let mut m = Mocks::default();
    m.repo.expect_find_public().returning(|_| {
        let mut cv = saved(None);
        cv.is_public = true;
        Ok(Some(cv))
    });
    m.repo.expect_record_view().never();
    let cv = m.service().public("x").await.unwrap();
    assert_eq!(cv.views_count, 4);
}

#[tokio::test]
async fn analytics_cover_thirty_days_and_are_zero_without_a_cv() {
    let mut m = Mocks::default();
    m.repo.expect_find().returning(|_| Ok(None));
    m.repo.expect_daily_views().never();
    assert_eq!(
        m.service().analytics(UserId(1)).await.unwrap(),
        CvAnalytics::default()
    );

    let mut m = Mocks::default();
    m.repo.expect_find().returning(|_| Ok(Some(saved(None))));
    let day = NaiveDate::from_ymd_opt(2027, 1, 15).unwrap();
    m.repo
        .expect_daily_views()
        .with(
            eq(UserId(1)),
            eq(NaiveDate::from_ymd_opt(2026, 12, 16).unwrap()),
        )
        .returning(move |_, _| Ok(vec![DailyViews { day, views: 3 }]));
    let a = m.service().analytics(UserId(1)).await.unwrap();
    assert_eq!((a.total_views, a.views_by_date.len()), (4, 1));
}

#[tokio::test]
async fn deleting_removes_the_photo_after_the_row() {
    let mut m = Mocks::default();
    m.repo
        .expect_delete()
        .returning(|_| Ok(Some(Some(key("p.png")))));
    m.files
        .expect_delete()
        .withf(|k| k == &key("p.png"))
        .times(1)
        .returning(|_| Err(FileStoreError::Backend("x".into())));
    m.service().delete(UserId(1)).await.unwrap();

    let mut m = Mocks::default();
    m.repo.expect_delete().returning(|_| Ok(None));
    assert!(matches!(
        m.service().delete(UserId(1)).await,
        Err(OwnCvError::NotFound)
    ));
}
