//! A company's uploaded logo (HEAD.md 10.4). `logo_url` is also a link the employer may type
//! (PUT my-company); the stored key says which object the URL serves, so that it can be removed
//! once nothing points at it.

use tracing::{info, instrument};

use super::entity::UploadedLogo;
use super::error::{CompanyLogoError, MyCompanyError};
use super::service::CompanyService;
use crate::error::RepoError;
use crate::image::{ImageKind, public_path};
use crate::user::User;

impl CompanyService {
    /// The caller's company gets the uploaded logo: the object is written under a new key, then
    /// `logo_url` (the absolute link `link` builds from the image's public path) and the key are
    /// written together; the logo it replaces is removed after that. A failed write removes the
    /// new object again.
    #[instrument(skip_all, fields(user_id = %user.id, size = bytes.len()))]
    pub async fn replace_logo(
        &self,
        user: &User,
        bytes: Vec<u8>,
        link: impl FnOnce(&str) -> String + Send,
    ) -> Result<UploadedLogo, CompanyLogoError> {
        let company = self.my_company_id(user).await?;
        let stored = self.images.put(ImageKind::CompanyLogo, bytes).await?;
        let key = stored.key.as_str().to_owned();
        let Some(path) = public_path(&key) else {
            self.images.discard(&key).await;
            return Err(RepoError::Internal("a new logo key is not an image key".into()).into());
        };
        let url = link(&path);
        let written = self
            .repo
            .replace_logo(company, key.clone(), url.clone(), self.clock.now())
            .await;
        let replaced = match written {
            Ok(Some(replaced)) => replaced,
            Ok(None) => {
                self.images.discard(&key).await;
                return Err(CompanyLogoError::CompanyNotFound);
            }
            Err(e) => {
                self.images.discard(&key).await;
                return Err(e.into());
            }
        };
        if let Some(previous) = replaced.previous_key {
            self.images.discard(&previous).await;
        }
        info!(company_id = %company, "company logo replaced");
        Ok(UploadedLogo {
            logo_url: url,
            size: stored.size,
        })
    }

    /// The upload's checks that need no body: an employer profile with a company. The route
    /// runs them before reading the file.
    pub async fn check_logo_owner(&self, user: &User) -> Result<(), CompanyLogoError> {
        self.my_company_id(user)
            .await
            .map(drop)
            .map_err(|e: MyCompanyError| e.into())
    }
}
