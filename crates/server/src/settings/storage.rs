//! Where CV files live: `STORAGE_BACKEND` and the `S3_*` variables (CONTRACT 9.19).

use super::problems::{ConfigProblem, Problems};
use super::raw::Raw;
use super::secret::Secret;
use super::values::{non_empty, parse_bool};

/// Where CV files live (`STORAGE_BACKEND`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageSettings {
    /// `UPLOAD_DIR` on local disk (one instance, or a shared volume).
    Local,
    /// An S3-compatible bucket: needed for several replicas.
    S3(S3Settings),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct S3Settings {
    pub bucket: String,
    /// `None` for AWS itself; e.g. `https://<account>.r2.cloudflarestorage.com` otherwise.
    pub endpoint: Option<String>,
    pub region: String,
    pub access_key_id: String,
    pub secret_access_key: Secret,
    pub force_path_style: bool,
}

pub(super) fn parse(raw: &Raw, problems: &mut Problems) -> Option<StorageSettings> {
    match raw.storage_backend.trim().to_ascii_lowercase().as_str() {
        "local" => Some(StorageSettings::Local),
        "s3" => s3(raw, problems).map(StorageSettings::S3),
        other => {
            problems.report(
                "STORAGE_BACKEND",
                format!("must be `local` or `s3`, got {other:?}"),
            );
            None
        }
    }
}

fn s3(raw: &Raw, problems: &mut Problems) -> Option<S3Settings> {
    let required = |var: &'static str, value: &Option<String>| {
        non_empty(value.as_deref())
            .ok_or_else(|| ConfigProblem::new(var, "is required when STORAGE_BACKEND=s3"))
    };
    let bucket = problems.check(required("S3_BUCKET", &raw.s3_bucket));
    let endpoint = problems.check(endpoint(raw));
    let access_key_id = problems.check(required("S3_ACCESS_KEY_ID", &raw.s3_access_key_id));
    let secret_access_key =
        problems.check(required("S3_SECRET_ACCESS_KEY", &raw.s3_secret_access_key));
    let force_path_style =
        problems.check(parse_bool("S3_FORCE_PATH_STYLE", &raw.s3_force_path_style));
    Some(S3Settings {
        bucket: bucket?,
        endpoint: endpoint?,
        region: raw.s3_region.trim().to_owned(),
        access_key_id: access_key_id?,
        secret_access_key: Secret::new(secret_access_key?),
        force_path_style: force_path_style?,
    })
}

/// `S3_ENDPOINT`, unset for AWS itself.
fn endpoint(raw: &Raw) -> Result<Option<String>, ConfigProblem> {
    match non_empty(raw.s3_endpoint.as_deref()) {
        Some(e) if !(e.starts_with("https://") || e.starts_with("http://")) => Err(
            ConfigProblem::new("S3_ENDPOINT", "must start with https:// (or http://)"),
        ),
        endpoint => Ok(endpoint),
    }
}
