//! Creating accounts without a password, and mailing their set-password links.

use std::sync::Arc;

use chrono::TimeDelta;
use derive_new::new;
use tracing::{error, info, instrument};

use super::command::{InviteCommand, Invited, NewInvitedAccount};
use super::errors::{InviteError, ResendCredentialsError};
use super::mail::{CredentialsMail, credentials_mail};
use super::port::InvitationRepository;
use crate::admin::{Actor, AdminRepository, AuditAction, json_string};
use crate::company::CompanyName;
use crate::ids::UserId;
use crate::mail::Mailer;
use crate::ports::{Clock, CreateUserError};
use crate::recovery::{IssuedResetToken, RESET_LINK_MIN_INTERVAL, RecoverySettings, ResetTokens};
use crate::user::{Role, SignupRole};

/// How long a set-password link works: long enough to be found in a mailbox after a weekend.
pub const SET_PASSWORD_TOKEN_TTL: TimeDelta = TimeDelta::hours(72);

#[derive(new)]
pub struct InvitationService {
    users: Arc<dyn AdminRepository>,
    repo: Arc<dyn InvitationRepository>,
    tokens: Arc<dyn ResetTokens>,
    mailer: Arc<dyn Mailer>,
    clock: Arc<dyn Clock>,
    settings: RecoverySettings,
}

impl InvitationService {
    /// Creates the account and its link in one transaction, then mails the link. A mail failure
    /// is logged and reported in [`Invited::mailed`]; the account stays, and
    /// [`InvitationService::resend`] sends a new link.
    #[instrument(skip_all, fields(role = Role::from(cmd.role).as_str()))]
    pub async fn invite(&self, actor: &Actor, cmd: InviteCommand) -> Result<Invited, InviteError> {
        let company = match cmd.role {
            SignupRole::Employer => Some(
                cmd.company_name
                    .and_then(|name| CompanyName::parse(name).ok())
                    .ok_or(InviteError::CompanyNameRequired)?,
            ),
            SignupRole::Candidate => None,
        };
        let role = Role::from(cmd.role);
        let token = self.tokens.generate();
        let now = self.clock.now();
        let company_detail = company
            .as_ref()
            .map_or_else(|| "null".to_owned(), |c| json_string(c.as_str()));
        let details = format!(
            r#"{{"role":"{}","company":{company_detail},"via":"{}"}}"#,
            role.as_str(),
            actor.via()
        );
        let account = NewInvitedAccount {
            email: cmd.email,
            first_name: cmd.first_name,
            last_name: cmd.last_name,
            role,
            company,
            token_hash: self.tokens.hash(&token),
            token_expires_at: now + SET_PASSWORD_TOKEN_TTL,
            now,
        };
        let audit = actor.audit(AuditAction::UserCreate, details, now);
        let user = self
            .repo
            .create_account(account, audit)
            .await
            .map_err(|e| match e {
                CreateUserError::EmailTaken => InviteError::EmailTaken,
                CreateUserError::Repo(e) => InviteError::Repo(e),
            })?;
        info!(actor = %actor.label(), action = AuditAction::UserCreate.as_str(), target_user_id = %user.id, "admin action");
        let mail = credentials_mail(
            &self.settings,
            CredentialsMail::Created,
            &user.email,
            &user.first_name,
            &token,
        );
        let mailed = match self.mailer.send(mail).await {
            Ok(()) => true,
            Err(e) => {
                error!(target_user_id = %user.id, error = %e, "set-password mail not sent; the account exists, resend the link");
                false
            }
        };
        Ok(Invited { user, mailed })
    }

    /// Mails a fresh set-password link; older links stop working. At most one a minute per
    /// account, as for forgotten passwords. Returns the address it went to.
    #[instrument(skip_all, fields(target_user_id = %target))]
    pub async fn resend(
        &self,
        actor: &Actor,
        target: UserId,
    ) -> Result<String, ResendCredentialsError> {
        let user = self
            .users
            .find_user(target)
            .await?
            .ok_or(ResendCredentialsError::NotFound)?;
        if matches!(actor, Actor::Admin(_)) && user.role == Role::Admin {
            return Err(ResendCredentialsError::TargetIsAdmin);
        }
        if !user.is_active {
            return Err(ResendCredentialsError::Inactive);
        }
        let token = self.tokens.generate();
        let now = self.clock.now();
        let issued = IssuedResetToken {
            user: user.id,
            token_hash: self.tokens.hash(&token),
            issued_at: now,
            expires_at: now + SET_PASSWORD_TOKEN_TTL,
        };
        let details = format!(
            r#"{{"role":"{}","via":"{}"}}"#,
            user.role.as_str(),
            actor.via()
        );
        let audit = actor.audit(AuditAction::UserResendCredentials, details, now);
        if !self
            .repo
            .reissue(issued, now - RESET_LINK_MIN_INTERVAL, audit)
            .await?
        {
            return Err(ResendCredentialsError::RecentlySent);
        }
        let mail = credentials_mail(
            &self.settings,
            CredentialsMail::Resent,
            &user.email,
            &user.first_name,
            &token,
        );
        self.mailer.send(mail).await?;
        info!(actor = %actor.label(), action = AuditAction::UserResendCredentials.as_str(), target_user_id = %target, "admin action");
        Ok(user.email)
    }
}
