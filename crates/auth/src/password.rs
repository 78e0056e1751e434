//! Password hashing (decision 8.4): argon2id for every new hash, legacy bcrypt hashes (imported
//! from the reference database) still accepted and flagged for re-hashing.
//!
//! Hashing is deliberately slow (tens of milliseconds of CPU and 19 MiB of memory per call), so it
//! never runs on an async worker: each call goes to a few dedicated hashing threads ([`pool`]),
//! which cap how many run at once so that a flood of sign-ins queues up instead of starving the
//! machine.

use std::sync::Arc;

use argon2::{Params, PasswordHash};
use async_trait::async_trait;
use intowork_domain::ports::{HashError, PasswordCheck, PasswordHasher};
use tracing::instrument;

use pool::{HashPool, PoolError};

mod argon2_mem;
mod pool;

/// The hashing threads for a machine with `cores` cores: half of them (at least one), so that a
/// flood of sign-ins leaves the other half to every other request.
pub fn hashing_threads_for(cores: usize) -> usize {
    (cores / 2).max(1)
}

/// argon2id of a random, discarded string with the default (OWASP) parameters. `dummy_verify`
/// checks a password against it, so that it costs exactly what a real verification costs.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$\
    4aAZNx2BVOFqiv2r3SlHog$Qk5ZVg7WLOdHM8vcKSicV9oJClatNkbG2MvKJgGZH/s";

/// bcrypt only looks at the first 72 bytes. The reference's bcrypt 5.x refused longer passwords,
/// so such a password can never have been set: treat it as wrong rather than truncating it.
const BCRYPT_MAX_PASSWORD_BYTES: usize = 72;

/// Upper bounds on the cost parameters we are willing to evaluate from a stored hash. A corrupt
/// row asking for terabytes of memory (which aborts the process) or a cost-31 bcrypt (which
/// pins a thread for days) is treated as unusable, i.e. a mismatch.
const MAX_ARGON2_M_KIB: u32 = 1024 * 1024;
const MAX_ARGON2_T: u32 = 64;
const MAX_ARGON2_P: u32 = 16;
const MAX_BCRYPT_COST: u32 = 16;

/// Output length of our hashes (argon2's default); a stored hash of another length is re-hashed.
const OUTPUT_LEN: usize = Params::DEFAULT_OUTPUT_LEN;

/// argon2id password hasher with legacy bcrypt verification.
#[derive(Debug, Clone)]
pub struct Argon2Hasher {
    params: Params,
    pool: Arc<HashPool>,
    /// [`DUMMY_HASH`], or for non-default parameters a hash computed with them at construction.
    dummy_hash: Arc<str>,
}

impl Argon2Hasher {
    /// The production hasher: argon2id v19 with OWASP's recommended parameters (m = 19456 KiB,
    /// t = 2, p = 1, which are argon2's defaults), on `threads` dedicated threads (at least one):
    /// at most that many hashes run at once, the others queue.
    pub fn new(threads: usize) -> Argon2Hasher {
        Argon2Hasher {
            params: Params::DEFAULT,
            pool: HashPool::start(threads),
            dummy_hash: Arc::from(DUMMY_HASH),
        }
    }

    /// A hasher with custom argon2id parameters (`m` in KiB). Meant for tests, which use cheap
    /// parameters; production uses [`Argon2Hasher::new`]. Hashes with other parameters verify and
    /// are reported as [`PasswordCheck::MatchNeedsRehash`].
    ///
    /// With non-default parameters this computes its dummy hash once, synchronously: call it at
    /// start-up, not on an async worker.
    pub fn with_params(m: u32, t: u32, p: u32, threads: usize) -> Result<Argon2Hasher, HashError> {
        let params = Params::new(m, t, p, Some(OUTPUT_LEN))
            .map_err(|e| HashError(format!("invalid argon2 parameters: {e}")))?;
        let dummy_hash = if same_cost(&params, &Params::DEFAULT) {
            Arc::from(DUMMY_HASH)
        } else {
            Arc::from(hash_sync(&params, b"intowork dummy password, never valid")?.as_str())
        };
        Ok(Argon2Hasher {
            params,
            pool: HashPool::start(threads),
            dummy_hash,
        })
    }

    /// Runs `work` on a hashing thread, inside the caller's tracing span.
    async fn run_blocking<T, F>(&self, work: F) -> Result<T, HashError>
    where
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        let span = tracing::Span::current();
        self.pool
            .run(move || {
                let _entered = span.enter();
                work()
            })
            .await
            .map_err(|e| {
                HashError(match e {
                    PoolError::Panicked => "password hashing task panicked".to_owned(),
                    PoolError::Unavailable => "no password hashing thread is running".to_owned(),
                })
            })
    }
}

#[async_trait]
impl PasswordHasher for Argon2Hasher {
    #[instrument(skip_all)]
    async fn hash(&self, password: String) -> Result<String, HashError> {
        let params = self.params.clone();
        self.run_blocking(move || hash_sync(&params, password.as_bytes()))
            .await?
    }

    #[instrument(skip_all)]
    async fn verify(&self, password: String, hash: String) -> Result<PasswordCheck, HashError> {
        let params = self.params.clone();
        let dummy = Arc::clone(&self.dummy_hash);
        self.run_blocking(move || {
            let check = verify_sync(&params, password.as_bytes(), &hash);
            if check.is_none() {
                // Unknown or corrupt format: still spend the time a real check takes.
                burn_dummy(&dummy, password.as_bytes());
            }
            check.unwrap_or(PasswordCheck::Mismatch)
        })
        .await
    }

    #[instrument(skip_all)]
    async fn dummy_verify(&self) {
        let dummy = Arc::clone(&self.dummy_hash);
        let result = self
            .run_blocking(move || burn_dummy(&dummy, b"not the password"))
            .await;
        if let Err(e) = result {
            tracing::warn!(error = %e, "dummy password verification failed");
        }
    }
}

fn hash_sync(params: &Params, password: &[u8]) -> Result<String, HashError> {
    argon2_mem::hash(params, password).map_err(|e| HashError(format!("argon2 hashing failed: {e}")))
}

fn burn_dummy(dummy_hash: &str, password: &[u8]) {
    if let Ok(parsed) = PasswordHash::new(dummy_hash) {
        let _ = argon2_mem::verify(password, &parsed);
    }
}

/// `None` when the stored hash is in no format we know or cannot be evaluated.
fn verify_sync(params: &Params, password: &[u8], stored: &str) -> Option<PasswordCheck> {
    if stored.starts_with("$argon2id$") {
        verify_argon2(params, password, stored)
    } else if ["$2a$", "$2b$", "$2y$"]
        .iter()
        .any(|prefix| stored.starts_with(prefix))
    {
        verify_bcrypt(password, stored)
    } else {
        None
    }
}

fn verify_argon2(current: &Params, password: &[u8], stored: &str) -> Option<PasswordCheck> {
    let parsed = PasswordHash::new(stored).ok()?;
    let stored_params = Params::try_from(&parsed).ok()?;
    if stored_params.m_cost() > MAX_ARGON2_M_KIB
        || stored_params.t_cost() > MAX_ARGON2_T
        || stored_params.p_cost() > MAX_ARGON2_P
    {
        return None;
    }
    // Algorithm, version and parameters come from the stored hash.
    if !argon2_mem::verify(password, &parsed)? {
        return Some(PasswordCheck::Mismatch);
    }
    let up_to_date = parsed.version == Some(argon2::Version::V0x13.into())
        && parsed.hash.as_ref().map(|h| h.len()) == Some(OUTPUT_LEN)
        && same_cost(&stored_params, current);
    Some(if up_to_date {
        PasswordCheck::Match
    } else {
        PasswordCheck::MatchNeedsRehash
    })
}

fn verify_bcrypt(password: &[u8], stored: &str) -> Option<PasswordCheck> {
    let cost: u32 = stored.get(4..6)?.parse().ok()?;
    if cost > MAX_BCRYPT_COST {
        return None;
    }
    if password.len() > BCRYPT_MAX_PASSWORD_BYTES {
        return Some(PasswordCheck::Mismatch);
    }
    match bcrypt::verify(password, stored) {
        // bcrypt is the legacy scheme: a correct password is re-hashed to argon2id on sign-in.
        Ok(true) => Some(PasswordCheck::MatchNeedsRehash),
        Ok(false) => Some(PasswordCheck::Mismatch),
        Err(_) => None,
    }
}

fn same_cost(a: &Params, b: &Params) -> bool {
    a.m_cost() == b.m_cost() && a.t_cost() == b.t_cost() && a.p_cost() == b.p_cost()
}

// Tests may unwrap: a panic is the failure report.
#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;
