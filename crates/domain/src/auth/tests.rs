//! Service tests for the account use cases, against mockall doubles of every port.

use std::sync::Arc;

use chrono::{DateTime, TimeZone, Utc};
use mockall::predicate::eq;

use super::*;
use crate::error::RepoError;
use crate::files::MockFileStore;
use crate::ids::UserId;
use crate::ports::{
    Commit, CreateUserError, DeletedUser, IssuedToken, MockClock, MockPasswordHasher,
    MockTokenIssuer, MockUserRepository, PasswordCheck, PasswordHashChange, TokenClaims,
    TokenError, UpdateEmailError,
};
use crate::user::{Email, PasswordPolicyError, Role, SignupRole, User};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 10, 0, 0).unwrap()
}

fn user(role: Role) -> User {
    User {
        id: UserId(7),
        email: "jane@example.com".into(),
        role,
        first_name: "Jane".into(),
        last_name: "Doe".into(),
        name: Some("Jane Doe".into()),
        image: None,
        is_active: true,
        token_version: 3,
        password_hash: Some("$argon2id$stored".into()),
        created_at: now(),
        updated_at: now(),
    }
}

fn token() -> IssuedToken {
    IssuedToken {
        access_token: "tok".into(),
        expires_at: now(),
    }
}

struct Mocks {
    users: MockUserRepository,
    hasher: MockPasswordHasher,
    tokens: MockTokenIssuer,
    files: MockFileStore,
}

impl Mocks {
    fn new() -> Self {
        Self {
            users: MockUserRepository::new(),
            hasher: MockPasswordHasher::new(),
            tokens: MockTokenIssuer::new(),
            files: MockFileStore::new(),
        }
    }

    fn service(self) -> AuthService {
        let mut clock = MockClock::new();
        clock.expect_now().returning(now);
        AuthService::new(
            Arc::new(self.users),
            Arc::new(self.hasher),
            Arc::new(self.tokens),
            Arc::new(self.files),
            Arc::new(clock),
        )
    }
}

fn signup_cmd(role: SignupRole, password: &str) -> SignupCommand {
    SignupCommand {
        email: Email::parse("Jane@Example.com").unwrap(),
        password: password.into(),
        first_name: "Jane".into(),
        last_name: "Doe".into(),
        role,
    }
}

#[tokio::test]
async fn the_email_check_alone_writes_nothing_and_passes_a_free_address() {
    let mut m = Mocks::new();
    m.users
        .expect_find_by_email()
        .with(eq("jane@example.com".to_string()))
        .returning(|_| Ok(None));
    m.users.expect_create_with_profile().never();
    m.hasher.expect_hash().never();
    let email = Email::parse("Jane@Example.com").unwrap();
    m.service().check_email_free(&email).await.unwrap();
}

#[tokio::test]
async fn signup_rejects_short_password_before_hashing() {
    let mut m = Mocks::new();
    m.hasher.expect_hash().never();
    let err = m
        .service()
        .signup(signup_cmd(SignupRole::Candidate, "short"))
        .await
        .unwrap_err();
    assert!(matches!(
        err,
        SignupError::WeakPassword(PasswordPolicyError::TooShort)
    ));
}

#[tokio::test]
async fn signup_stores_the_hash_not_the_password_and_issues_a_token() {
    let mut m = Mocks::new();
    m.hasher
        .expect_hash()
        .with(eq("longenough".to_string()))
        .returning(|_| Ok("$argon2id$new".into()));
    m.users
        .expect_create_with_profile()
        .withf(|n| {
            n.password_hash == "$argon2id$new"
                && n.role == Role::Employer
                && n.email.as_str() == "Jane@example.com"
        })
        .returning(|_| Ok(user(Role::Employer)));
    m.tokens
        .expect_issue()
        .times(1)
        .returning(|_, _| Ok(token()));
    let session = m
        .service()
        .signup(signup_cmd(SignupRole::Employer, "longenough"))
        .await
        .unwrap();
    assert_eq!(session.user.role, Role::Employer);
    assert_eq!(session.token.access_token, "tok");
}

#[tokio::test]
async fn signup_maps_a_taken_email() {
    let mut m = Mocks::new();
    m.hasher.expect_hash().returning(|_| Ok("h".into()));
    m.users
        .expect_create_with_profile()
        .returning(|_| Err(CreateUserError::EmailTaken));
    m.tokens.expect_issue().never();
    let err = m
        .service()
        .signup(signup_cmd(SignupRole::Candidate, "longenough"))
        .await
        .unwrap_err();
    assert!(matches!(err, SignupError::EmailTaken));
}

#[tokio::test]
async fn signin_unknown_email_spends_a_dummy_verification() {
    let mut m = Mocks::new();
    m.users
        .expect_find_by_email()
        .with(eq("jane@example.com".to_string()))
        .returning(|_| Ok(None));
    m.hasher.expect_dummy_verify().times(1).returning(|| ());
    m.hasher.expect_verify().never();
    let err = m
        .service()
        .signin(
            &Email::parse("JANE@example.com").unwrap(),
            "whatever1".into(),
        )
        .await
        .unwrap_err();
    assert!(matches!(err, SigninError::InvalidCredentials));
}

#[tokio::test]
async fn signin_over_long_password_is_invalid_credentials_without_lookup() {
    let mut m = Mocks::new();
    m.users.expect_find_by_email().never();
    m.hasher.expect_dummy_verify().times(1).returning(|| ());
    let err = m
        .service()
        .signin(&Email::parse("jane@example.com").unwrap(), "x".repeat(300))
        .await
        .unwrap_err();
    assert!(matches!(err, SigninError::InvalidCredentials));
}

#[tokio::test]
async fn signin_inactive_is_reported_only_after_the_password_matched() {
    let mut m = Mocks::new();
    m.users.expect_find_by_email().returning(|_| {
        let mut u = user(Role::Candidate);
        u.is_active = false;
        Ok(Some(u))
    });
    m.hasher
        .expect_verify()
        .returning(|_, _| Ok(PasswordCheck::Mismatch));
    let svc = m.service();
    let email = Email::parse("jane@example.com").unwrap();
    assert!(matches!(
        svc.signin(&email, "wrongpass".into()).await.unwrap_err(),
        SigninError::InvalidCredentials
    ));

    let mut m = Mocks::new();
    m.users.expect_find_by_email().returning(|_| {
        let mut u = user(Role::Candidate);
        u.is_active = false;
        Ok(Some(u))
    });
    m.hasher
        .expect_verify()
        .returning(|_, _| Ok(PasswordCheck::Match));
    m.tokens.expect_issue().never();
    assert!(matches!(
        m.service()
            .signin(&email, "rightpass".into())
            .await
            .unwrap_err(),
        SigninError::Inactive
    ));
}

#[tokio::test]
async fn signin_with_legacy_hash_rehashes_without_revoking_tokens() {
    let mut m = Mocks::new();
    m.users
        .expect_find_by_email()
        .returning(|_| Ok(Some(user(Role::Candidate))));
    m.hasher
        .expect_verify()
        .returning(|_, _| Ok(PasswordCheck::MatchNeedsRehash));
    m.hasher
        .expect_hash()
        .times(1)
        .returning(|_| Ok("$argon2id$upgraded".into()));
    m.users
        .expect_set_password_hash()
        .withf(|id, hash, change, _| {
            *id == UserId(7)
                && hash == "$argon2id$upgraded"
                && *change == PasswordHashChange::Rehash
        })
        .times(1)
        .returning(|_, _, _, _| Ok(Some(user(Role::Candidate))));
    m.tokens.expect_issue().returning(|_, _| Ok(token()));
    let s = m
        .service()
        .signin(
            &Email::parse("jane@example.com").unwrap(),
            "rightpass".into(),
        )
        .await
        .unwrap();
    assert_eq!(s.user.id, UserId(7));
}

#[tokio::test]
async fn authenticate_checks_in_contract_order() {
    // Expired signature wins before any lookup.
    let mut m = Mocks::new();
    m.tokens
        .expect_verify()
        .returning(|_| Err(TokenError::Expired));
    m.users.expect_find_by_id().never();
    assert!(matches!(
        m.service().authenticate("t").await,
        Err(AuthenticateError::Expired)
    ));

    // A deleted user is an invalid token, not a 404.
    let mut m = Mocks::new();
    m.tokens.expect_verify().returning(|_| {
        Ok(TokenClaims {
            user_id: UserId(7),
            token_version: 3,
        })
    });
    m.users.expect_find_by_id().returning(|_| Ok(None));
    assert!(matches!(
        m.service().authenticate("t").await,
        Err(AuthenticateError::Invalid)
    ));

    // Inactive is checked before the version.
    let mut m = Mocks::new();
    m.tokens.expect_verify().returning(|_| {
        Ok(TokenClaims {
            user_id: UserId(7),
            token_version: 1,
        })
    });
    m.users.expect_find_by_id().returning(|_| {
        let mut u = user(Role::Candidate);
        u.is_active = false;
        Ok(Some(u))
    });
    assert!(matches!(
        m.service().authenticate("t").await,
        Err(AuthenticateError::Inactive)
    ));

    // An older version is revoked.
    let mut m = Mocks::new();
    m.tokens.expect_verify().returning(|_| {
        Ok(TokenClaims {
            user_id: UserId(7),
            token_version: 2,
        })
    });
    m.users
        .expect_find_by_id()
        .returning(|_| Ok(Some(user(Role::Candidate))));
    assert!(matches!(
        m.service().authenticate("t").await,
        Err(AuthenticateError::Revoked)
    ));

    // The current version passes.
    let mut m = Mocks::new();
    m.tokens.expect_verify().returning(|_| {
        Ok(TokenClaims {
            user_id: UserId(7),
            token_version: 3,
        })
    });
    m.users
        .expect_find_by_id()
        .returning(|_| Ok(Some(user(Role::Candidate))));
    assert_eq!(m.service().authenticate("t").await.unwrap().id, UserId(7));
}

#[tokio::test]
async fn change_password_checks_current_first_then_policy_then_revokes() {
    let mut m = Mocks::new();
    m.hasher
        .expect_verify()
        .returning(|_, _| Ok(PasswordCheck::Mismatch));
    m.users.expect_set_password_hash().never();
    let err = m
        .service()
        .change_password(&user(Role::Candidate), "wrong".into(), "x".into())
        .await
        .unwrap_err();
    assert!(matches!(err, ChangePasswordError::IncorrectPassword));

    let mut m = Mocks::new();
    m.hasher
        .expect_verify()
        .returning(|_, _| Ok(PasswordCheck::Match));
    m.hasher.expect_hash().never();
    let err = m
        .service()
        .change_password(&user(Role::Candidate), "right".into(), "short".into())
        .await
        .unwrap_err();
    assert!(matches!(
        err,
        ChangePasswordError::WeakPassword(PasswordPolicyError::TooShort)
    ));

    let mut m = Mocks::new();
    m.hasher
        .expect_verify()
        .returning(|_, _| Ok(PasswordCheck::Match));
    m.hasher
        .expect_hash()
        .returning(|_| Ok("$argon2id$new".into()));
    m.users
        .expect_set_password_hash()
        .withf(|_, _, change, _| *change == PasswordHashChange::NewPassword)
        .times(1)
        .returning(|_, _, _, _| {
            let mut u = user(Role::Candidate);
            u.token_version = 4;
            Ok(Some(u))
        });
    m.tokens
        .expect_issue()
        .withf(|u, _| u.token_version == 4)
        .returning(|_, _| Ok(token()));
    let s = m
        .service()
        .change_password(
            &user(Role::Candidate),
            "right".into(),
            "brand-new-pass".into(),
        )
        .await
        .unwrap();
    assert_eq!(s.user.token_version, 4);
}

#[tokio::test]
async fn change_password_without_a_stored_hash_is_incorrect_not_a_failure() {
    let mut m = Mocks::new();
    m.hasher.expect_verify().never();
    let mut u = user(Role::Candidate);
    u.password_hash = None;
    let err = m
        .service()
        .change_password(&u, "anything".into(), "brand-new-pass".into())
        .await
        .unwrap_err();
    assert!(matches!(err, ChangePasswordError::IncorrectPassword));
}

#[tokio::test]
async fn change_email_maps_conflicts_and_wrong_password() {
    let mut m = Mocks::new();
    m.hasher
        .expect_verify()
        .returning(|_, _| Ok(PasswordCheck::Mismatch));
    m.users.expect_update_email().never();
    let err = m
        .service()
        .change_email(
            &user(Role::Candidate),
            Email::parse("n@x.com").unwrap(),
            "p".into(),
        )
        .await
        .unwrap_err();
    assert!(matches!(err, ChangeEmailError::IncorrectPassword));

    let mut m = Mocks::new();
    m.hasher
        .expect_verify()
        .returning(|_, _| Ok(PasswordCheck::Match));
    m.users
        .expect_update_email()
        .returning(|_, _, _| Err(UpdateEmailError::EmailTaken));
    let err = m
        .service()
        .change_email(
            &user(Role::Candidate),
            Email::parse("n@x.com").unwrap(),
            "p".into(),
        )
        .await
        .unwrap_err();
    assert!(matches!(err, ChangeEmailError::EmailTaken));
}

#[tokio::test]
async fn delete_account_removes_files_after_the_rows() {
    let mut m = Mocks::new();
    m.users.expect_applicants_of().never();
    m.users.expect_delete_account().times(1).returning(|_| {
        Ok(Commit::Done(DeletedUser {
            cv_keys: vec!["cv/a.pdf".into(), "../evil".into(), "cv/b.pdf".into()],
            image_keys: vec!["images/jobs/c.png".into()],
        }))
    });
    // The malformed key is skipped; a failing delete does not fail the request.
    m.files
        .expect_delete()
        .withf(|k| k.as_str() == "cv/a.pdf")
        .times(1)
        .returning(|_| Err(crate::files::FileStoreError::Backend("down".into())));
    m.files
        .expect_delete()
        .withf(|k| k.as_str() == "cv/b.pdf")
        .times(1)
        .returning(|_| Ok(()));
    // The pictures of the jobs deleted with an employer's account go too.
    m.files
        .expect_delete()
        .withf(|k| k.as_str() == "images/jobs/c.png")
        .times(1)
        .returning(|_| Ok(()));
    m.service()
        .delete_account(&user(Role::Candidate))
        .await
        .unwrap();
}

#[tokio::test]
async fn delete_account_does_not_touch_files_when_the_rows_stay() {
    let mut m = Mocks::new();
    m.users
        .expect_delete_account()
        .returning(|_| Err(RepoError::Unavailable("down".into())));
    m.files.expect_delete().never();
    let err = m
        .service()
        .delete_account(&user(Role::Candidate))
        .await
        .unwrap_err();
    assert!(matches!(
        err,
        DeleteAccountError::Repo(RepoError::Unavailable(_))
    ));
}

#[tokio::test]
async fn deleting_an_employer_account_tells_its_applicants_in_the_same_commit() {
    let mut m = Mocks::new();
    m.users
        .expect_applicants_of()
        .with(eq(UserId(7)))
        .times(1)
        .returning(|_| Ok(vec![UserId(30), UserId(31)]));
    m.users
        .expect_delete_account()
        .withf(|r| {
            r.user == UserId(7)
                && r.applicants == vec![UserId(30), UserId(31)]
                && r.at == now()
                && r.notifications.len() == 2
                && r.notifications.iter().all(|n| {
                    n.title == "Offre retirée"
                        && n.message == "Une offre à laquelle vous aviez postulé a été retirée."
                })
        })
        .times(1)
        .returning(|_| Ok(Commit::Done(DeletedUser::default())));
    m.files.expect_delete().never();
    m.service()
        .delete_account(&user(Role::Employer))
        .await
        .unwrap();
}

#[tokio::test]
async fn the_email_check_alone_reports_a_taken_address() {
    let mut m = Mocks::new();
    m.users
        .expect_find_by_email()
        .with(eq("jane@example.com".to_string()))
        .returning(|_| Ok(Some(user(Role::Candidate))));
    m.users.expect_create_with_profile().never();
    let email = Email::parse("Jane@Example.com").unwrap();
    let err = m.service().check_email_free(&email).await.unwrap_err();
    assert!(matches!(err, SignupError::EmailTaken));
}
