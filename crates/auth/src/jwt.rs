//! HS256 access tokens (CONTRACT 1.2, decisions 8.11 and 9.6).
//!
//! The format is fixed by the frontend: header `{"alg":"HS256","typ":"JWT"}`, claims `sub` (the user
//! id as a decimal string), `email`, `role`, `iat`, `exp` and our `ver`. No `iss`, `aud`, `nbf` or
//! `jti`, so a token carries nothing the frontend does not expect.

use std::fmt;

use chrono::{DateTime, Duration, Utc};
use intowork_domain::ids::UserId;
use intowork_domain::ports::{IssuedToken, TokenClaims, TokenError, TokenIssuer};
use intowork_domain::user::User;
use jsonwebtoken::errors::ErrorKind;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation, decode, encode};
use serde::{Deserialize, Serialize};

/// Token lifetime of CONTRACT 1.2: the frontend's session also lasts 24 hours.
pub const DEFAULT_TOKEN_TTL: Duration = Duration::hours(24);

/// What we sign. Borrowed fields: issuing copies nothing it does not have to.
#[derive(Serialize)]
struct IssuedClaims<'a> {
    sub: String,
    email: &'a str,
    role: &'static str,
    iat: i64,
    exp: i64,
    ver: i64,
}

/// What verification reads back. `exp` is checked (and required) by jsonwebtoken itself; `email`
/// and `role` are informational only (authorization reads the database), so they are not required.
#[derive(Deserialize)]
struct VerifiedClaims {
    sub: String,
    ver: i64,
}

/// Issues and verifies HS256 tokens signed with the raw bytes of `NEXTAUTH_SECRET`.
pub struct JwtTokenIssuer {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    ttl: Duration,
}

impl JwtTokenIssuer {
    /// `secret` is used as-is (its UTF-8 bytes, not base64-decoded), as the frontend does.
    /// `ttl` must be positive; [`DEFAULT_TOKEN_TTL`] is the contract's 24 hours. Check the secret
    /// with [`crate::secret_is_strong`] before calling this in production.
    pub fn new(secret: &[u8], ttl: Duration) -> JwtTokenIssuer {
        // HS256 only: jsonwebtoken rejects any other `alg` (including the unparsable "none")
        // before touching the key, which rules out algorithm-confusion attacks.
        let mut validation = Validation::new(Algorithm::HS256);
        // CONTRACT 1.2: no leeway. A token is dead the second its `exp` passes.
        validation.leeway = 0;
        // PyJWT accepted tokens without `exp` forever; decision 8.11 requires it.
        validation.set_required_spec_claims(&["exp", "sub"]);
        JwtTokenIssuer {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            validation,
            ttl,
        }
    }

    /// A token issuer with the contract's 24-hour lifetime.
    pub fn with_default_ttl(secret: &[u8]) -> JwtTokenIssuer {
        JwtTokenIssuer::new(secret, DEFAULT_TOKEN_TTL)
    }

    pub fn ttl(&self) -> Duration {
        self.ttl
    }
}

/// Never prints the key material: an issuer can end up in a `{:?}` of the app state.
impl fmt::Debug for JwtTokenIssuer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("JwtTokenIssuer")
            .field("algorithm", &Algorithm::HS256)
            .field("ttl", &self.ttl)
            .field("secret", &"<redacted>")
            .finish()
    }
}

impl TokenIssuer for JwtTokenIssuer {
    fn issue(&self, user: &User, now: DateTime<Utc>) -> Result<IssuedToken, TokenError> {
        // NumericDate is whole seconds; `expires_at` is derived from the same number so that what
        // the API reports is exactly what the token says.
        let iat = now.timestamp();
        let exp = iat
            .checked_add(self.ttl.num_seconds())
            .ok_or_else(|| TokenError::Issue("token expiry out of range".to_owned()))?;
        let expires_at = DateTime::from_timestamp(exp, 0)
            .ok_or_else(|| TokenError::Issue("token expiry out of range".to_owned()))?;
        let claims = IssuedClaims {
            sub: user.id.get().to_string(),
            email: &user.email,
            role: user.role.as_str(),
            iat,
            exp,
            ver: user.token_version,
        };
        let access_token = encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .map_err(|e| TokenError::Issue(e.to_string()))?;
        Ok(IssuedToken {
            access_token,
            expires_at,
        })
    }

    fn verify(&self, token: &str) -> Result<TokenClaims, TokenError> {
        // jsonwebtoken checks, in order: shape and header, algorithm, signature, claim types, then
        // `exp`. So `ExpiredSignature` is only ever reported for a correctly signed token, which
        // is the port's contract for `Expired`; everything else is `Invalid`.
        let data = decode::<VerifiedClaims>(token, &self.decoding, &self.validation).map_err(
            |e| match e.kind() {
                ErrorKind::ExpiredSignature => TokenError::Expired,
                _ => TokenError::Invalid,
            },
        )?;
        let user_id = parse_sub(&data.claims.sub).ok_or(TokenError::Invalid)?;
        Ok(TokenClaims {
            user_id,
            token_version: data.claims.ver,
        })
    }
}

/// `sub` must be a positive decimal integer: digits only (no sign, no spaces), since ids are
/// positive and the reference never wrote anything else.
fn parse_sub(sub: &str) -> Option<UserId> {
    if sub.is_empty() || !sub.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    sub.parse::<i64>().ok().filter(|id| *id > 0).map(UserId)
}

// Tests may unwrap: a panic is the failure report.
#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;
