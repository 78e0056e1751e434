//! How long slow clients may hold the server: body deadlines and the per-address cap on requests
//! in flight (`JSON_BODY_TIMEOUT_SECS`, `UPLOAD_BODY_TIMEOUT_SECS`,
//! `MAX_REQUESTS_IN_FLIGHT_PER_CLIENT`). The timeouts of the connection itself (request head,
//! keep-alive, disconnect) are fixed in `startup/http_server.rs`: no deployment needs others.

use std::time::Duration;

use super::problems::Problems;
use super::raw::Raw;
use super::values::parse_range;

#[derive(Clone, Debug)]
pub struct ConnectionSettings {
    /// `JSON_BODY_TIMEOUT_SECS` (default 30): a JSON body must have arrived whole this long after
    /// the request head, else 408 and the connection is closed.
    pub json_body_timeout: Duration,
    /// `UPLOAD_BODY_TIMEOUT_SECS` (default 120): the same for a CV upload (5 MiB over a slow
    /// mobile uplink needs more than the JSON deadline).
    pub upload_body_timeout: Duration,
    /// `MAX_REQUESTS_IN_FLIGHT_PER_CLIENT` (default 32, 0 = no cap): requests one client address
    /// (as the rate limits resolve it) may have in progress at once; one more is a 429.
    pub max_requests_in_flight_per_client: usize,
}

pub(super) fn parse(raw: &Raw, problems: &mut Problems) -> Option<ConnectionSettings> {
    let json = problems.check(parse_range(
        "JSON_BODY_TIMEOUT_SECS",
        &raw.json_body_timeout_secs,
        1,
        600,
    ));
    let upload = problems.check(parse_range(
        "UPLOAD_BODY_TIMEOUT_SECS",
        &raw.upload_body_timeout_secs,
        1,
        3600,
    ));
    let cap = problems.check(parse_range(
        "MAX_REQUESTS_IN_FLIGHT_PER_CLIENT",
        &raw.max_requests_in_flight_per_client,
        0,
        100_000,
    ));
    Some(ConnectionSettings {
        json_body_timeout: Duration::from_secs(json?.into()),
        upload_body_timeout: Duration::from_secs(upload?.into()),
        max_requests_in_flight_per_client: cap? as usize,
    })
}
