//! CV files: upload rules, storage order, access control and signed links (CONTRACT 3.3, 3.11,
//! 5.2, 5.4, decisions 8.7, 8.19, 9.2, 9.4, 9.12, 9.13).

mod download;
mod entity;
mod error;
mod port;
mod service;
mod upload;

pub use download::LINK_TTL_MINUTES;
pub use entity::{Cv, CvFile, CvRemoval, NewCv, UploadedCv};
pub use error::{CvAccessError, InsertCvError, UploadCvError};
pub use port::{CvRepository, KeyGenerator, LinkSigner};
#[cfg(any(test, feature = "mocks"))]
pub use port::{MockCvRepository, MockKeyGenerator, MockLinkSigner};
pub use service::CvService;
pub use upload::{CvLimits, CvUpload, is_pdf, sanitize_filename};

#[cfg(test)]
mod tests;
