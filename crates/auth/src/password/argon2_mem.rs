//! argon2id hashing and verification with working memory that goes back to the OS afterwards.
//!
//! argon2 needs `m` KiB of working memory per call (19 MiB at OWASP's cost). The crate's own
//! `hash_password`/`verify_password` allocate exactly that, and glibc's malloc keeps such blocks:
//! after the first one is freed it raises its mmap threshold to 19 MiB, so later ones come from
//! the heap and stay resident (measured: 1.6 GB RSS after a 15 s sign-in flood; see
//! docs/performance.md). Here the memory is a `Vec` whose *capacity* is above glibc's largest
//! dynamic threshold (32 MiB on 64-bit), so it is always a private mapping that `free` unmaps;
//! only the `m` KiB actually written are ever resident. Everything else (PHC format, constant-time
//! comparison) is the `argon2`/`phc` crates' own code.

use argon2::password_hash::phc::{Output, ParamsString, PasswordHash, Salt};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use rand::RngCore;

/// Bytes of capacity that always make glibc map the block (its dynamic threshold stops at 32 MiB).
const ALWAYS_MAPPED_BYTES: usize = 33 * 1024 * 1024;

/// Salt length for new hashes (the argon2 crate's recommended 16 bytes).
const SALT_LEN: usize = 16;

/// The argon2 output of `password` and `salt` into `out`, with mapped working memory.
fn derive(
    ctx: &Argon2<'_>,
    blocks: usize,
    password: &[u8],
    salt: &[u8],
    out: &mut [u8],
) -> Result<(), argon2::Error> {
    let capacity = blocks.max(ALWAYS_MAPPED_BYTES / std::mem::size_of::<Block>());
    let mut memory: Vec<Block> = Vec::with_capacity(capacity);
    memory.resize(blocks, Block::default());
    ctx.hash_password_into_with_memory(password, salt, out, &mut memory[..])
}

/// A new argon2id (v19) hash of `password` with `params`, as a PHC string.
pub(super) fn hash(params: &Params, password: &[u8]) -> Result<String, String> {
    let mut salt = [0u8; SALT_LEN];
    rand::rng().fill_bytes(&mut salt);
    let ctx = Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone());
    let mut out = vec![0u8; params.output_len().unwrap_or(Params::DEFAULT_OUTPUT_LEN)];
    derive(&ctx, params.block_count(), password, &salt, &mut out).map_err(|e| e.to_string())?;
    let phc = PasswordHash {
        algorithm: Algorithm::Argon2id.ident(),
        version: Some(Version::V0x13.into()),
        params: ParamsString::try_from(params).map_err(|e| e.to_string())?,
        salt: Some(Salt::new(&salt).map_err(|e| e.to_string())?),
        hash: Some(Output::new(&out).map_err(|e| e.to_string())?),
    };
    Ok(phc.to_string())
}

/// Whether `password` matches the parsed argon2 hash (algorithm, version and parameters taken
/// from the hash itself). `None` when the hash cannot be evaluated.
pub(super) fn verify(password: &[u8], parsed: &PasswordHash) -> Option<bool> {
    let algorithm = Algorithm::try_from(parsed.algorithm.as_str()).ok()?;
    let version = Version::try_from(parsed.version.unwrap_or(Version::V0x13.into())).ok()?;
    let expected = parsed.hash.as_ref()?;
    let salt = parsed.salt.as_ref()?;
    let params = Params::try_from(parsed).ok()?;
    let blocks = params.block_count();
    let ctx = Argon2::new(algorithm, version, params);
    let mut out = vec![0u8; expected.len()];
    derive(&ctx, blocks, password, salt.as_ref(), &mut out).ok()?;
    // `Output`'s equality is constant-time.
    Some(Output::new(&out).ok()? == *expected)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use argon2::password_hash::PasswordVerifier as _;

    use super::*;

    fn cheap() -> Params {
        Params::new(8, 1, 1, Some(32)).unwrap()
    }

    #[test]
    fn hashes_are_what_the_argon2_crate_verifies() {
        let stored = hash(&cheap(), b"correct horse").unwrap();
        assert!(
            stored.starts_with("$argon2id$v=19$m=8,t=1,p=1$"),
            "{stored}"
        );
        let parsed = PasswordHash::new(&stored).unwrap();
        assert!(
            Argon2::default()
                .verify_password(b"correct horse", &parsed)
                .is_ok()
        );
        assert!(
            Argon2::default()
                .verify_password(b"correct horsf", &parsed)
                .is_err()
        );
    }

    #[test]
    fn verifies_what_the_argon2_crate_hashes() {
        use argon2::password_hash::CustomizedPasswordHasher as _;
        let theirs = Argon2::default()
            .hash_password_customized(b"pw", b"saltsaltsalt", None, None, cheap())
            .unwrap();
        assert_eq!(verify(b"pw", &theirs), Some(true));
        assert_eq!(verify(b"pX", &theirs), Some(false));
    }

    #[test]
    fn two_hashes_of_one_password_differ_by_salt() {
        assert_ne!(
            hash(&cheap(), b"pw").unwrap(),
            hash(&cheap(), b"pw").unwrap()
        );
    }
}
