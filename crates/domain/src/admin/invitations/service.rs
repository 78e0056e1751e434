//! Creating accounts without a password, and mailing their set-password links.

use std::sync::Arc;

use chrono::TimeDelta;
use derive_new::new;
use tracing::{info, instrument};

use super::command::{InviteCommand, NewInvitedAccount};
use super::errors::{InviteError, ResendCredentialsError};
use super::mail::{CredentialsMail, credentials_mail};
use super::port::InvitationRepository;
use crate::admin::{Actor, AdminRepository, AuditAction, UserRecord, json_string};
use crate::company::CompanyName;
use crate::ids::UserId;
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
    clock: Arc<dyn Clock>,
    settings: RecoverySettings,
}

impl InvitationService {
    /// Creates the account, its link and the link's mail in one transaction: the mail is
    /// delivered by the outbox (retried while SMTP is down), so an account never exists without
    /// its link on the way, and no mail leaves for an account that was not created.
    #[instrument(skip_all, fields(role = Role::from(cmd.role).as_str()))]
    pub async fn invite(
        &self,
        actor: &Actor,
        cmd: InviteCommand,
    ) -> Result<UserRecord, InviteError> {
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
        let mail = credentials_mail(
            &self.settings,
            CredentialsMail::Created,
            cmd.email.as_str(),
            &cmd.first_name,
            &token,
        );
        let account = NewInvitedAccount {
            email: cmd.email,
            first_name: cmd.first_name,
            last_name: cmd.last_name,
            role,
            company,
            token_hash: self.tokens.hash(&token),
            token_expires_at: now + SET_PASSWORD_TOKEN_TTL,
            mail,
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
        Ok(user)
    }

    /// Queues a fresh set-password link's mail; older links stop working. At most one a minute
    /// per account, as for forgotten passwords. Returns the address it goes to.
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
        let mail = credentials_mail(
            &self.settings,
            CredentialsMail::Resent,
            &user.email,
            &user.first_name,
            &token,
        );
        if !self
            .repo
            .reissue(issued, now - RESET_LINK_MIN_INTERVAL, audit, mail)
            .await?
        {
            return Err(ResendCredentialsError::RecentlySent);
        }
        info!(actor = %actor.label(), action = AuditAction::UserResendCredentials.as_str(), target_user_id = %target, "admin action");
        Ok(user.email)
    }
}
