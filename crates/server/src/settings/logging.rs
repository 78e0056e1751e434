//! `LOG_LEVEL`: a tracing filter such as `info` or `info,intowork_storage=debug`, checked here so
//! that a typo fails the start instead of silently logging at another level.

use super::problems::{ConfigProblem, Problems};
use super::raw::Raw;

pub(super) fn parse(raw: &Raw, problems: &mut Problems) -> Option<String> {
    let level = raw.log_level.trim().to_owned();
    let parsed = tracing_subscriber::EnvFilter::try_new(&level)
        .map_err(|e| ConfigProblem::new("LOG_LEVEL", e.to_string()));
    problems.check(parsed.map(|_| level))
}
