//! Finding a reference CV file inside the uploads folder the operator names. The stored path is
//! data from the reference, which let clients write it (CONTRACT 5.2 F1): it is resolved inside
//! that folder or not at all, and never followed out of it (`..`, absolute paths elsewhere,
//! symbolic links pointing outside).

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Larger files are refused (the reference accepted 5 MiB; our ceiling is 100 MiB).
const MAX_FILE_BYTES: u64 = 100 * 1024 * 1024;

/// The uploads folder, canonical, so that resolved paths can be checked against it.
#[derive(Debug, Clone)]
pub(crate) struct UploadsRoot(PathBuf);

impl UploadsRoot {
    pub(crate) fn open(dir: &Path) -> Result<UploadsRoot, String> {
        let root =
            fs::canonicalize(dir).map_err(|e| format!("uploads folder {}: {e}", dir.display()))?;
        if !root.is_dir() {
            return Err(format!("uploads folder {}: not a directory", dir.display()));
        }
        Ok(UploadsRoot(root))
    }

    /// Reads the file a reference row points at. The reference stored `uploads/cv/<name>`
    /// relative to its working directory; the part after the first `uploads` segment is looked
    /// up in this folder (an absolute path is accepted only through such a segment; a relative
    /// one without it is taken as relative to this folder).
    pub(crate) fn read(&self, stored: &str) -> Result<Vec<u8>, String> {
        let path = self.resolve(stored)?;
        let mut file = fs::File::open(&path).map_err(|_| "file not found in the uploads folder")?;
        let size = file.metadata().map(|m| m.len()).unwrap_or(0);
        if size > MAX_FILE_BYTES {
            return Err("file larger than 100 MiB".to_owned());
        }
        let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
        file.read_to_end(&mut bytes)
            .map_err(|e| format!("file unreadable: {}", e.kind()))?;
        Ok(bytes)
    }

    fn resolve(&self, stored: &str) -> Result<PathBuf, String> {
        let normalized = stored.trim().replace('\\', "/");
        let segments: Vec<&str> = normalized
            .split('/')
            .filter(|s| !s.is_empty() && *s != ".")
            .collect();
        let relative: &[&str] = match segments.iter().position(|s| *s == "uploads") {
            Some(i) => &segments[i + 1..],
            None if normalized.starts_with('/') => {
                return Err("path outside the uploads folder".to_owned());
            }
            None => &segments,
        };
        if relative.is_empty()
            || relative.contains(&"..")
            || relative.iter().any(|s| s.contains(':'))
        {
            return Err("unsafe path".to_owned());
        }
        let joined = relative.iter().fold(self.0.clone(), |p, s| p.join(s));
        // Canonical form follows symbolic links: a link inside the folder pointing outside fails
        // the prefix check.
        let real = fs::canonicalize(&joined).map_err(|_| "file not found in the uploads folder")?;
        if !real.starts_with(&self.0) {
            return Err("path outside the uploads folder".to_owned());
        }
        if !real.is_file() {
            return Err("file not found in the uploads folder".to_owned());
        }
        Ok(real)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn setup() -> (tempfile::TempDir, UploadsRoot) {
        let dir = tempfile::tempdir().unwrap();
        let uploads = dir.path().join("uploads");
        fs::create_dir_all(uploads.join("cv")).unwrap();
        fs::write(uploads.join("cv/7_1a2b3c4d_My CV.pdf"), b"%PDF-1.4 mine").unwrap();
        fs::write(dir.path().join("secret.txt"), b"secret").unwrap();
        let root = UploadsRoot::open(&uploads).unwrap();
        (dir, root)
    }

    #[test]
    fn reference_paths_resolve_inside_the_folder() {
        let (_dir, root) = setup();
        for stored in [
            "uploads/cv/7_1a2b3c4d_My CV.pdf",
            "./uploads/cv/7_1a2b3c4d_My CV.pdf",
            "/app/backend/uploads/cv/7_1a2b3c4d_My CV.pdf",
            "uploads\\cv\\7_1a2b3c4d_My CV.pdf",
            "cv/7_1a2b3c4d_My CV.pdf",
        ] {
            assert_eq!(root.read(stored).unwrap(), b"%PDF-1.4 mine", "{stored}");
        }
    }

    #[test]
    fn nothing_outside_the_folder_is_read() {
        let (dir, root) = setup();
        std::os::unix::fs::symlink(
            dir.path().join("secret.txt"),
            dir.path().join("uploads/cv/link.pdf"),
        )
        .unwrap();
        for stored in [
            "uploads/../secret.txt",
            "uploads/cv/../../secret.txt",
            "../secret.txt",
            "/etc/passwd",
            "/proc/self/environ",
            "uploads/cv/link.pdf",
            "uploads/",
            "uploads/cv",
            "/api/candidates/7/cv",
            "C:/uploads/../secret.txt",
        ] {
            assert!(root.read(stored).is_err(), "{stored} must not be read");
        }
        assert_eq!(
            root.read("uploads/cv/missing.pdf").unwrap_err(),
            "file not found in the uploads folder"
        );
    }
}
