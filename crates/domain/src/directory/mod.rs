//! The public pages' figures and company directory (HEAD.md 10.11): the landing page's counters,
//! the job market statistics and the list of companies. Anonymous, cheap reads that show only
//! what a company publishes about itself: never an address, a phone number or an e-mail.

mod port;
mod records;
mod service;

pub use port::DirectoryRepository;
#[cfg(any(test, feature = "mocks"))]
pub use port::MockDirectoryRepository;
pub use records::{DirectoryCompany, DirectoryPage, LabelCount, MarketStats, PublicCounts};
pub use service::{DirectoryService, MARKET_TOP_COUNTRIES, MARKET_TOP_INDUSTRIES};

#[cfg(test)]
mod tests;
