//! The company logo: uploaded under a new key with an absolute link, the old object removed once
//! replaced, and released when `logo_url` is changed by hand.

use chrono::{DateTime, Utc};

use super::tests::{company, employer, now, service_with_files, user};
use super::*;
use crate::error::RepoError;
use crate::files::{FileKey, MockFileStore};
use crate::ids::CompanyId;
use crate::image::{ImageRejected, MockImageKeys, ReplacedImage};
use crate::user::Role;

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

fn repo_with(company_id: Option<i64>) -> MockCompanyRepository {
    let mut repo = MockCompanyRepository::new();
    repo.expect_employer_by_user()
        .returning(move |_| Ok(Some(employer(company_id))));
    repo
}

fn keys() -> MockImageKeys {
    let mut keys = MockImageKeys::new();
    keys.expect_new_key()
        .returning(|_, _| FileKey::parse("images/logos/n.png").unwrap());
    keys
}

#[test]
fn a_logo_key_stays_while_logo_url_does() {
    let url = Some("https://api.test/api/images/logos/a.png");
    assert!(logo_key_kept(url, url));
    assert!(!logo_key_kept(url, Some("https://cdn.test/logo.png")));
    assert!(!logo_key_kept(url, None));
    assert!(logo_key_kept(None, None));
}

#[tokio::test]
async fn the_upload_writes_the_link_and_removes_the_old_logo() {
    let mut repo = repo_with(Some(4));
    repo.expect_replace_logo()
        .withf(|id, key, url, at: &DateTime<Utc>| {
            *id == CompanyId(4)
                && key == "images/logos/n.png"
                && url == "https://api.test/api/images/logos/n.png"
                && *at == now()
        })
        .times(1)
        .returning(|_, _, _, _| {
            Ok(Some(ReplacedImage {
                previous_key: Some("images/logos/old.webp".into()),
            }))
        });
    let mut files = MockFileStore::new();
    files.expect_put().times(1).returning(|_, _| Ok(()));
    files
        .expect_delete()
        .withf(|k| k.as_str() == "images/logos/old.webp")
        .times(1)
        .returning(|_| Ok(()));
    let svc = service_with_files(repo, files, keys());
    let logo = svc
        .replace_logo(&user(Role::Employer), PNG.to_vec(), |path| {
            format!("https://api.test/api/images/{path}")
        })
        .await
        .unwrap();
    assert_eq!(logo.logo_url, "https://api.test/api/images/logos/n.png");
    assert_eq!(logo.size, PNG.len());
}

#[tokio::test]
async fn without_a_company_or_with_an_svg_nothing_is_stored() {
    let mut files = MockFileStore::new();
    files.expect_put().never();
    let svc = service_with_files(repo_with(None), files, MockImageKeys::new());
    let err = svc
        .replace_logo(&user(Role::Employer), PNG.to_vec(), |p| p.to_owned())
        .await
        .unwrap_err();
    assert!(matches!(err, CompanyLogoError::CompanyNotFound));
    assert!(matches!(
        svc.check_logo_owner(&user(Role::Employer)).await,
        Err(CompanyLogoError::CompanyNotFound)
    ));

    let mut files = MockFileStore::new();
    files.expect_put().never();
    let svc = service_with_files(repo_with(Some(4)), files, MockImageKeys::new());
    let err = svc
        .replace_logo(&user(Role::Employer), b"<svg/>".to_vec(), |p| p.to_owned())
        .await
        .unwrap_err();
    assert!(matches!(
        err,
        CompanyLogoError::Rejected(ImageRejected::Svg)
    ));
}

#[tokio::test]
async fn a_failed_write_removes_the_new_object() {
    let mut repo = repo_with(Some(4));
    repo.expect_replace_logo()
        .returning(|_, _, _, _| Err(RepoError::Internal("boom".into())));
    let mut files = MockFileStore::new();
    files.expect_put().returning(|_, _| Ok(()));
    files
        .expect_delete()
        .withf(|k| k.as_str() == "images/logos/n.png")
        .times(1)
        .returning(|_| Ok(()));
    let svc = service_with_files(repo, files, keys());
    let err = svc
        .replace_logo(&user(Role::Employer), PNG.to_vec(), |p| p.to_owned())
        .await
        .unwrap_err();
    assert!(matches!(err, CompanyLogoError::Repo(_)));
}

#[tokio::test]
async fn a_released_logo_is_removed_after_the_save() {
    let mut repo = repo_with(Some(4));
    repo.expect_find_company()
        .returning(|id| Ok(Some(company(id.get(), "Acme"))));
    repo.expect_save_company().times(1).returning(|c, _| {
        Ok(Some(SavedCompany {
            company: c,
            released_logo_key: Some("images/logos/old.png".into()),
        }))
    });
    let mut files = MockFileStore::new();
    files
        .expect_delete()
        .withf(|k| k.as_str() == "images/logos/old.png")
        .times(1)
        .returning(|_| Ok(()));
    let svc = service_with_files(repo, files, MockImageKeys::new());
    let patch = CompanyPatch {
        logo_url: Some(Some("https://cdn.test/logo.png".into())),
        ..CompanyPatch::default()
    };
    let saved = svc
        .update_my_company(&user(Role::Employer), patch)
        .await
        .unwrap();
    assert_eq!(
        saved.details.logo_url.as_deref(),
        Some("https://cdn.test/logo.png")
    );
}
