//! Objects in an S3-compatible bucket (AWS S3, MinIO, Garage, Ceph RGW, moto, ...): key
//! `cv/ab12.pdf` is the object `cv/ab12.pdf` in the bucket, with no prefix.
//!
//! Failures fail fast: every HTTP request has a connect timeout and a request timeout, retries are
//! few and short, and each operation has an overall deadline, so an unreachable endpoint surfaces as
//! [`FileStoreError::Backend`] within seconds instead of hanging a request or the readiness probe.

use std::fmt;
use std::future::Future;
use std::time::Duration;

use std::time::SystemTime;

use async_trait::async_trait;
use futures_util::TryStreamExt;
use intowork_domain::files::{FileKey, FileStore, FileStoreError, StoredFile};
use object_store::aws::{AmazonS3, AmazonS3Builder};
use object_store::path::Path;
use object_store::{
    BackoffConfig, ClientOptions, ObjectStore, ObjectStoreExt, PutPayload, RetryConfig,
};
use tracing::instrument;

/// Time allowed to open a TCP (and TLS) connection to the endpoint.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(3);
/// Time allowed for one HTTP request, from connecting until the response body is read. Uploads are
/// small (`MAX_UPLOAD_SIZE_MB`, a few MiB), so this is generous for a nearby endpoint.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);
/// Retries of a failed request (connection errors, 5xx, throttling), and the window they must fit.
const MAX_RETRIES: usize = 2;
const RETRY_WINDOW: Duration = Duration::from_secs(10);
/// Hard ceiling for one whole operation, retries included, whatever the client does.
const OPERATION_DEADLINE: Duration = Duration::from_secs(30);
/// A listing pages through the whole prefix (1,000 keys a request), so it gets a longer ceiling;
/// it only runs from the operator's maintenance command.
const LIST_DEADLINE: Duration = Duration::from_secs(600);
/// Where [`FileStore::check`] writes (and removes) its probe object. Outside every key prefix the
/// application uses (`cv/...`), and one fixed name, so a probe that could not be removed leaves a
/// single small object behind, not one per check.
const PROBE_KEY: &str = ".healthcheck/probe";

/// How to reach the bucket. Built by the server from `S3_BUCKET`, `S3_ENDPOINT`, `S3_REGION`,
/// `S3_ACCESS_KEY_ID`, `S3_SECRET_ACCESS_KEY` and `S3_FORCE_PATH_STYLE` (CONTRACT 9.19).
///
/// `Debug` never prints the secret access key.
#[derive(Clone, PartialEq, Eq)]
pub struct S3Config {
    /// The bucket, which must already exist (the store never creates it).
    pub bucket: String,
    /// The service endpoint, without the bucket: `https://s3.fr-par.scw.cloud`,
    /// `http://minio:9000`. `None` (or empty) means AWS S3 itself, at the region's endpoint.
    pub endpoint: Option<String>,
    /// The signing region, e.g. `eu-west-3`; S3-compatible servers usually accept `us-east-1`.
    pub region: String,
    /// Static credentials; both are required (the store never falls back to instance metadata or
    /// to `AWS_*` environment variables).
    pub access_key_id: String,
    pub secret_access_key: String,
    /// `true`: `https://endpoint/bucket/key` (MinIO and most self-hosted servers need this).
    /// `false`: virtual-hosted style, `https://bucket.endpoint/key` (AWS's default).
    pub force_path_style: bool,
    /// Allows a plain `http://` endpoint (local development and tests only).
    pub allow_http: bool,
}

impl fmt::Debug for S3Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("S3Config")
            .field("bucket", &self.bucket)
            .field("endpoint", &self.endpoint)
            .field("region", &self.region)
            .field("access_key_id", &self.access_key_id)
            .field("secret_access_key", &"[redacted]")
            .field("force_path_style", &self.force_path_style)
            .field("allow_http", &self.allow_http)
            .finish()
    }
}

/// A [`FileStore`] over one bucket of an S3-compatible service, through `object_store`.
///
/// `get` of a missing key is `NotFound`; a missing *bucket* is a `Backend` error, never `NotFound`.
pub struct S3FileStore {
    store: AmazonS3,
    bucket: String,
    /// The URL objects are addressed under, for logs (`https://endpoint/bucket`); holds no secret.
    location: String,
}

impl fmt::Debug for S3FileStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Not derived: the inner client holds the credentials.
        f.debug_struct("S3FileStore")
            .field("bucket", &self.bucket)
            .field("location", &self.location)
            .finish_non_exhaustive()
    }
}

impl S3FileStore {
    /// Validates the configuration and builds the client. Nothing is sent over the network until
    /// the first call; use [`FileStore::check`] to find out whether the bucket is usable.
    pub fn new(cfg: S3Config) -> Result<S3FileStore, FileStoreError> {
        let invalid =
            |what: &str| FileStoreError::Backend(format!("invalid S3 configuration: {what}"));
        let bucket = cfg.bucket.trim();
        if bucket.is_empty() {
            return Err(invalid("the bucket name is empty"));
        }
        // It becomes part of the URL (a path segment or a host label): no `/`, `?`, `:` or spaces.
        if !bucket
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._".contains(&b))
        {
            return Err(invalid(
                "the bucket name may only hold letters, digits, '-', '.' and '_'",
            ));
        }
        if cfg.region.trim().is_empty() {
            return Err(invalid("the region is empty"));
        }
        if cfg.access_key_id.is_empty() || cfg.secret_access_key.is_empty() {
            return Err(invalid(
                "both the access key id and the secret access key are required",
            ));
        }
        let endpoint = cfg
            .endpoint
            .as_deref()
            .map(|e| e.trim().trim_end_matches('/'))
            .filter(|e| !e.is_empty());
        if let Some(endpoint) = endpoint {
            if endpoint.starts_with("http://") {
                if !cfg.allow_http {
                    return Err(invalid(
                        "the endpoint uses plain http:// but plain HTTP is not allowed",
                    ));
                }
            } else if !endpoint.starts_with("https://") {
                return Err(invalid(
                    "the endpoint must start with https:// (or http://)",
                ));
            }
        }

        let mut builder = AmazonS3Builder::new()
            .with_bucket_name(bucket)
            .with_region(cfg.region.trim())
            .with_access_key_id(&cfg.access_key_id)
            .with_secret_access_key(&cfg.secret_access_key)
            .with_virtual_hosted_style_request(!cfg.force_path_style)
            // One plain DELETE per object: part of the core API every S3-compatible server has
            // (the bulk `POST /?delete` is not implemented everywhere).
            .with_disable_bulk_delete(true)
            .with_client_options(
                ClientOptions::new()
                    .with_allow_http(cfg.allow_http)
                    .with_connect_timeout(CONNECT_TIMEOUT)
                    .with_timeout(REQUEST_TIMEOUT),
            )
            .with_retry(RetryConfig {
                backoff: BackoffConfig {
                    init_backoff: Duration::from_millis(100),
                    max_backoff: Duration::from_secs(1),
                    base: 2.0,
                },
                max_retries: MAX_RETRIES,
                retry_timeout: RETRY_WINDOW,
            });
        let location = match endpoint {
            Some(endpoint) if cfg.force_path_style => {
                builder = builder.with_endpoint(endpoint);
                format!("{endpoint}/{bucket}")
            }
            Some(endpoint) => {
                // object_store expects a virtual-hosted endpoint to name the bucket already.
                let endpoint = virtual_hosted_endpoint(endpoint, bucket)
                    .ok_or_else(|| invalid("the endpoint is not a URL"))?;
                builder = builder.with_endpoint(&endpoint);
                endpoint
            }
            None if cfg.force_path_style => {
                format!("https://s3.{}.amazonaws.com/{bucket}", cfg.region.trim())
            }
            None => format!("https://{bucket}.s3.{}.amazonaws.com", cfg.region.trim()),
        };
        let store = builder
            .build()
            .map_err(|e| FileStoreError::Backend(format!("invalid S3 configuration: {e}")))?;
        Ok(S3FileStore {
            store,
            bucket: bucket.to_owned(),
            location,
        })
    }

    pub fn bucket(&self) -> &str {
        &self.bucket
    }

    async fn put_path(&self, path: &Path, bytes: Vec<u8>) -> Result<(), FileStoreError> {
        within_deadline("put", path, self.store.put(path, PutPayload::from(bytes)))
            .await?
            .map(drop)
            .map_err(|e| backend("put", path, &e))
    }

    async fn delete_path(&self, path: &Path) -> Result<(), FileStoreError> {
        match within_deadline("delete", path, self.store.delete(path)).await? {
            Ok(()) => Ok(()),
            // S3 answers 204 for a missing key; a server that says 404 instead means the same,
            // unless it is the bucket that is missing.
            Err(e @ object_store::Error::NotFound { .. }) if !is_missing_bucket(&e) => Ok(()),
            Err(e) => Err(backend("delete", path, &e)),
        }
    }
}

#[async_trait]
impl FileStore for S3FileStore {
    #[instrument(skip_all, fields(key = key.as_str(), size = bytes.len()))]
    async fn put(&self, key: &FileKey, bytes: Vec<u8>) -> Result<(), FileStoreError> {
        // A single PUT: S3 stores the whole object or nothing.
        self.put_path(&object_path(key)?, bytes).await
    }

    #[instrument(skip_all, fields(key = key.as_str()))]
    async fn get(&self, key: &FileKey) -> Result<Vec<u8>, FileStoreError> {
        let path = object_path(key)?;
        let read = async {
            let object = self.store.get(&path).await?;
            object.bytes().await
        };
        match within_deadline("get", &path, read).await? {
            Ok(bytes) => Ok(bytes.into()),
            Err(e @ object_store::Error::NotFound { .. }) if !is_missing_bucket(&e) => {
                Err(FileStoreError::NotFound)
            }
            Err(e) => Err(backend("get", &path, &e)),
        }
    }

    #[instrument(skip_all, fields(key = key.as_str()))]
    async fn delete(&self, key: &FileKey) -> Result<(), FileStoreError> {
        self.delete_path(&object_path(key)?).await
    }

    /// Writes and removes a small probe object: proves the endpoint answers, the credentials are
    /// accepted and the bucket exists and is writable. Two requests, no listing.
    #[instrument(skip_all, fields(bucket = %self.bucket))]
    async fn check(&self) -> Result<(), FileStoreError> {
        let probe = Path::from(PROBE_KEY);
        self.put_path(&probe, b"probe".to_vec()).await?;
        self.delete_path(&probe).await
    }

    #[instrument(skip_all, fields(bucket = %self.bucket, prefix = prefix.as_str()))]
    async fn list(&self, prefix: &FileKey) -> Result<Vec<StoredFile>, FileStoreError> {
        // object_store lists whole segments under the prefix (`cv` means `cv/...`), which is the
        // port's meaning.
        let path = object_path(prefix)?;
        let listing = self.store.list(Some(&path)).try_collect::<Vec<_>>();
        let objects = tokio::time::timeout(LIST_DEADLINE, listing)
            .await
            .map_err(|_| {
                FileStoreError::Backend(format!(
                    "s3 list {path}: not finished within {}s",
                    LIST_DEADLINE.as_secs()
                ))
            })?
            .map_err(|e| backend("list", &path, &e))?;
        Ok(objects
            .into_iter()
            .filter_map(|meta| {
                let key = FileKey::parse(meta.location.as_ref()).ok()?;
                Some(StoredFile {
                    key,
                    modified: SystemTime::from(meta.last_modified),
                })
            })
            .collect())
    }
}

/// The object path for a key. `FileKey` already guarantees plain segments; `Path::parse` checks
/// again and never re-encodes, so the object name is exactly the key.
fn object_path(key: &FileKey) -> Result<Path, FileStoreError> {
    Path::parse(key.as_str())
        .map_err(|e| FileStoreError::Backend(format!("storage key is no valid object path: {e}")))
}

/// `https://host[:port][/base]` with the bucket as the first label of the host.
fn virtual_hosted_endpoint(endpoint: &str, bucket: &str) -> Option<String> {
    let (scheme, rest) = endpoint.split_once("://")?;
    if rest.is_empty() {
        return None;
    }
    if rest.starts_with(&format!("{bucket}.")) {
        // Already virtual-hosted.
        return Some(format!("{scheme}://{rest}"));
    }
    Some(format!("{scheme}://{bucket}.{rest}"))
}

/// A 404 can mean "no such key" or "no such bucket"; only the first is `NotFound` for us. The
/// error text holds the S3 error document (`<Code>NoSuchBucket</Code>`).
fn is_missing_bucket(e: &object_store::Error) -> bool {
    e.to_string().contains("NoSuchBucket")
}

/// The message goes to logs only (the HTTP layer shows clients nothing of a 5xx). It names the
/// endpoint, bucket and key, never the credentials (requests are signed in headers).
fn backend(op: &str, path: &Path, e: &object_store::Error) -> FileStoreError {
    FileStoreError::Backend(format!("s3 {op} {path}: {e}"))
}

async fn within_deadline<T>(
    op: &str,
    path: &Path,
    work: impl Future<Output = T>,
) -> Result<T, FileStoreError> {
    tokio::time::timeout(OPERATION_DEADLINE, work)
        .await
        .map_err(|_| {
            FileStoreError::Backend(format!(
                "s3 {op} {path}: no answer within {}s",
                OPERATION_DEADLINE.as_secs()
            ))
        })
}

// Tests may unwrap: a panic is the failure report.
#[cfg(test)]
#[allow(clippy::unwrap_used)]
pub(crate) mod tests;
