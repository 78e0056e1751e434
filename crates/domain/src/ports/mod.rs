//! Port traits: what the domain needs from the outside world. Adapters implement them; services hold
//! them as `Arc<dyn Port>`, so adding a port never adds a type parameter.
//!
//! Each method's doc states its error contract. Repository methods are async: the storage adapter
//! runs its synchronous queries on the blocking pool, never on an async worker.

mod account_removal;
mod clock;
mod commit;
mod health;
mod passwords;
mod tokens;
mod users;

pub use account_removal::{AccountRemoval, DeletedUser};
pub use clock::{Clock, SystemClock};
pub use commit::{Commit, DECISION_ATTEMPTS, facts_kept_changing};
pub use health::DatabaseHealth;
pub use passwords::{HashError, PasswordCheck, PasswordHasher};
pub use tokens::{IssuedToken, TokenClaims, TokenError, TokenIssuer};
pub use users::{CreateUserError, PasswordHashChange, UpdateEmailError, UserRepository};

#[cfg(any(test, feature = "mocks"))]
pub use clock::MockClock;
#[cfg(any(test, feature = "mocks"))]
pub use health::MockDatabaseHealth;
#[cfg(any(test, feature = "mocks"))]
pub use passwords::MockPasswordHasher;
#[cfg(any(test, feature = "mocks"))]
pub use tokens::MockTokenIssuer;
#[cfg(any(test, feature = "mocks"))]
pub use users::MockUserRepository;
