//! Where the service keeps its files and how large they may be: `DATA_DIR`, `UPLOAD_DIR`,
//! `MAX_UPLOAD_SIZE_MB` and `MAX_CVS_PER_CANDIDATE`.

use std::path::PathBuf;

use super::problems::Problems;
use super::raw::Raw;
use super::values::{non_empty, parse_range};

pub(super) struct UploadValues {
    pub(super) data_dir: PathBuf,
    pub(super) upload_dir: PathBuf,
    pub(super) max_upload_mib: usize,
    pub(super) max_cvs_per_candidate: u32,
}

pub(super) fn parse(raw: &Raw, data_dir: PathBuf, problems: &mut Problems) -> Option<UploadValues> {
    let upload_dir = non_empty(raw.upload_dir.as_deref())
        .map_or_else(|| data_dir.join("uploads"), PathBuf::from);
    let max_upload_mib = problems.check(parse_range(
        "MAX_UPLOAD_SIZE_MB",
        &raw.max_upload_size_mb,
        1,
        100,
    ));
    let max_cvs_per_candidate = problems.check(parse_range(
        "MAX_CVS_PER_CANDIDATE",
        &raw.max_cvs_per_candidate,
        1,
        1000,
    ));
    Some(UploadValues {
        data_dir,
        upload_dir,
        max_upload_mib: max_upload_mib? as usize,
        max_cvs_per_candidate: max_cvs_per_candidate?,
    })
}
