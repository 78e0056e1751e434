use std::time::Duration;

use argon2::{Params, PasswordHash};
use intowork_domain::ports::{PasswordCheck, PasswordHasher};

use super::{Argon2Hasher, DUMMY_HASH};

/// The cheapest parameters argon2 accepts (8 KiB, one pass): tests stay fast in debug builds.
fn cheap() -> Argon2Hasher {
    Argon2Hasher::with_params(8, 1, 1, 2).unwrap()
}

async fn check(hasher: &Argon2Hasher, password: &str, hash: &str) -> PasswordCheck {
    hasher
        .verify(password.to_owned(), hash.to_owned())
        .await
        .unwrap()
}

#[tokio::test]
async fn hash_and_verify_round_trip() {
    let hasher = cheap();
    let hash = hasher.hash("correct horse".to_owned()).await.unwrap();
    assert!(hash.starts_with("$argon2id$v=19$m=8,t=1,p=1$"), "{hash}");
    assert_eq!(
        check(&hasher, "correct horse", &hash).await,
        PasswordCheck::Match
    );
}

#[tokio::test]
async fn wrong_password_is_a_mismatch() {
    let hasher = cheap();
    let hash = hasher.hash("correct horse".to_owned()).await.unwrap();
    assert_eq!(
        check(&hasher, "correct horsf", &hash).await,
        PasswordCheck::Mismatch
    );
    assert_eq!(check(&hasher, "", &hash).await, PasswordCheck::Mismatch);
}

#[tokio::test]
async fn hashes_are_salted() {
    let hasher = cheap();
    let a = hasher.hash("same password".to_owned()).await.unwrap();
    let b = hasher.hash("same password".to_owned()).await.unwrap();
    assert_ne!(a, b);
    assert_eq!(
        check(&hasher, "same password", &a).await,
        PasswordCheck::Match
    );
    assert_eq!(
        check(&hasher, "same password", &b).await,
        PasswordCheck::Match
    );
}

#[tokio::test]
async fn production_parameters_are_owasp_and_argon2_defaults() {
    assert_eq!(
        (
            Params::DEFAULT.m_cost(),
            Params::DEFAULT.t_cost(),
            Params::DEFAULT.p_cost()
        ),
        (19_456, 2, 1)
    );
    let hasher = Argon2Hasher::new(1);
    let hash = hasher.hash("production password".to_owned()).await.unwrap();
    assert!(
        hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
        "{hash}"
    );
    assert_eq!(
        check(&hasher, "production password", &hash).await,
        PasswordCheck::Match
    );
}

#[test]
fn dummy_hash_uses_the_production_parameters() {
    let parsed = PasswordHash::new(DUMMY_HASH).unwrap();
    assert_eq!(parsed.algorithm.as_str(), "argon2id");
    let params = Params::try_from(&parsed).unwrap();
    assert_eq!(
        (params.m_cost(), params.t_cost(), params.p_cost()),
        (19_456, 2, 1)
    );
    assert_eq!(parsed.hash.map(|h| h.len()), Some(32));
}

#[tokio::test]
async fn argon2_hash_with_other_parameters_needs_rehash() {
    let old = Argon2Hasher::with_params(16, 2, 1, 1).unwrap();
    let hash = old.hash("upgrade me".to_owned()).await.unwrap();
    let current = cheap();
    assert_eq!(
        check(&current, "upgrade me", &hash).await,
        PasswordCheck::MatchNeedsRehash
    );
    assert_eq!(
        check(&current, "wrong", &hash).await,
        PasswordCheck::Mismatch
    );
}

#[tokio::test]
async fn bcrypt_hash_verifies_and_needs_rehash() {
    let hasher = cheap();
    let hash = bcrypt::hash("legacy password", 4).unwrap();
    assert!(hash.starts_with("$2b$04$"), "{hash}");
    assert_eq!(
        check(&hasher, "legacy password", &hash).await,
        PasswordCheck::MatchNeedsRehash
    );
    assert_eq!(
        check(&hasher, "legacy passwore", &hash).await,
        PasswordCheck::Mismatch
    );
    // The same digest under the other prefixes the reference's libraries wrote.
    for prefix in ["$2a$", "$2y$"] {
        let variant = format!("{prefix}{}", &hash[4..]);
        assert_eq!(
            check(&hasher, "legacy password", &variant).await,
            PasswordCheck::MatchNeedsRehash,
            "{prefix}"
        );
    }
}

#[tokio::test]
async fn bcrypt_never_truncates_long_passwords() {
    let hasher = cheap();
    let exactly_72 = "x".repeat(72);
    let hash = bcrypt::hash(&exactly_72, 4).unwrap();
    assert_eq!(
        check(&hasher, &exactly_72, &hash).await,
        PasswordCheck::MatchNeedsRehash
    );
    // bcrypt itself would ignore everything past byte 72 and say "match".
    let longer = "x".repeat(100);
    assert_eq!(
        check(&hasher, &longer, &hash).await,
        PasswordCheck::Mismatch
    );
}

#[tokio::test]
async fn unknown_or_corrupt_hashes_are_mismatches() {
    let hasher = cheap();
    let bcrypt_hash = bcrypt::hash("pw", 4).unwrap();
    let argon_hash = hasher.hash("pw".to_owned()).await.unwrap();
    let garbage = [
        String::new(),
        "plain text password".to_owned(),
        "pw".to_owned(),
        "$argon2id$".to_owned(),
        "$argon2id$v=19$m=8,t=1,p=1$garbage".to_owned(),
        argon_hash[..argon_hash.len() - 5].to_owned(),
        argon_hash.replacen("$argon2id$", "$argon2i$", 1),
        "$argon2id$v=19$m=4294967295,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA".to_owned(),
        "$2b$04$short".to_owned(),
        bcrypt_hash[..bcrypt_hash.len() - 3].to_owned(),
        bcrypt_hash.replacen("$04$", "$31$", 1),
        "$2x$04$abcdefghijklmnopqrstuuabcdefghijklmnopqrstuvwxyz01234".to_owned(),
        "$scrypt$ln=16,r=8,p=1$aM15713r3Xsvxbi31lqr1Q$nFNh2CVHVjNldFVKDHDlm4CbdRSCdEBsjjJxD+iCs5E"
            .to_owned(),
    ];
    for hash in &garbage {
        assert_eq!(
            check(&hasher, "pw", hash).await,
            PasswordCheck::Mismatch,
            "{hash:?}"
        );
    }
}

#[tokio::test]
async fn dummy_verify_completes() {
    cheap().dummy_verify().await;
}

#[test]
fn invalid_parameters_are_refused() {
    assert!(Argon2Hasher::with_params(1, 1, 1, 1).is_err());
    assert!(Argon2Hasher::with_params(8, 0, 1, 1).is_err());
    assert!(Argon2Hasher::with_params(8, 1, 0, 1).is_err());
}

#[tokio::test]
async fn concurrency_cap_queues_instead_of_failing() {
    // 0 threads is clamped to 1; with one thread, concurrent calls run one after another.
    let hasher = std::sync::Arc::new(Argon2Hasher::with_params(8, 1, 1, 0).unwrap());
    let hash = hasher.hash("queued".to_owned()).await.unwrap();
    let tasks: Vec<_> = (0..8)
        .map(|_| {
            let hasher = std::sync::Arc::clone(&hasher);
            let hash = hash.clone();
            tokio::spawn(async move { hasher.verify("queued".to_owned(), hash).await })
        })
        .collect();
    for task in tasks {
        let result = tokio::time::timeout(Duration::from_secs(30), task)
            .await
            .expect("a queued verification never finished")
            .unwrap();
        assert_eq!(result.unwrap(), PasswordCheck::Match);
    }
}

#[test]
fn debug_shows_no_password_material() {
    let text = format!("{:?}", cheap());
    assert!(text.contains("Argon2Hasher"), "{text}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn at_most_max_concurrent_hashes_run_at_once() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    let hasher = Arc::new(Argon2Hasher::with_params(8, 1, 1, 2).unwrap());
    let running = Arc::new(AtomicUsize::new(0));
    let peak = Arc::new(AtomicUsize::new(0));
    let tasks: Vec<_> = (0..6)
        .map(|_| {
            let (hasher, running, peak) = (hasher.clone(), running.clone(), peak.clone());
            tokio::spawn(async move {
                hasher
                    .run_blocking(move || {
                        let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                        peak.fetch_max(now, Ordering::SeqCst);
                        std::thread::sleep(Duration::from_millis(30));
                        running.fetch_sub(1, Ordering::SeqCst);
                    })
                    .await
            })
        })
        .collect();
    for task in tasks {
        task.await.unwrap().unwrap();
    }
    assert_eq!(peak.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn a_panic_while_hashing_becomes_a_hash_error() {
    let result: Result<(), _> = cheap().run_blocking(|| panic!("boom")).await;
    let err = result.unwrap_err();
    assert!(err.0.contains("panicked"), "{err}");
}

#[tokio::test]
async fn hashing_runs_on_the_dedicated_threads() {
    let name = cheap()
        .run_blocking(|| std::thread::current().name().map(str::to_owned))
        .await
        .unwrap();
    assert!(name.is_some_and(|n| n.starts_with("argon2-")));
}

#[tokio::test]
async fn a_thread_survives_a_panicking_job() {
    let hasher = Argon2Hasher::with_params(8, 1, 1, 1).unwrap();
    assert!(hasher.run_blocking(|| panic!("boom")).await.is_err());
    assert_eq!(hasher.run_blocking(|| 7).await.unwrap(), 7);
}

#[tokio::test]
async fn an_abandoned_job_is_skipped() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};

    let hasher = Argon2Hasher::with_params(8, 1, 1, 1).unwrap();
    let (release, gate) = std::sync::mpsc::channel::<()>();
    // Occupy the only thread, queue a job, then stop waiting for it.
    let busy = {
        let hasher = hasher.clone();
        tokio::spawn(async move { hasher.run_blocking(move || gate.recv().is_ok()).await })
    };
    tokio::time::sleep(Duration::from_millis(50)).await;
    let ran = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&ran);
    let abandoned = tokio::time::timeout(
        Duration::from_millis(50),
        hasher.run_blocking(move || flag.store(true, Ordering::SeqCst)),
    )
    .await;
    assert!(abandoned.is_err(), "the queued job cannot have run yet");
    release.send(()).unwrap();
    assert!(busy.await.unwrap().unwrap());
    // A job queued after the abandoned one runs, so the abandoned one was dequeued by now.
    hasher.run_blocking(|| ()).await.unwrap();
    assert!(!ran.load(Ordering::SeqCst));
}

#[test]
fn half_the_cores_hash() {
    assert_eq!(super::hashing_threads_for(1), 1);
    assert_eq!(super::hashing_threads_for(2), 1);
    assert_eq!(super::hashing_threads_for(8), 4);
}
