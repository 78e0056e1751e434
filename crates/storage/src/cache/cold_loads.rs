//! [`ColdLoads`]: one load at a time per key, for answers no cache entry holds yet. Without it,
//! the callers that miss the same cold entry all run its load: right after a restart or a bulk
//! load, 32 concurrent counts of 100,000 jobs held every pooled connection, and on SQLite some
//! requests waited out the pool timeout (503). With it, the first caller loads and the others
//! wait for its turn to end, then find the stored answer.

use std::collections::HashMap;
use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hash};
use std::sync::{Arc, Mutex, PoisonError};

use tokio::sync::{Mutex as Gate, OwnedMutexGuard};

#[derive(Debug, Default)]
pub(crate) struct ColdLoads {
    /// The gates of the keys being loaded. A key hash collision only makes two loads take turns.
    gates: Mutex<HashMap<u64, Arc<Gate<()>>>>,
    hasher: RandomState,
}

/// A caller's turn at loading a key; the next waiting caller goes when it is dropped.
pub(crate) struct Turn<'a> {
    loads: &'a ColdLoads,
    hash: u64,
    guard: Option<OwnedMutexGuard<()>>,
}

impl ColdLoads {
    /// Waits for the callers loading `key` before this one, if any.
    pub(crate) async fn turn<K: Hash>(&self, key: &K) -> Turn<'_> {
        let hash = self.hasher.hash_one(key);
        let gate = self
            .lock()
            .entry(hash)
            .or_insert_with(|| Arc::new(Gate::new(())))
            .clone();
        Turn {
            loads: self,
            hash,
            guard: Some(gate.lock_owned().await),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<u64, Arc<Gate<()>>>> {
        self.gates.lock().unwrap_or_else(PoisonError::into_inner)
    }

    #[cfg(test)]
    fn keys(&self) -> usize {
        self.lock().len()
    }
}

impl Drop for Turn<'_> {
    fn drop(&mut self) {
        let Some(guard) = self.guard.take() else {
            return;
        };
        let mut gates = self.loads.lock();
        // The map's reference and this guard's: nobody waits, the gate goes.
        if Arc::strong_count(OwnedMutexGuard::mutex(&guard)) <= 2 {
            gates.remove(&self.hash);
        }
        drop(gates);
        drop(guard);
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    use super::*;

    #[tokio::test]
    async fn one_load_per_key_at_a_time_and_no_gate_left() {
        let loads = Arc::new(ColdLoads::default());
        let running = Arc::new(AtomicUsize::new(0));
        let most = Arc::new(AtomicUsize::new(0));
        let tasks: Vec<_> = (0..16)
            .map(|i| {
                let (loads, running, most) = (loads.clone(), running.clone(), most.clone());
                tokio::spawn(async move {
                    let _turn = loads.turn(&(i % 2)).await;
                    let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                    most.fetch_max(now, Ordering::SeqCst);
                    tokio::time::sleep(Duration::from_millis(5)).await;
                    running.fetch_sub(1, Ordering::SeqCst);
                })
            })
            .collect();
        for t in tasks {
            t.await.unwrap();
        }
        // Two keys: at most two loads at once, one of each.
        assert!(most.load(Ordering::SeqCst) <= 2);
        assert_eq!(loads.keys(), 0);
    }
}
