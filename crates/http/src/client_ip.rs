//! The client's address, for per-IP limits (CONTRACT 9.2).
//!
//! Behind `TRUSTED_PROXY_HOPS` proxies, each of which appends the address it saw to
//! `X-Forwarded-For`, the client is the entry that many places from the right: everything further
//! left was written by the client itself and proves nothing. The leftmost entry is therefore never
//! used, and with 0 hops the header is ignored and the socket peer is the client.
//!
//! IPv6 clients are keyed by their /64: one subscriber gets a whole /64, so keying single
//! addresses would hand an attacker 2^64 budgets.

use std::convert::Infallible;
use std::future::{Ready, ready};
use std::net::{IpAddr, Ipv6Addr, SocketAddr};

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest, web};

use crate::state::HttpSettings;

const X_FORWARDED_FOR: &str = "x-forwarded-for";

/// The resolved client address as a limiter key part: `203.0.113.7` or `2001:db8:1:2::/64`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClientIp(pub String);

impl ClientIp {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromRequest for ClientIp {
    type Error = Infallible;
    type Future = Ready<Result<Self, Infallible>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let hops = req
            .app_data::<web::Data<HttpSettings>>()
            .map_or(0, |s| s.trusted_proxy_hops);
        let forwarded = req
            .headers()
            .get_all(X_FORWARDED_FOR)
            .filter_map(|v| v.to_str().ok());
        ready(Ok(ClientIp(resolve(req.peer_addr(), forwarded, hops))))
    }
}

/// The pure rule, for tests: the entry `hops` from the right of all `X-Forwarded-For` values
/// (several headers read as one list, in order). Falls back to the peer when the list is
/// shorter than `hops` (the request skipped a proxy that should be there) or the entry is not an
/// address: an attacker must not be able to pick a key that way.
pub fn resolve<'a>(
    peer: Option<SocketAddr>,
    forwarded: impl Iterator<Item = &'a str>,
    hops: usize,
) -> String {
    let peer_key = || peer.map_or_else(|| "unknown".to_owned(), |p| key(p.ip()));
    if hops == 0 {
        return peer_key();
    }
    let entries: Vec<&str> = forwarded
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect();
    if entries.len() < hops {
        tracing::debug!(
            entries = entries.len(),
            hops,
            "X-Forwarded-For shorter than TRUSTED_PROXY_HOPS; using the peer address"
        );
        return peer_key();
    }
    parse_entry(entries[entries.len() - hops]).map_or_else(peer_key, key)
}

/// Accepts `1.2.3.4`, `1.2.3.4:5678`, `2001:db8::1` and `[2001:db8::1]:443`.
fn parse_entry(entry: &str) -> Option<IpAddr> {
    if let Ok(ip) = entry.parse::<IpAddr>() {
        return Some(ip);
    }
    entry.parse::<SocketAddr>().ok().map(|s| s.ip())
}

fn key(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                let prefix = Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0);
                format!("{prefix}/64")
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::resolve;

    fn peer() -> Option<std::net::SocketAddr> {
        Some("10.0.0.2:5000".parse().unwrap())
    }

    #[test]
    fn zero_hops_ignores_the_header() {
        assert_eq!(resolve(peer(), ["1.1.1.1"].into_iter(), 0), "10.0.0.2");
        assert_eq!(resolve(None, std::iter::empty(), 0), "unknown");
    }

    #[test]
    fn counts_hops_from_the_right_never_the_leftmost() {
        let xff = ["6.6.6.6, 203.0.113.7, 10.0.0.9"];
        assert_eq!(resolve(peer(), xff.into_iter(), 1), "10.0.0.9");
        assert_eq!(resolve(peer(), xff.into_iter(), 2), "203.0.113.7");
        // Several headers are one list.
        let split = ["6.6.6.6", "203.0.113.7 , 10.0.0.9"];
        assert_eq!(resolve(peer(), split.into_iter(), 2), "203.0.113.7");
    }

    #[test]
    fn a_short_list_or_garbage_falls_back_to_the_peer() {
        assert_eq!(resolve(peer(), ["203.0.113.7"].into_iter(), 2), "10.0.0.2");
        assert_eq!(resolve(peer(), std::iter::empty(), 1), "10.0.0.2");
        assert_eq!(
            resolve(peer(), ["evil, not-an-ip"].into_iter(), 1),
            "10.0.0.2"
        );
    }

    #[test]
    fn ports_mapped_addresses_and_ipv6_prefixes() {
        assert_eq!(
            resolve(peer(), ["203.0.113.7:4431"].into_iter(), 1),
            "203.0.113.7"
        );
        assert_eq!(
            resolve(peer(), ["::ffff:203.0.113.7"].into_iter(), 1),
            "203.0.113.7"
        );
        assert_eq!(
            resolve(peer(), ["[2001:db8:1:2:aaaa::1]:443"].into_iter(), 1),
            "2001:db8:1:2::/64"
        );
        assert_eq!(
            resolve(peer(), ["2001:db8:1:2:ffff::9"].into_iter(), 1),
            "2001:db8:1:2::/64"
        );
    }
}
