//! Recognising uploads by their bytes, image keys and paths, and the image store over mocks.

use std::sync::Arc;

use super::*;
use crate::files::{FileKey, FileStoreError, MockFileStore};

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
const JPEG: &[u8] = &[0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, b'J', b'F', b'I', b'F'];
const WEBP: &[u8] = b"RIFF\x24\0\0\0WEBPVP8 ";

#[test]
fn formats_are_recognised_by_their_signatures_only() {
    assert_eq!(check_image(PNG), Ok(ImageFormat::Png));
    assert_eq!(check_image(JPEG), Ok(ImageFormat::Jpeg));
    assert_eq!(check_image(WEBP), Ok(ImageFormat::Webp));
    // A RIFF container that is not WebP (a WAV file), a GIF, a PDF, text, nothing at all.
    for other in [
        &b"RIFF\x24\0\0\0WAVEfmt "[..],
        b"GIF89a\x01\0\x01\0",
        b"%PDF-1.7",
        b"hello",
        b"",
        &PNG[..4],
    ] {
        assert_eq!(
            check_image(other),
            Err(ImageRejected::NotAnImage),
            "{other:?}"
        );
    }
}

#[test]
fn svg_is_refused_as_such() {
    for svg in [
        &b"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"[..],
        b"<?xml version=\"1.0\"?>\n<!-- logo -->\n<SVG></SVG>",
        b"\xEF\xBB\xBF  <svg/>",
    ] {
        assert_eq!(check_image(svg), Err(ImageRejected::Svg));
    }
}

#[test]
fn size_is_checked_first() {
    let mut big = PNG.to_vec();
    big.resize(IMAGE_MAX_BYTES, 0);
    assert_eq!(
        check_image(&big),
        Ok(ImageFormat::Png),
        "exactly 5 MiB is accepted"
    );
    big.push(0);
    assert_eq!(
        check_image(&big),
        Err(ImageRejected::TooLarge { max_mib: 5 })
    );
}

#[test]
fn formats_round_trip_through_their_extension() {
    for f in ImageFormat::ALL {
        assert_eq!(ImageFormat::from_extension(f.extension()), Some(f));
        assert!(f.content_type().starts_with("image/"));
    }
    assert_eq!(ImageFormat::from_extension("svg"), None);
    assert_eq!(ImageFormat::from_extension("pdf"), None);
}

#[test]
fn only_image_keys_have_public_paths() {
    let key = ImageKey::from_public_path("jobs", "0a1b.png").unwrap();
    assert_eq!(key.file_key().as_str(), "images/jobs/0a1b.png");
    assert_eq!(key.public_path(), "jobs/0a1b.png");
    assert_eq!(key.format(), ImageFormat::Png);
    assert_eq!(
        public_path("images/logos/ff.webp").as_deref(),
        Some("logos/ff.webp")
    );
    for (segment, name) in [
        ("cv", "0a1b.pdf"),
        ("jobs", "0a1b.pdf"),
        ("jobs", "0a1b.svg"),
        ("jobs", ".png"),
        ("jobs", "../x.png"),
        ("jobs", "a/b.png"),
        ("jobs", "A.png"),
        ("other", "0a1b.png"),
    ] {
        assert_eq!(
            ImageKey::from_public_path(segment, name),
            None,
            "{segment}/{name}"
        );
    }
    for stored in [
        "cv/0a1b.pdf",
        "images/cv/x.png",
        "images/jobs",
        "uploads/jobs/x.png",
        "",
    ] {
        assert_eq!(public_path(stored), None, "{stored}");
    }
}

fn keys(key: &'static str) -> MockImageKeys {
    let mut keys = MockImageKeys::new();
    keys.expect_new_key()
        .returning(move |_, _| FileKey::parse(key).unwrap());
    keys
}

#[tokio::test]
async fn put_checks_then_writes_under_a_new_key() {
    let mut files = MockFileStore::new();
    files
        .expect_put()
        .withf(|k, b| k.as_str() == "images/jobs/n1.png" && b == PNG)
        .times(1)
        .returning(|_, _| Ok(()));
    let mut keys = MockImageKeys::new();
    keys.expect_new_key()
        .withf(|kind, format| *kind == ImageKind::JobImage && *format == ImageFormat::Png)
        .times(1)
        .returning(|_, _| FileKey::parse("images/jobs/n1.png").unwrap());
    let store = ImageStore::new(Arc::new(files), Arc::new(keys));
    let stored = store.put(ImageKind::JobImage, PNG.to_vec()).await.unwrap();
    assert_eq!(stored.key.as_str(), "images/jobs/n1.png");
    assert_eq!(stored.size, PNG.len());
}

#[tokio::test]
async fn refused_uploads_write_nothing() {
    let mut files = MockFileStore::new();
    files.expect_put().never();
    let mut keys = MockImageKeys::new();
    keys.expect_new_key().never();
    let store = ImageStore::new(Arc::new(files), Arc::new(keys));
    let err = store
        .put(ImageKind::CompanyLogo, b"<svg/>".to_vec())
        .await
        .unwrap_err();
    assert!(matches!(err, StoreImageError::Rejected(ImageRejected::Svg)));
}

#[tokio::test]
async fn read_serves_image_keys_only_with_their_type() {
    let mut files = MockFileStore::new();
    files
        .expect_get()
        .withf(|k| k.as_str() == "images/logos/a.webp")
        .returning(|_| Ok(WEBP.to_vec()));
    files
        .expect_get()
        .withf(|k| k.as_str() == "images/logos/gone.png")
        .returning(|_| Err(FileStoreError::NotFound));
    let store = ImageStore::new(Arc::new(files), Arc::new(keys("images/jobs/x.png")));
    let image = store.read("logos", "a.webp").await.unwrap();
    assert_eq!(
        (image.bytes.as_slice(), image.content_type),
        (WEBP, "image/webp")
    );
    assert!(matches!(
        store.read("logos", "gone.png").await,
        Err(ReadImageError::NotFound)
    ));
    // Never asks the storage for anything else (the mock would panic).
    assert!(matches!(
        store.read("cv", "a.pdf").await,
        Err(ReadImageError::NotFound)
    ));
}

#[tokio::test]
async fn discard_removes_image_keys_and_swallows_failures() {
    let mut files = MockFileStore::new();
    files
        .expect_delete()
        .withf(|k| k.as_str() == "images/jobs/old.jpg")
        .times(1)
        .returning(|_| Err(FileStoreError::Backend("down".into())));
    let store = ImageStore::new(Arc::new(files), Arc::new(keys("images/jobs/x.png")));
    store.discard("images/jobs/old.jpg").await;
    store.discard("cv/not-an-image.pdf").await;
}
