//! A cap on the requests one client address has in flight at once, so that slow requests from one
//! address cannot hold every connection the server can keep.
//!
//! "Client address" is the one the rate limits use ([`crate::client_ip`]): behind a proxy
//! (`TRUSTED_PROXY_HOPS` > 0) every socket's peer is the proxy, so a cap on sockets per peer
//! would cap all users together; the resolved address is only known once the request head has
//! arrived, hence a cap on requests, not on connections. A request holds its slot from its head
//! to its response: reading the body is the slow part an attacker controls (bounded by the body
//! deadlines). Connections that never finish their head never reach this cap; the head timeout
//! (`client_request_timeout`) closes them.
//!
//! Legitimate traffic is short: even many users behind one NAT rarely have more than a few
//! requests in flight together, so the cap only bites on requests that stay open. The middleware
//! that applies it is `in_flight::limit_in_flight`.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

/// Requests in flight per client address; an address with none has no entry.
type InFlight = Arc<Mutex<HashMap<String, usize>>>;

/// The counts of requests in flight per client address, shared by every worker.
#[derive(Clone, Debug)]
pub struct ClientSlots {
    cap: usize,
    in_flight: InFlight,
}

impl ClientSlots {
    /// At most `cap` requests in flight per client address; 0 turns the cap off.
    pub fn new(cap: usize) -> Self {
        Self {
            cap,
            in_flight: Arc::default(),
        }
    }

    pub fn cap(&self) -> usize {
        self.cap
    }

    /// A slot for `client`, released when the guard is dropped; `None` when all are taken.
    pub fn take(&self, client: &str) -> Option<SlotGuard> {
        if self.cap == 0 {
            return Some(SlotGuard { release: None });
        }
        // A panic while holding the lock leaves the map consistent (each step is one insert or
        // remove), so a poisoned lock is still usable.
        let mut counts = self
            .in_flight
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let count = counts.entry(client.to_owned()).or_insert(0);
        if *count >= self.cap {
            return None;
        }
        *count += 1;
        Some(SlotGuard {
            release: Some((self.in_flight.clone(), client.to_owned())),
        })
    }

    /// Addresses with a request in flight (the map never keeps an idle address).
    pub fn tracked(&self) -> usize {
        self.in_flight
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len()
    }
}

/// Holds one slot; dropping it (response produced, or the request abandoned) frees the slot.
#[derive(Debug)]
pub struct SlotGuard {
    release: Option<(InFlight, String)>,
}

impl Drop for SlotGuard {
    fn drop(&mut self) {
        let Some((in_flight, client)) = self.release.take() else {
            return;
        };
        let mut counts = in_flight.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(count) = counts.get_mut(&client) {
            *count = count.saturating_sub(1);
            if *count == 0 {
                counts.remove(&client);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::ClientSlots;

    #[test]
    fn a_slot_per_request_up_to_the_cap_then_freed_on_drop() {
        let slots = ClientSlots::new(2);
        let a = slots.take("198.51.100.1").expect("first");
        let b = slots.take("198.51.100.1").expect("second");
        assert!(slots.take("198.51.100.1").is_none(), "third over the cap");
        assert!(slots.take("198.51.100.2").is_some(), "another address");
        drop(a);
        let c = slots.take("198.51.100.1").expect("a freed slot");
        drop((b, c));
        assert_eq!(slots.tracked(), 0, "idle addresses are forgotten");
    }

    #[test]
    fn zero_turns_the_cap_off() {
        let slots = ClientSlots::new(0);
        let held: Vec<_> = (0..100).map(|_| slots.take("198.51.100.1")).collect();
        assert!(held.iter().all(Option::is_some));
        assert_eq!(slots.tracked(), 0);
    }
}
