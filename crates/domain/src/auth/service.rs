//! The account use cases: sign-up, sign-in, token authentication, password and email changes, and
//! account deletion (CONTRACT 3.2, 1.2, decisions 8.4, 8.11, 9.6).

use std::sync::Arc;

use derive_new::new;
use tracing::{info, instrument, warn};

use super::error::{
    AuthenticateError, ChangeEmailError, ChangePasswordError, DeleteAccountError, SigninError,
    SignupError,
};
use super::session::{Session, SignupCommand};
use crate::error::RepoError;
use crate::files::{FileStore, remove_files};
use crate::ports::{
    AccountRemoval, Clock, Commit, CreateUserError, DECISION_ATTEMPTS, HashError, IssuedToken,
    PasswordCheck, PasswordHashChange, PasswordHasher, TokenError, TokenIssuer, UpdateEmailError,
    UserRepository, facts_kept_changing,
};
use crate::user::{
    Email, NewUser, PASSWORD_MAX_BYTES, Role, User, check_password_policy, normalize_email,
};

/// Accounts: sign-up, sign-in, token authentication, password and email changes, deletion.
#[derive(new)]
pub struct AuthService {
    pub(super) users: Arc<dyn UserRepository>,
    pub(super) hasher: Arc<dyn PasswordHasher>,
    pub(super) tokens: Arc<dyn TokenIssuer>,
    pub(super) files: Arc<dyn FileStore>,
    pub(super) clock: Arc<dyn Clock>,
}

impl AuthService {
    #[instrument(skip_all, fields(role = Role::from(cmd.role).as_str()))]
    pub async fn signup(&self, cmd: SignupCommand) -> Result<Session, SignupError> {
        check_password_policy(&cmd.password).map_err(SignupError::WeakPassword)?;
        let password_hash = self.hasher.hash(cmd.password).await?;
        let new = NewUser {
            email: cmd.email,
            password_hash,
            role: cmd.role.into(),
            first_name: cmd.first_name,
            last_name: cmd.last_name,
            now: self.clock.now(),
        };
        let user = self
            .users
            .create_with_profile(new)
            .await
            .map_err(|e| match e {
                CreateUserError::EmailTaken => SignupError::EmailTaken,
                CreateUserError::Repo(e) => SignupError::Repo(e),
            })?;
        info!(user_id = %user.id, "user signed up");
        let token = self.issue(&user).map_err(SignupError::Token)?;
        Ok(Session { user, token })
    }

    /// Sign-up's first check on its own (CONTRACT 3.2 step 1): `EmailTaken` when the address is
    /// registered. The reference reports a taken email before a bad role (step 2), so the edge
    /// runs this before answering a role it could not parse.
    pub async fn check_email_free(&self, email: &Email) -> Result<(), SignupError> {
        match self.users.find_by_email(&email.normalized()).await? {
            Some(_) => Err(SignupError::EmailTaken),
            None => Ok(()),
        }
    }

    #[instrument(skip_all)]
    pub async fn signin(&self, email: &Email, password: String) -> Result<Session, SigninError> {
        // Over-long passwords are never hashed (bounded cost); they simply cannot match.
        if password.len() > PASSWORD_MAX_BYTES {
            self.hasher.dummy_verify().await;
            return Err(SigninError::InvalidCredentials);
        }
        let found = self.users.find_by_email(&email.normalized()).await?;
        let Some((user, hash)) = found.and_then(|u| u.password_hash.clone().map(|h| (u, h))) else {
            self.hasher.dummy_verify().await;
            return Err(SigninError::InvalidCredentials);
        };
        let check = self.hasher.verify(password.clone(), hash).await?;
        if check == PasswordCheck::Mismatch {
            return Err(SigninError::InvalidCredentials);
        }
        // The password is checked first, so "inactive" is only revealed to the account's owner.
        if !user.is_active {
            return Err(SigninError::Inactive);
        }
        let user = if check == PasswordCheck::MatchNeedsRehash {
            self.rehash(user, password).await
        } else {
            user
        };
        let token = self.issue(&user).map_err(SigninError::Token)?;
        Ok(Session { user, token })
    }

    /// Upgrades a legacy hash after a successful sign-in. Failure only costs the upgrade.
    async fn rehash(&self, user: User, password: String) -> User {
        let result = async {
            let hash = self.hasher.hash(password).await?;
            self.users
                .set_password_hash(user.id, hash, PasswordHashChange::Rehash, self.clock.now())
                .await
                .map_err(|e| HashError(e.to_string()))
        }
        .await;
        match result {
            Ok(Some(updated)) => {
                info!(user_id = %user.id, "legacy password hash upgraded to argon2id");
                updated
            }
            Ok(None) => user,
            Err(e) => {
                warn!(user_id = %user.id, error = %e, "password re-hash failed");
                user
            }
        }
    }

    /// Resolves a bearer token to an active user, in the order of CONTRACT 9.6.
    #[instrument(skip_all)]
    pub async fn authenticate(&self, token: &str) -> Result<User, AuthenticateError> {
        let claims = self.tokens.verify(token).map_err(|e| match e {
            TokenError::Expired => AuthenticateError::Expired,
            TokenError::Invalid | TokenError::Issue(_) => AuthenticateError::Invalid,
        })?;
        let user = self
            .users
            .find_by_id(claims.user_id)
            .await?
            .ok_or(AuthenticateError::Invalid)?;
        if !user.is_active {
            return Err(AuthenticateError::Inactive);
        }
        if claims.token_version != user.token_version {
            return Err(AuthenticateError::Revoked);
        }
        Ok(user)
    }

    #[instrument(skip_all, fields(user_id = %user.id))]
    pub async fn change_password(
        &self,
        user: &User,
        current: String,
        new: String,
    ) -> Result<Session, ChangePasswordError> {
        if !self.password_matches(user, current).await? {
            return Err(ChangePasswordError::IncorrectPassword);
        }
        check_password_policy(&new).map_err(ChangePasswordError::WeakPassword)?;
        let hash = self.hasher.hash(new).await?;
        let updated = self
            .users
            .set_password_hash(
                user.id,
                hash,
                PasswordHashChange::NewPassword,
                self.clock.now(),
            )
            .await?
            .ok_or(ChangePasswordError::UserGone)?;
        info!("password changed; older tokens revoked");
        let token = self.issue(&updated).map_err(ChangePasswordError::Token)?;
        Ok(Session {
            user: updated,
            token,
        })
    }

    #[instrument(skip_all, fields(user_id = %user.id))]
    pub async fn change_email(
        &self,
        user: &User,
        new_email: Email,
        password: String,
    ) -> Result<Session, ChangeEmailError> {
        if !self.password_matches(user, password).await? {
            return Err(ChangeEmailError::IncorrectPassword);
        }
        let updated = self
            .users
            .update_email(user.id, new_email, self.clock.now())
            .await
            .map_err(|e| match e {
                UpdateEmailError::EmailTaken => ChangeEmailError::EmailTaken,
                UpdateEmailError::NotFound => ChangeEmailError::UserGone,
                UpdateEmailError::Repo(e) => ChangeEmailError::Repo(e),
            })?;
        let token = self.issue(&updated).map_err(ChangeEmailError::Token)?;
        Ok(Session {
            user: updated,
            token,
        })
    }

    /// Deletes the account with everything attached to it, then removes its files. File removal
    /// happens after the commit and is best-effort: a failure is logged and left to the CV sweep.
    /// Candidates who lose an application with an employer's account are told (9.11); when one
    /// applies meanwhile, the commit is refused and the decision made again.
    #[instrument(skip_all, fields(user_id = %user.id))]
    pub async fn delete_account(&self, user: &User) -> Result<(), DeleteAccountError> {
        for _ in 0..DECISION_ATTEMPTS {
            let applicants = match user.role {
                Role::Employer => self.users.applicants_of(user.id).await?,
                Role::Candidate | Role::Admin => Vec::new(),
            };
            let removal = AccountRemoval::decide(user.id, &applicants, self.clock.now());
            match self.users.delete_account(removal).await? {
                Commit::Done(deleted) => {
                    let files = deleted.file_keys();
                    remove_files(self.files.as_ref(), &files).await;
                    info!(files = files.len(), "account deleted");
                    return Ok(());
                }
                Commit::NotFound => return Err(DeleteAccountError::UserGone),
                Commit::Stale => info!("applicants changed meanwhile; deciding again"),
            }
        }
        Err(facts_kept_changing().into())
    }

    /// Looks a user up by a raw email address (for operator tooling).
    pub async fn find_by_email(&self, raw: &str) -> Result<Option<User>, RepoError> {
        self.users.find_by_email(&normalize_email(raw)).await
    }

    async fn password_matches(&self, user: &User, password: String) -> Result<bool, HashError> {
        if password.len() > PASSWORD_MAX_BYTES {
            return Ok(false);
        }
        match &user.password_hash {
            Some(hash) => {
                Ok(self.hasher.verify(password, hash.clone()).await? != PasswordCheck::Mismatch)
            }
            None => Ok(false),
        }
    }

    fn issue(&self, user: &User) -> Result<IssuedToken, TokenError> {
        self.tokens.issue(user, self.clock.now())
    }
}
