use std::collections::HashSet;
use std::sync::Arc;
use std::time::{Duration as StdDuration, SystemTime};

use chrono::{DateTime, Duration, TimeZone, Utc};
use mockall::predicate::eq;

use super::*;
use crate::files::{FileKey, FileStoreError, MockFileStore, StoredFile};
use crate::ids::CvId;
use crate::ports::MockClock;

const NOW: i64 = 1_800_000_000;

fn now() -> DateTime<Utc> {
    Utc.timestamp_opt(NOW, 0).unwrap()
}

fn key(raw: &str) -> FileKey {
    FileKey::parse(raw).unwrap()
}

fn stored(raw: &str, age_secs: u64) -> StoredFile {
    StoredFile {
        key: key(raw),
        modified: SystemTime::from(now()) - StdDuration::from_secs(age_secs),
    }
}

fn purgeable(id: i64) -> PurgeableCv {
    PurgeableCv {
        id: CvId(id),
        storage_key: format!("cv/{id}.pdf"),
        final_applications: 1,
    }
}

fn service(repo: MockCvMaintenanceRepository, files: MockFileStore) -> CvCleanup {
    let mut clock = MockClock::new();
    clock.expect_now().returning(now);
    CvCleanup::new(Arc::new(repo), Arc::new(files), Arc::new(clock))
}

fn options(dry_run: bool) -> CleanupOptions {
    CleanupOptions {
        inactive_older_than: Duration::days(30),
        dry_run,
    }
}

/// Storage: the purgeable CV 1's file, a referenced file, an old orphan and a young orphan.
fn listing() -> Vec<StoredFile> {
    vec![
        stored("cv/1.pdf", 90 * 86_400),
        stored("cv/kept.pdf", 90 * 86_400),
        stored("cv/old-orphan.pdf", 7200),
        stored("cv/young-orphan.pdf", 60),
    ]
}

#[tokio::test]
async fn a_dry_run_reports_and_changes_nothing() {
    let mut repo = MockCvMaintenanceRepository::new();
    repo.expect_purgeable()
        .with(eq(now() - Duration::days(30)))
        .returning(|_| Ok(vec![purgeable(1)]));
    repo.expect_purge().never();
    repo.expect_referenced_keys().returning(|| {
        Ok(["cv/1.pdf", "cv/kept.pdf", "cv/missing.pdf"]
            .map(str::to_owned)
            .into())
    });
    let mut files = MockFileStore::new();
    files.expect_list().returning(|_| Ok(listing()));
    files.expect_delete().never();

    let report = service(repo, files).run(options(true)).await.unwrap();
    assert!(report.dry_run);
    assert_eq!(report.purged, [purgeable(1)]);
    assert_eq!(report.cleared_applications(), 1);
    assert_eq!(report.orphans, ["cv/old-orphan.pdf"]);
    assert_eq!(report.recent_unreferenced, ["cv/young-orphan.pdf"]);
    assert_eq!(report.rows_without_file, ["cv/missing.pdf"]);
}

#[tokio::test]
async fn a_run_purges_then_removes_the_files_and_only_old_orphans() {
    let mut repo = MockCvMaintenanceRepository::new();
    repo.expect_purgeable()
        .returning(|_| Ok(vec![purgeable(1), purgeable(2)]));
    // CV 2 stopped qualifying between the two calls: only CV 1 is purged.
    repo.expect_purge()
        .withf(|_, ids| ids == &[CvId(1), CvId(2)])
        .times(1)
        .returning(|_, _| Ok(vec![purgeable(1)]));
    repo.expect_referenced_keys()
        .returning(|| Ok(["cv/2.pdf", "cv/kept.pdf"].map(str::to_owned).into()));
    let mut files = MockFileStore::new();
    files.expect_list().returning(|_| {
        Ok(vec![stored("cv/2.pdf", 86_400)]
            .into_iter()
            .chain(listing().into_iter().skip(1))
            .collect())
    });
    files
        .expect_delete()
        .withf(|k| k.as_str() == "cv/1.pdf")
        .times(1)
        .returning(|_| Ok(()));
    files
        .expect_delete()
        .withf(|k| k.as_str() == "cv/old-orphan.pdf")
        .times(1)
        .returning(|_| Ok(()));

    let report = service(repo, files).run(options(false)).await.unwrap();
    assert_eq!(report.purged, [purgeable(1)]);
    assert_eq!(report.orphans, ["cv/old-orphan.pdf"]);
    assert_eq!(report.recent_unreferenced, ["cv/young-orphan.pdf"]);
    assert!(report.file_failures.is_empty());
    assert!(report.rows_without_file.is_empty());
}

#[tokio::test]
async fn a_file_that_cannot_be_removed_is_reported_not_fatal() {
    let mut repo = MockCvMaintenanceRepository::new();
    repo.expect_purgeable()
        .returning(|_| Ok(vec![purgeable(1)]));
    repo.expect_purge().returning(|_, _| Ok(vec![purgeable(1)]));
    repo.expect_referenced_keys()
        .returning(|| Ok(HashSet::new()));
    let mut files = MockFileStore::new();
    // The purged file is still there (its removal failed) and old: it is not deleted twice.
    files
        .expect_list()
        .returning(|_| Ok(vec![stored("cv/1.pdf", 86_400)]));
    files
        .expect_delete()
        .times(1)
        .returning(|_| Err(FileStoreError::Backend("denied".into())));

    let report = service(repo, files).run(options(false)).await.unwrap();
    assert_eq!(report.purged, [purgeable(1)]);
    assert_eq!(report.file_failures.len(), 1);
    assert_eq!(report.file_failures[0].0, "cv/1.pdf");
    assert!(report.orphans.is_empty());
}

#[tokio::test]
async fn nothing_to_purge_skips_the_transaction() {
    let mut repo = MockCvMaintenanceRepository::new();
    repo.expect_purgeable().returning(|_| Ok(Vec::new()));
    repo.expect_purge().never();
    repo.expect_referenced_keys()
        .returning(|| Ok(HashSet::new()));
    let mut files = MockFileStore::new();
    files.expect_list().returning(|_| Ok(Vec::new()));
    let report = service(repo, files).run(options(false)).await.unwrap();
    assert_eq!(
        report,
        CleanupReport {
            dry_run: false,
            cutoff: Some(now() - Duration::days(30)),
            ..CleanupReport::default()
        }
    );
}
