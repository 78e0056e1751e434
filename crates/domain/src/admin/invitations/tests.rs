//! Service tests for accounts created by an admin, against mockall doubles.

use std::sync::{Arc, Mutex};

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use mockall::predicate::eq;

use super::*;
use crate::admin::{Actor, AuditAction, MockAdminRepository, UserRecord};
use crate::error::RepoError;
use crate::ids::UserId;
use crate::mail::OutgoingMail;
use crate::ports::{CreateUserError, MockClock};
use crate::recovery::{IssuedResetToken, MockResetTokens, RecoverySettings};
use crate::user::{Email, Role, SignupRole, User};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 7, 10, 0, 0).unwrap()
}

fn admin() -> Actor {
    Actor::Admin(User {
        id: UserId(1),
        email: "admin@example.com".into(),
        role: Role::Admin,
        first_name: "Ada".into(),
        last_name: "Min".into(),
        name: None,
        image: None,
        is_active: true,
        token_version: 0,
        password_hash: None,
        created_at: now(),
        updated_at: now(),
    })
}

fn record(id: i64, role: Role, active: bool) -> UserRecord {
    UserRecord {
        id: UserId(id),
        email: format!("awa{id}@example.com"),
        first_name: "Awa".into(),
        last_name: "Diop".into(),
        role,
        is_active: active,
        clerk_id: None,
        created_at: now(),
    }
}

fn command(role: SignupRole, company: Option<&str>) -> InviteCommand {
    InviteCommand {
        email: Email::parse("awa7@example.com").unwrap(),
        first_name: "Awa".into(),
        last_name: "Diop".into(),
        role,
        company_name: company.map(str::to_owned),
    }
}

#[derive(Default)]
struct Mocks {
    users: MockAdminRepository,
    repo: MockInvitationRepository,
}

impl Mocks {
    fn service(self) -> InvitationService {
        let mut tokens = MockResetTokens::new();
        tokens.expect_generate().returning(|| "tok-1".into());
        tokens.expect_hash().returning(|t| format!("sha256({t})"));
        let mut clock = MockClock::new();
        clock.expect_now().returning(now);
        InvitationService::new(
            Arc::new(self.users),
            Arc::new(self.repo),
            Arc::new(tokens),
            Arc::new(clock),
            RecoverySettings {
                frontend_url: "https://app.example.com/".into(),
                reset_path: "/reset-password".into(),
            },
        )
    }
}

#[tokio::test]
async fn an_employer_gets_a_new_company_a_72_hour_link_and_no_password() {
    let mut m = Mocks::default();
    // The mail is queued with the account, in its transaction.
    let sent: Arc<Mutex<Vec<OutgoingMail>>> = Arc::default();
    let seen = sent.clone();
    m.repo
        .expect_create_account()
        .withf(|account, audit| {
            account.email.as_str() == "awa7@example.com"
                && account.role == Role::Employer
                && account.company.as_ref().map(|c| c.as_str()) == Some("Acme")
                && account.token_hash == "sha256(tok-1)"
                && account.token_expires_at == now() + TimeDelta::hours(72)
                && audit.action == AuditAction::UserCreate
                && audit.details == r#"{"role":"employer","company":"Acme","via":"api"}"#
        })
        .times(1)
        .returning(move |account, _| {
            seen.lock().unwrap().push(account.mail);
            Ok(record(7, Role::Employer, true))
        });
    let user = m
        .service()
        .invite(&admin(), command(SignupRole::Employer, Some("Acme")))
        .await
        .unwrap();
    assert_eq!(user.id, UserId(7));
    let mails = sent.lock().unwrap();
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].to, "awa7@example.com");
    assert_eq!(mails[0].subject, "Votre compte IntoWork a été créé");
    assert!(
        mails[0]
            .text
            .contains("\nhttps://app.example.com/reset-password?token=tok-1\n"),
        "{}",
        mails[0].text
    );
    assert!(mails[0].text.contains("72 heures"));
    assert!(!mails[0].text.contains("sha256"));
}

#[tokio::test]
async fn a_candidate_gets_no_company_even_when_one_is_named() {
    let mut m = Mocks::default();
    m.repo
        .expect_create_account()
        .withf(|account, audit| {
            account.company.is_none()
                && account.role == Role::Candidate
                && audit.details == r#"{"role":"candidate","company":null,"via":"api"}"#
        })
        .times(1)
        .returning(|_, _| Ok(record(7, Role::Candidate, true)));
    m.service()
        .invite(&admin(), command(SignupRole::Candidate, Some("Acme")))
        .await
        .unwrap();
}

#[tokio::test]
async fn an_employer_without_a_company_name_is_refused_before_any_write() {
    for name in [None, Some(""), Some("   ")] {
        let mut m = Mocks::default();
        m.repo.expect_create_account().never();
        assert!(
            matches!(
                m.service()
                    .invite(&admin(), command(SignupRole::Employer, name))
                    .await,
                Err(InviteError::CompanyNameRequired)
            ),
            "{name:?}"
        );
    }
}

#[tokio::test]
async fn a_taken_email_is_refused() {
    let mut m = Mocks::default();
    m.repo
        .expect_create_account()
        .returning(|_, _| Err(CreateUserError::EmailTaken));
    assert!(matches!(
        m.service()
            .invite(&admin(), command(SignupRole::Candidate, None))
            .await,
        Err(InviteError::EmailTaken)
    ));
}

#[tokio::test]
async fn resending_replaces_the_link_with_a_72_hour_one_at_most_once_a_minute() {
    let mut m = Mocks::default();
    m.users
        .expect_find_user()
        .with(eq(UserId(7)))
        .returning(|_| Ok(Some(record(7, Role::Employer, true))));
    m.repo
        .expect_reissue()
        .with(
            eq(IssuedResetToken {
                user: UserId(7),
                token_hash: "sha256(tok-1)".into(),
                issued_at: now(),
                expires_at: now() + TimeDelta::hours(72),
            }),
            eq(now() - TimeDelta::seconds(60)),
            mockall::predicate::function(|audit: &crate::admin::AuditRecord| {
                audit.action == AuditAction::UserResendCredentials
                    && audit.details == r#"{"role":"employer","via":"api"}"#
            }),
            // The mail is queued with the new token, in its transaction.
            mockall::predicate::function(|mail: &OutgoingMail| {
                mail.to == "awa7@example.com"
                    && mail.subject == "Choisissez votre mot de passe IntoWork"
                    && mail
                        .text
                        .contains("https://app.example.com/reset-password?token=tok-1")
            }),
        )
        .times(1)
        .returning(|_, _, _, _| Ok(true));
    let to = m.service().resend(&admin(), UserId(7)).await.unwrap();
    assert_eq!(to, "awa7@example.com");
}

#[tokio::test]
async fn a_recent_link_is_kept_and_nothing_is_queued() {
    let mut m = Mocks::default();
    m.users
        .expect_find_user()
        .returning(|_| Ok(Some(record(7, Role::Candidate, true))));
    m.repo.expect_reissue().returning(|_, _, _, _| Ok(false));
    assert!(matches!(
        m.service().resend(&admin(), UserId(7)).await,
        Err(ResendCredentialsError::RecentlySent)
    ));
}

#[tokio::test]
async fn admins_unknown_and_inactive_accounts_get_no_link() {
    let mut m = Mocks::default();
    m.users.expect_find_user().returning(|id| {
        Ok(match id.get() {
            2 => Some(record(2, Role::Admin, true)),
            3 => Some(record(3, Role::Candidate, false)),
            _ => None,
        })
    });
    m.repo.expect_reissue().never();
    let svc = m.service();
    assert!(matches!(
        svc.resend(&admin(), UserId(2)).await,
        Err(ResendCredentialsError::TargetIsAdmin)
    ));
    assert!(matches!(
        svc.resend(&admin(), UserId(3)).await,
        Err(ResendCredentialsError::Inactive)
    ));
    assert!(matches!(
        svc.resend(&admin(), UserId(9)).await,
        Err(ResendCredentialsError::NotFound)
    ));
}

#[tokio::test]
async fn storage_failures_surface_as_such() {
    let mut m = Mocks::default();
    m.users
        .expect_find_user()
        .returning(|_| Err(RepoError::Unavailable("down".into())));
    assert!(matches!(
        m.service().resend(&admin(), UserId(7)).await,
        Err(ResendCredentialsError::Repo(RepoError::Unavailable(_)))
    ));
}

/// Until its owner follows the link, an account created here has no password: signing in with
/// any password is the plain "wrong credentials" answer, after the same dummy verification as an
/// unknown address (no hint that the account exists).
#[tokio::test]
async fn an_account_without_a_password_cannot_sign_in() {
    use crate::auth::{AuthService, SigninError};
    use crate::files::MockFileStore;
    use crate::ports::{MockPasswordHasher, MockTokenIssuer, MockUserRepository};

    let mut users = MockUserRepository::new();
    users.expect_find_by_email().returning(|_| {
        Ok(Some(User {
            id: UserId(7),
            email: "awa7@example.com".into(),
            role: Role::Candidate,
            first_name: "Awa".into(),
            last_name: "Diop".into(),
            name: None,
            image: None,
            is_active: true,
            token_version: 0,
            password_hash: None,
            created_at: now(),
            updated_at: now(),
        }))
    });
    let mut hasher = MockPasswordHasher::new();
    hasher.expect_dummy_verify().times(1).returning(|| ());
    hasher.expect_verify().never();
    let mut tokens = MockTokenIssuer::new();
    tokens.expect_issue().never();
    let mut clock = MockClock::new();
    clock.expect_now().returning(now);
    let auth = AuthService::new(
        Arc::new(users),
        Arc::new(hasher),
        Arc::new(tokens),
        Arc::new(MockFileStore::new()),
        Arc::new(clock),
    );
    let email = Email::parse("awa7@example.com").unwrap();
    assert!(matches!(
        auth.signin(&email, "any-password".into()).await,
        Err(SigninError::InvalidCredentials)
    ));
}
