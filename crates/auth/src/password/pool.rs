//! A few dedicated threads for argon2, instead of tokio's blocking pool.
//!
//! Why not `spawn_blocking`: the blocking pool grows to hundreds of threads under a sign-in flood and
//! shares them with database work, and each argon2 run allocates 19 MiB. With glibc's malloc, the
//! first free of such a block raises the mmap threshold, so later blocks come from per-thread
//! arenas and stay resident: a 15 s flood of 64 sign-ins left the server at 1.6 GB RSS (measured,
//! see docs/performance.md). A fixed set of hashing threads caps both the CPU (at most `threads`
//! hashes at once, the rest queue) and the memory argon2 can ever hold.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread;

use tokio::sync::oneshot;

type Job = Box<dyn FnOnce() + Send + 'static>;

/// Why a job gave no result.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum PoolError {
    Panicked,
    /// The pool's threads are gone (they could not be started, or the process is shutting down).
    Unavailable,
}

/// The sending half; the worker threads exit once every clone of the pool is dropped.
#[derive(Debug)]
pub(crate) struct HashPool {
    jobs: Sender<Job>,
}

impl HashPool {
    /// Starts `threads` worker threads (at least one) named `argon2-<n>`.
    pub(crate) fn start(threads: usize) -> Arc<HashPool> {
        let threads = threads.max(1);
        let (tx, rx) = channel::<Job>();
        let rx = Arc::new(Mutex::new(rx));
        for n in 0..threads {
            let rx = Arc::clone(&rx);
            if let Err(e) = thread::Builder::new()
                .name(format!("argon2-{n}"))
                .spawn(move || work(&rx))
            {
                tracing::error!(error = %e, "could not start a password hashing thread");
            }
        }
        Arc::new(HashPool { jobs: tx })
    }

    /// Queues `f` and waits for its result. A caller that stops waiting (client gone) leaves a
    /// queued job to be skipped rather than computed for nobody.
    pub(crate) async fn run<T, F>(&self, f: F) -> Result<T, PoolError>
    where
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        let (tx, rx) = oneshot::channel();
        let job: Job = Box::new(move || {
            if tx.is_closed() {
                return;
            }
            let result = catch_unwind(AssertUnwindSafe(f)).map_err(|_| PoolError::Panicked);
            let _ = tx.send(result);
        });
        self.jobs.send(job).map_err(|_| PoolError::Unavailable)?;
        rx.await.unwrap_or(Err(PoolError::Unavailable))
    }
}

fn work(jobs: &Mutex<Receiver<Job>>) {
    loop {
        // The lock is held only while waiting for the next job; the job runs unlocked.
        let next = jobs.lock().unwrap_or_else(PoisonError::into_inner).recv();
        match next {
            Ok(job) => job(),
            Err(_) => return,
        }
    }
}
