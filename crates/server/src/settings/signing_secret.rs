//! `NEXTAUTH_SECRET`, the key that signs tokens and CV links: required in production and at least
//! 32 bytes there. In development an unset secret is generated at start (`wiring`).

use super::problems::Problems;
use super::raw::Raw;
use super::secret::Secret;

/// The secret if one is set. `None` is valid in development; a refusal is recorded in `problems`.
pub(super) fn parse(raw: &Raw, production: bool, problems: &mut Problems) -> Option<Secret> {
    let secret = raw
        .nextauth_secret
        .as_deref()
        .filter(|s| !s.is_empty())
        .map(Secret::new);
    if production {
        match &secret {
            None => problems.report("NEXTAUTH_SECRET", "is required when ENVIRONMENT=production"),
            Some(s) if s.expose().len() < 32 => {
                problems.report("NEXTAUTH_SECRET", "must be at least 32 bytes in production")
            }
            Some(_) => {}
        }
    }
    secret
}
