//! Where CV files live: `STORAGE_BACKEND` and the `S3_*` variables (CONTRACT 9.19).

use super::{Raw, Secret, SettingsError, invalid, parse_bool};

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

pub(super) fn storage_settings(raw: &Raw) -> Result<StorageSettings, SettingsError> {
    let required = |var: &'static str, value: &Option<String>| {
        value
            .as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_owned)
            .ok_or_else(|| invalid(var, "is required when STORAGE_BACKEND=s3"))
    };
    match raw.storage_backend.trim().to_ascii_lowercase().as_str() {
        "local" => Ok(StorageSettings::Local),
        "s3" => {
            let endpoint = raw
                .s3_endpoint
                .as_deref()
                .map(str::trim)
                .filter(|e| !e.is_empty());
            if let Some(e) = endpoint
                && !(e.starts_with("https://") || e.starts_with("http://"))
            {
                return Err(invalid(
                    "S3_ENDPOINT",
                    "must start with https:// (or http://)",
                ));
            }
            Ok(StorageSettings::S3(S3Settings {
                bucket: required("S3_BUCKET", &raw.s3_bucket)?,
                endpoint: endpoint.map(str::to_owned),
                region: raw.s3_region.trim().to_owned(),
                access_key_id: required("S3_ACCESS_KEY_ID", &raw.s3_access_key_id)?,
                secret_access_key: Secret::new(required(
                    "S3_SECRET_ACCESS_KEY",
                    &raw.s3_secret_access_key,
                )?),
                force_path_style: parse_bool("S3_FORCE_PATH_STYLE", &raw.s3_force_path_style)?,
            }))
        }
        other => Err(invalid(
            "STORAGE_BACKEND",
            format!("must be `local` or `s3`, got {other:?}"),
        )),
    }
}
