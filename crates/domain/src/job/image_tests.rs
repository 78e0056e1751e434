//! A job's picture: owner only, a new key per upload, the old object removed once the row points
//! at the new one, nothing left behind by a failure; a deleted job's picture goes with it.

use super::tests::{job, listing, service_with_images, two_employers, user};
use super::*;
use crate::error::RepoError;
use crate::files::{FileKey, MockFileStore};
use crate::ids::JobId;
use crate::image::{ImageFormat, ImageKind, ImageRejected, MockImageKeys, ReplacedImage};
use crate::ports::Commit;
use crate::user::Role;

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
const NEW_KEY: &str = "images/jobs/new.png";

/// Job 7 is employer 1's (user 10) and shows `images/jobs/old.png`.
fn owned_job(jobs: &mut MockJobRepository) {
    jobs.expect_find().returning(|id| {
        let mut j = job(id.get(), 1, JobStatus::Published);
        j.image_key = Some("images/jobs/old.png".into());
        Ok((id.get() == 7).then_some(j))
    });
}

fn new_key() -> MockImageKeys {
    let mut keys = MockImageKeys::new();
    keys.expect_new_key()
        .withf(|kind, format| *kind == ImageKind::JobImage && *format == ImageFormat::Png)
        .returning(|_, _| FileKey::parse(NEW_KEY).unwrap());
    keys
}

#[tokio::test]
async fn the_owner_replaces_the_picture_and_the_old_object_goes() {
    let mut jobs = MockJobRepository::new();
    owned_job(&mut jobs);
    jobs.expect_replace_image()
        .withf(|id, key, _| *id == JobId(7) && key == NEW_KEY)
        .times(1)
        .returning(|_, _, _| {
            Ok(Some(ReplacedImage {
                previous_key: Some("images/jobs/old.png".into()),
            }))
        });
    jobs.expect_find_listing().returning(|id, _| {
        let mut j = job(id.get(), 1, JobStatus::Published);
        j.image_key = Some(NEW_KEY.into());
        Ok(Some(listing(j, 10, true)))
    });
    let mut files = MockFileStore::new();
    let mut seq = mockall::Sequence::new();
    files
        .expect_put()
        .withf(|k, _| k.as_str() == NEW_KEY)
        .times(1)
        .in_sequence(&mut seq)
        .returning(|_, _| Ok(()));
    files
        .expect_delete()
        .withf(|k| k.as_str() == "images/jobs/old.png")
        .times(1)
        .in_sequence(&mut seq)
        .returning(|_| Ok(()));
    let svc = service_with_images(jobs, two_employers(), files, new_key());
    let l = svc
        .replace_image(&user(10, Role::Employer), JobId(7), PNG.to_vec())
        .await
        .unwrap();
    assert_eq!(l.job.image_key.as_deref(), Some(NEW_KEY));
}

#[tokio::test]
async fn a_rival_or_a_missing_job_stores_nothing() {
    let mut jobs = MockJobRepository::new();
    owned_job(&mut jobs);
    jobs.expect_replace_image().never();
    let mut files = MockFileStore::new();
    files.expect_put().never();
    files.expect_delete().never();
    let svc = service_with_images(jobs, two_employers(), files, MockImageKeys::new());
    for (who, id) in [(20, 7), (10, 8), (30, 7)] {
        let u = user(who, Role::Employer);
        assert!(matches!(
            svc.replace_image(&u, JobId(id), PNG.to_vec()).await,
            Err(JobImageError::NotFound)
        ));
        assert!(matches!(
            svc.check_image_owner(&u, JobId(id)).await,
            Err(JobImageError::NotFound)
        ));
    }
    svc.check_image_owner(&user(10, Role::Employer), JobId(7))
        .await
        .unwrap();
}

#[tokio::test]
async fn an_svg_is_refused_before_anything_is_written() {
    let mut jobs = MockJobRepository::new();
    owned_job(&mut jobs);
    jobs.expect_replace_image().never();
    let mut files = MockFileStore::new();
    files.expect_put().never();
    let svc = service_with_images(jobs, two_employers(), files, MockImageKeys::new());
    let err = svc
        .replace_image(&user(10, Role::Employer), JobId(7), b"<svg/>".to_vec())
        .await
        .unwrap_err();
    assert!(matches!(err, JobImageError::Rejected(ImageRejected::Svg)));
}

#[tokio::test]
async fn a_failed_row_write_removes_the_new_object_and_keeps_the_old() {
    let mut jobs = MockJobRepository::new();
    owned_job(&mut jobs);
    jobs.expect_replace_image()
        .returning(|_, _, _| Err(RepoError::Internal("boom".into())));
    let mut files = MockFileStore::new();
    files.expect_put().returning(|_, _| Ok(()));
    files
        .expect_delete()
        .withf(|k| k.as_str() == NEW_KEY)
        .times(1)
        .returning(|_| Ok(()));
    let svc = service_with_images(jobs, two_employers(), files, new_key());
    let err = svc
        .replace_image(&user(10, Role::Employer), JobId(7), PNG.to_vec())
        .await
        .unwrap_err();
    assert!(matches!(err, JobImageError::Repo(_)));
}

#[tokio::test]
async fn deleting_a_job_removes_its_picture() {
    let mut jobs = MockJobRepository::new();
    owned_job(&mut jobs);
    jobs.expect_applicants().returning(|_| Ok(Vec::new()));
    jobs.expect_delete().returning(|_| Ok(Commit::Done(())));
    let mut files = MockFileStore::new();
    files
        .expect_delete()
        .withf(|k| k.as_str() == "images/jobs/old.png")
        .times(1)
        .returning(|_| Ok(()));
    let svc = service_with_images(jobs, two_employers(), files, MockImageKeys::new());
    let removal = svc
        .delete(&user(10, Role::Employer), JobId(7))
        .await
        .unwrap();
    assert_eq!(removal, JobRemoval::Deleted);
}
