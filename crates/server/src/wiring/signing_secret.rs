//! The token signing secret. Production requires `NEXTAUTH_SECRET` (checked in settings); in
//! development an unset secret is generated once and kept in the data folder, so tokens survive
//! restarts (CONTRACT 8.12).

use std::fs;
use std::io::Write;
use std::path::Path;

use rand::RngCore;
use tracing::{info, warn};

use crate::settings::{Secret, Settings};

const SECRET_FILE: &str = ".nextauth_secret";

pub fn resolve(settings: &Settings) -> std::io::Result<Secret> {
    if let Some(secret) = &settings.secret {
        if secret.expose().len() < 32 {
            warn!("NEXTAUTH_SECRET is shorter than 32 bytes; production would refuse it");
        }
        return Ok(secret.clone());
    }
    load_or_create(&settings.data_dir)
}

fn load_or_create(data_dir: &Path) -> std::io::Result<Secret> {
    let path = data_dir.join(SECRET_FILE);
    if let Ok(existing) = fs::read_to_string(&path) {
        let existing = existing.trim();
        if existing.len() >= 32 {
            return Ok(Secret::new(existing));
        }
    }
    fs::create_dir_all(data_dir)?;
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let secret = hex::encode(bytes);
    let mut options = fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(&path)?.write_all(secret.as_bytes())?;
    info!(path = %path.display(), "generated a development signing secret");
    Ok(Secret::new(secret))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn development_secret_is_created_once_and_reused() {
        let dir = tempfile::tempdir().unwrap();
        let first = load_or_create(dir.path()).unwrap();
        let second = load_or_create(dir.path()).unwrap();
        assert_eq!(first, second);
        assert_eq!(first.expose().len(), 64);
        let other = tempfile::tempdir().unwrap();
        assert_ne!(load_or_create(other.path()).unwrap(), first);
    }
}
