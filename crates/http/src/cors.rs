//! CORS per CONTRACT 8.13: an explicit origin list where an entry may hold `*` inside the host,
//! matching the characters of one DNS label (never a dot), e.g. `https://app-*.vercel.app`.

use actix_cors::Cors;
use actix_web::http::{Method, header};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OriginPattern(String);

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid CORS origin {0:?}: expected scheme://host[:port], `*` only inside the host")]
pub struct InvalidOrigin(pub String);

impl OriginPattern {
    pub fn parse(raw: &str) -> Result<OriginPattern, InvalidOrigin> {
        let value = raw.trim().trim_end_matches('/').to_ascii_lowercase();
        let err = || InvalidOrigin(raw.trim().to_owned());
        let (scheme, rest) = value.split_once("://").ok_or_else(err)?;
        if !matches!(scheme, "http" | "https") || rest.is_empty() || rest.contains('/') {
            return Err(err());
        }
        let host = rest.rsplit_once(':').map_or(rest, |(h, port)| {
            if port.chars().all(|c| c.is_ascii_digit()) {
                h
            } else {
                rest
            }
        });
        let valid_host = host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '*'))
            && !host.is_empty()
            && !host.starts_with('.')
            && host.split('.').any(|label| !label.contains('*'));
        if !valid_host || rest[host.len()..].contains('*') {
            return Err(err());
        }
        Ok(OriginPattern(value))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn has_wildcard(&self) -> bool {
        self.0.contains('*')
    }

    pub fn matches(&self, origin: &str) -> bool {
        glob_label(self.0.as_bytes(), origin.to_ascii_lowercase().as_bytes())
    }
}

/// `*` consumes one or more `[a-z0-9-]` characters; everything else matches literally.
fn glob_label(pattern: &[u8], text: &[u8]) -> bool {
    match pattern.split_first() {
        None => text.is_empty(),
        Some((b'*', rest)) => {
            let run = text
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric() || **c == b'-')
                .count();
            (1..=run).any(|n| glob_label(rest, &text[n..]))
        }
        Some((c, rest)) => text.first() == Some(c) && glob_label(rest, &text[1..]),
    }
}

/// Which browser origins may call the API. `any` (a lone `*`) is refused in production by the
/// server's settings validation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CorsPolicy {
    pub any: bool,
    pub origins: Vec<OriginPattern>,
}

impl Default for CorsPolicy {
    fn default() -> Self {
        Self {
            any: false,
            origins: vec![OriginPattern("http://localhost:3000".into())],
        }
    }
}

impl CorsPolicy {
    /// Parses `CORS_ORIGIN`: comma-separated entries, or `*` alone for any origin.
    pub fn parse(list: &str) -> Result<CorsPolicy, InvalidOrigin> {
        let entries: Vec<&str> = list
            .split(',')
            .map(str::trim)
            .filter(|e| !e.is_empty())
            .collect();
        if entries == ["*"] {
            return Ok(CorsPolicy {
                any: true,
                origins: Vec::new(),
            });
        }
        let origins = entries
            .into_iter()
            .map(OriginPattern::parse)
            .collect::<Result<_, _>>()?;
        Ok(CorsPolicy {
            any: false,
            origins,
        })
    }

    pub fn allows(&self, origin: &str) -> bool {
        self.any || self.origins.iter().any(|p| p.matches(origin))
    }

    /// The actix middleware. Requests from other origins are served without CORS headers (the
    /// browser then blocks them); server-to-server calls carry no `Origin` and are unaffected.
    pub fn middleware(&self) -> Cors {
        let policy = self.clone();
        Cors::default()
            .allowed_origin_fn(move |origin, _| origin.to_str().is_ok_and(|o| policy.allows(o)))
            .allowed_methods([
                Method::GET,
                Method::POST,
                Method::PUT,
                Method::DELETE,
                Method::PATCH,
                Method::OPTIONS,
            ])
            .allow_any_header()
            .expose_headers([
                header::HeaderName::from_static("x-request-id"),
                header::RETRY_AFTER,
                header::CONTENT_DISPOSITION,
            ])
            .supports_credentials()
            .block_on_origin_mismatch(false)
            .max_age(600)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcard_matches_one_label_only() {
        let p = OriginPattern::parse("https://intowork-*.vercel.app").unwrap();
        assert!(p.matches("https://intowork-56y4i4dix-saas-hc.vercel.app"));
        assert!(p.matches("https://INTOWORK-abc.vercel.app"));
        assert!(!p.matches("https://intowork-.vercel.app"));
        assert!(!p.matches("https://intowork-a.b.vercel.app"));
        assert!(!p.matches("https://intowork-a.vercel.app.evil.com"));
        assert!(!p.matches("http://intowork-a.vercel.app"));
        let any_sub = OriginPattern::parse("https://*.vercel.app").unwrap();
        assert!(any_sub.matches("https://x.vercel.app"));
        assert!(!any_sub.matches("https://evil.com/.vercel.app"));
        assert!(!any_sub.matches("https://a.b.vercel.app"));
    }

    #[test]
    fn a_team_scoped_preview_pattern_needs_the_team_suffix() {
        let p = OriginPattern::parse("https://intowork-*-acme-hiring.vercel.app").unwrap();
        assert!(p.matches("https://intowork-56y4i4dix-acme-hiring.vercel.app"));
        assert!(p.matches("https://intowork-git-main-acme-hiring.vercel.app"));
        // Anyone's project named `intowork-…` on Vercel: previews end with the owner's team slug.
        assert!(!p.matches("https://intowork-56y4i4dix-mallory.vercel.app"));
        assert!(!p.matches("https://intowork-acme-hiring.vercel.app"));
    }

    #[test]
    fn exact_origins_and_ports() {
        let p = OriginPattern::parse("http://localhost:3000/").unwrap();
        assert!(p.matches("http://localhost:3000"));
        assert!(!p.matches("http://localhost:3001"));
    }

    #[test]
    fn invalid_entries_are_refused() {
        for bad in [
            "localhost:3000",
            "ftp://x.com",
            "https://",
            "https://*",
            "https://x.com/path",
            "https://x.com:*",
        ] {
            assert!(OriginPattern::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn policy_parses_lists_and_star() {
        let p = CorsPolicy::parse("http://localhost:3000, https://app-*.vercel.app").unwrap();
        assert_eq!(p.origins.len(), 2);
        assert!(p.allows("https://app-1.vercel.app"));
        assert!(!p.allows("https://evil.com"));
        assert!(CorsPolicy::parse("*").unwrap().any);
    }
}
