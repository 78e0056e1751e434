use std::sync::Arc;

use chrono::{DateTime, TimeZone, Utc};

use super::*;
use crate::candidate::MockCandidateRepository;
use crate::error::RepoError;
use crate::files::{FileKey, FileStoreError, MockFileStore};
use crate::ids::{CandidateId, CvId, UserId};
use crate::ports::MockClock;
use crate::user::{Role, User};

const NOW: i64 = 1_800_000_000;

fn now() -> DateTime<Utc> {
    Utc.timestamp_opt(NOW, 0).unwrap()
}

fn user(role: Role) -> User {
    User {
        id: UserId(1),
        email: "c@example.com".into(),
        role,
        first_name: "C".into(),
        last_name: "D".into(),
        name: None,
        image: None,
        is_active: true,
        token_version: 0,
        password_hash: None,
        created_at: now(),
        updated_at: now(),
    }
}

fn cv(id: i64) -> Cv {
    Cv {
        id: CvId(id),
        candidate_id: CandidateId(10),
        filename: "mine.pdf".into(),
        storage_key: format!("cv/{id}.pdf"),
        file_size: 9,
        is_active: true,
        created_at: now(),
    }
}

#[derive(Default)]
struct Mocks {
    cvs: MockCvRepository,
    candidates: MockCandidateRepository,
    files: MockFileStore,
    keys: MockKeyGenerator,
    signer: MockLinkSigner,
}

impl Mocks {
    fn candidate(mut self) -> Self {
        self.candidates
            .expect_candidate_id()
            .returning(|_| Ok(Some(CandidateId(10))));
        self
    }

    fn service(self) -> CvService {
        let mut clock = MockClock::new();
        clock.expect_now().returning(now);
        CvService::new(
            Arc::new(self.cvs),
            Arc::new(self.candidates),
            Arc::new(self.files),
            Arc::new(self.keys),
            Arc::new(self.signer),
            Arc::new(clock),
            CvLimits {
                max_bytes: 1024,
                max_cvs: 2,
            },
        )
    }
}

fn pdf(len: usize) -> Vec<u8> {
    let mut v = b"%PDF-1.7\n".to_vec();
    v.resize(len.max(9), b'x');
    v
}

fn upload(ct: &str, bytes: Vec<u8>) -> CvUpload {
    CvUpload {
        filename: Some("../../etc/passwd\n.pdf".into()),
        content_type: Some(ct.into()),
        bytes,
    }
}

#[test]
fn filenames_are_reduced_to_a_safe_display_name() {
    assert_eq!(sanitize_filename("../../etc/passwd"), "passwd");
    assert_eq!(
        sanitize_filename("C:\\Users\\me\\CV final.pdf"),
        "CV final.pdf"
    );
    assert_eq!(
        sanitize_filename("evil\r\nX-Header: 1.pdf"),
        "evilX-Header 1.pdf"
    );
    assert_eq!(sanitize_filename("\"quoted\".pdf"), "quoted.pdf");
    assert_eq!(sanitize_filename(""), "cv.pdf");
    assert_eq!(sanitize_filename("../"), "cv.pdf");
    assert_eq!(sanitize_filename(".hidden.pdf"), "hidden.pdf");
    assert_eq!(sanitize_filename(&"é".repeat(500)).chars().count(), 150);
    assert_eq!(sanitize_filename("Résumé 日本.pdf"), "Résumé 日本.pdf");
}

#[tokio::test]
async fn rejected_uploads_store_nothing() {
    for (ct, bytes) in [
        ("text/plain", pdf(10)),
        ("application/pdf", b"MZ\x90\x00 not a pdf".to_vec()),
        ("application/pdf", pdf(1025)),
    ] {
        let mut m = Mocks::default().candidate();
        m.files.expect_put().never();
        m.cvs.expect_insert_within_limit().never();
        let err = m
            .service()
            .upload(&user(Role::Candidate), upload(ct, bytes))
            .await
            .unwrap_err();
        assert!(
            matches!(err, UploadCvError::NotPdf | UploadCvError::TooLarge { .. }),
            "{err:?}"
        );
    }
}

#[tokio::test]
async fn a_failed_storage_write_inserts_no_row() {
    let mut m = Mocks::default().candidate();
    m.keys
        .expect_cv_key()
        .returning(|| FileKey::parse("cv/new.pdf").unwrap());
    m.files
        .expect_put()
        .returning(|_, _| Err(FileStoreError::Backend("disk full".into())));
    m.cvs.expect_insert_within_limit().never();
    let err = m
        .service()
        .upload(&user(Role::Candidate), upload("application/pdf", pdf(100)))
        .await
        .unwrap_err();
    assert!(matches!(err, UploadCvError::Storage(_)));
}

#[tokio::test]
async fn a_failed_insert_removes_the_file_again() {
    for (insert_err, limit) in [
        (InsertCvError::LimitReached, true),
        (InsertCvError::Repo(RepoError::Internal("x".into())), false),
    ] {
        let mut m = Mocks::default().candidate();
        m.keys
            .expect_cv_key()
            .returning(|| FileKey::parse("cv/new.pdf").unwrap());
        m.files.expect_put().times(1).returning(|_, _| Ok(()));
        let mut once = Some(insert_err);
        m.cvs
            .expect_insert_within_limit()
            .returning(move |_, _| Err(once.take().unwrap()));
        m.files
            .expect_delete()
            .withf(|k| k.as_str() == "cv/new.pdf")
            .times(1)
            .returning(|_| Ok(()));
        let err = m
            .service()
            .upload(&user(Role::Candidate), upload("application/pdf", pdf(100)))
            .await
            .unwrap_err();
        assert_eq!(matches!(err, UploadCvError::TooMany { max: 2 }), limit);
    }
}

#[tokio::test]
async fn a_successful_upload_stores_a_server_key_and_a_clean_name() {
    let mut m = Mocks::default().candidate();
    m.keys
        .expect_cv_key()
        .returning(|| FileKey::parse("cv/abc.pdf").unwrap());
    m.files
        .expect_put()
        .withf(|k, b| k.as_str() == "cv/abc.pdf" && b.len() == 100)
        .returning(|_, _| Ok(()));
    m.cvs
        .expect_insert_within_limit()
        .withf(|n, max| {
            n.storage_key == "cv/abc.pdf"
                && n.filename == "passwd.pdf"
                && n.file_size == 100
                && *max == 2
        })
        .returning(|n, _| {
            Ok(Cv {
                filename: n.filename,
                ..cv(5)
            })
        });
    m.files.expect_delete().never();
    let up = m
        .service()
        .upload(
            &user(Role::Candidate),
            upload("application/pdf; charset=binary", pdf(100)),
        )
        .await
        .unwrap();
    assert_eq!(up.cv.filename, "passwd.pdf");
}

#[tokio::test]
async fn deleting_a_referenced_cv_keeps_the_file() {
    let mut m = Mocks::default().candidate();
    m.cvs
        .expect_remove()
        .returning(|_, _| Ok(Some(CvRemoval::Deactivated)));
    m.files.expect_delete().never();
    m.service().delete(UserId(1), CvId(5)).await.unwrap();

    let mut m = Mocks::default().candidate();
    m.cvs.expect_remove().returning(|_, _| {
        Ok(Some(CvRemoval::Deleted {
            storage_key: "cv/5.pdf".into(),
        }))
    });
    m.files
        .expect_delete()
        .withf(|k| k.as_str() == "cv/5.pdf")
        .times(1)
        .returning(|_| Ok(()));
    m.service().delete(UserId(1), CvId(5)).await.unwrap();

    let mut m = Mocks::default().candidate();
    m.cvs.expect_remove().returning(|_, _| Ok(None));
    m.files.expect_delete().never();
    assert!(matches!(
        m.service().delete(UserId(1), CvId(5)).await,
        Err(CvAccessError::CvNotFound)
    ));
}

#[tokio::test]
async fn viewers_other_than_owner_employer_with_application_or_admin_get_not_found() {
    // An employer without an application from this candidate.
    let mut m = Mocks::default();
    m.cvs
        .expect_employer_has_applicant()
        .returning(|_, _| Ok(false));
    m.cvs.expect_current().never();
    m.files.expect_get().never();
    let err = m
        .service()
        .download_for_viewer(&user(Role::Employer), CandidateId(10))
        .await
        .unwrap_err();
    assert!(matches!(err, CvAccessError::CvNotFound));

    // Another candidate.
    let mut m = Mocks::default();
    m.candidates
        .expect_candidate_id()
        .returning(|_| Ok(Some(CandidateId(11))));
    m.cvs.expect_current().never();
    let err = m
        .service()
        .download_for_viewer(&user(Role::Candidate), CandidateId(10))
        .await
        .unwrap_err();
    assert!(matches!(err, CvAccessError::CvNotFound));

    // An employer with an application, and an admin.
    for role in [Role::Employer, Role::Admin] {
        let mut m = Mocks::default();
        m.cvs
            .expect_employer_has_applicant()
            .returning(|_, _| Ok(true));
        m.cvs.expect_current().returning(|_| Ok(Some(cv(5))));
        m.files.expect_get().returning(|_| Ok(b"%PDF-1".to_vec()));
        let file = m
            .service()
            .download_for_viewer(&user(role), CandidateId(10))
            .await
            .unwrap();
        assert_eq!(file.id, CvId(5));
    }
}

#[tokio::test]
async fn signed_links_are_checked_before_anything_is_read() {
    let mut m = Mocks::default();
    m.signer
        .expect_sign()
        .returning(|msg| format!("sig({msg})"));
    m.signer
        .expect_verify()
        .returning(|msg, sig| sig == format!("sig({msg})"));
    m.cvs
        .expect_find_any()
        .returning(|id| Ok(Some(cv(id.get()))));
    m.files.expect_get().returning(|_| Ok(b"%PDF-1".to_vec()));
    let svc = m.service();
    let link = svc.signed_link(CvId(5));
    let expires = NOW + LINK_TTL_MINUTES * 60;
    assert_eq!(
        link,
        format!("api/files/cvs/5?expires={expires}&signature=sig(cv-link:v1:5:{expires})")
    );
    let good = format!("sig(cv-link:v1:5:{expires})");
    assert!(svc.download_signed(CvId(5), expires, &good).await.is_ok());
    // Another CV id, a moved expiry, a wrong signature.
    assert!(matches!(
        svc.download_signed(CvId(6), expires, &good).await,
        Err(CvAccessError::BadLink)
    ));
    assert!(matches!(
        svc.download_signed(CvId(5), expires + 60, &good).await,
        Err(CvAccessError::BadLink)
    ));
    assert!(matches!(
        svc.download_signed(CvId(5), expires, "00").await,
        Err(CvAccessError::BadLink)
    ));
    // Expired (correctly signed, but in the past).
    let past = NOW - 1;
    let sig = format!("sig(cv-link:v1:5:{past})");
    assert!(matches!(
        svc.download_signed(CvId(5), past, &sig).await,
        Err(CvAccessError::BadLink)
    ));
}

#[tokio::test]
async fn a_failed_row_delete_leaves_the_file() {
    let mut m = Mocks::default().candidate();
    m.cvs
        .expect_remove()
        .returning(|_, _| Err(RepoError::Unavailable("db down".into())));
    m.files.expect_delete().never();
    let err = m.service().delete(UserId(1), CvId(5)).await.unwrap_err();
    assert!(matches!(
        err,
        CvAccessError::Repo(RepoError::Unavailable(_))
    ));
}

#[tokio::test]
async fn a_candidate_without_a_profile_row_gets_one_on_upload() {
    let mut m = Mocks::default();
    m.candidates.expect_candidate_id().returning(|_| Ok(None));
    m.candidates
        .expect_load_or_create()
        .times(1)
        .returning(|u, _| {
            Ok(crate::candidate::CandidateProfile {
                id: CandidateId(10),
                user_id: u,
                phone: None,
                location: None,
                linkedin_url: None,
                website_url: None,
                title: None,
                summary: None,
                years_experience: None,
                salary_expectation_min: None,
                salary_expectation_max: None,
                current_cv: None,
                experiences: vec![],
                educations: vec![],
                skills: vec![],
            })
        });
    m.keys
        .expect_cv_key()
        .returning(|| FileKey::parse("cv/new.pdf").unwrap());
    m.files.expect_put().returning(|_, _| Ok(()));
    m.cvs
        .expect_insert_within_limit()
        .withf(|n, _| n.candidate_id == CandidateId(10))
        .returning(|n, _| {
            Ok(Cv {
                candidate_id: n.candidate_id,
                ..cv(5)
            })
        });
    let up = m
        .service()
        .upload(&user(Role::Candidate), upload("application/pdf", pdf(50)))
        .await
        .unwrap();
    assert_eq!(up.cv.candidate_id, CandidateId(10));

    // Other roles never get a candidate row.
    let mut m = Mocks::default();
    m.candidates.expect_candidate_id().returning(|_| Ok(None));
    m.candidates.expect_load_or_create().never();
    m.files.expect_put().never();
    let err = m
        .service()
        .upload(&user(Role::Employer), upload("application/pdf", pdf(50)))
        .await
        .unwrap_err();
    assert!(matches!(err, UploadCvError::ProfileMissing));
}
