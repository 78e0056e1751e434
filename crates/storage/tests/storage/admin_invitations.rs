//! `DieselInvitationRepository` against its contract: accounts created without a password, each
//! with a new company (never one found by name), a set-password token and one audit row, all or
//! nothing; and reissued links under the once-a-minute rule.

use chrono::TimeDelta;
use diesel::prelude::*;
use intowork_domain::admin::AuditAction;
use intowork_domain::admin::invitations::{InvitationRepository, NewInvitedAccount};
use intowork_domain::company::CompanyName;
use intowork_domain::mail::{MailKind, OutgoingMail};
use intowork_domain::ports::{CreateUserError, UserRepository};
use intowork_domain::recovery::{IssuedResetToken, ResetTokenRepository};
use intowork_domain::user::{Email, Role};
use intowork_storage::schema::{companies, employers};
use intowork_storage::{DieselInvitationRepository, DieselResetTokenRepository, Outbox};
use intowork_testkit::TestDb;

use crate::admin_companies::{audit, audit_actions};
use crate::job_fixtures::*;
use crate::support::*;

fn invited(email: &str, role: Role, company: Option<&str>, hash: &str) -> NewInvitedAccount {
    NewInvitedAccount {
        email: Email::parse(email).unwrap(),
        first_name: "Awa".into(),
        last_name: "Diop".into(),
        role,
        company: company.map(|c| CompanyName::parse(c.to_owned()).unwrap()),
        token_hash: hash.into(),
        token_expires_at: at(10) + TimeDelta::hours(72),
        mail: link_mail(email),
        now: at(10),
    }
}

fn link_mail(to: &str) -> OutgoingMail {
    OutgoingMail::text(
        MailKind::SET_PASSWORD,
        to,
        "Votre compte IntoWork a été créé",
        "https://app.example.com/reset-password?token=t",
    )
}

async fn an_invited_employer_gets_a_new_company_a_token_and_no_password(test_db: TestDb) {
    let r = Repos::new(migrated(&test_db));
    let repo = DieselInvitationRepository::new(r.db.clone(), Outbox::new("intowork.test"));
    let existing = r.employer("boss@acme.fr", "Acme").await;
    let user = repo
        .create_account(
            invited("Awa@Example.com", Role::Employer, Some("Acme"), "h1"),
            audit(AuditAction::UserCreate, 10),
        )
        .await
        .unwrap();
    assert_eq!(
        (user.email.as_str(), user.role, user.is_active),
        ("Awa@example.com", Role::Employer, true)
    );
    let stored = r.users.find_by_email("awa@example.com");
    assert_eq!(stored.await.unwrap().unwrap().password_hash, None);
    // Never the existing "Acme": a new row of the same name.
    assert_eq!(count(&r.db, "companies", "name = 'Acme'").await, 2);
    let uid = user.id.get();
    let (company, employer_company) = with_conn(&r.db, move |c| {
        let e: Option<i64> = employers::table
            .filter(employers::user_id.eq(uid))
            .select(employers::company_id)
            .first(c)?;
        let newest: i64 = companies::table
            .select(companies::id)
            .order(companies::id.desc())
            .first(c)?;
        Ok((newest, e))
    })
    .await;
    assert_eq!(employer_company, Some(company));
    assert_ne!(company, existing.2.get());
    // The link works like a reset link, for 72 hours.
    let tokens = DieselResetTokenRepository::new(r.db.clone(), Outbox::new("intowork.test"));
    assert!(
        tokens
            .is_usable("h1".into(), at(10) + TimeDelta::hours(71))
            .await
            .unwrap()
    );
    assert!(
        !tokens
            .is_usable("h1".into(), at(10) + TimeDelta::hours(72))
            .await
            .unwrap()
    );
    assert_eq!(
        audit_actions(&r).await,
        vec![("user.create".to_owned(), Some(user.id))]
    );
    // Its mail is queued in the same transaction.
    assert_eq!(
        count(
            &r.db,
            "mail_outbox",
            "kind = 'set_password' AND status = 'queued'"
        )
        .await,
        1
    );

    let candidate = repo
        .create_account(
            invited("binta@example.com", Role::Candidate, None, "h2"),
            audit(AuditAction::UserCreate, 11),
        )
        .await
        .unwrap();
    let cu = candidate.id.get();
    with_conn(&r.db, move |c| candidate_id(c, cu)).await;
}

async fn a_taken_email_creates_nothing(test_db: TestDb) {
    let r = Repos::new(migrated(&test_db));
    let repo = DieselInvitationRepository::new(r.db.clone(), Outbox::new("intowork.test"));
    r.employer("boss@acme.fr", "Acme").await;
    let tables = [
        "users",
        "companies",
        "employers",
        "password_reset_tokens",
        "mail_outbox",
    ];
    let mut before = Vec::new();
    for t in tables {
        before.push(count(&r.db, t, "").await);
    }
    let taken = repo
        .create_account(
            invited("BOSS@acme.fr", Role::Employer, Some("Nouvelle"), "h1"),
            audit(AuditAction::UserCreate, 10),
        )
        .await;
    assert!(matches!(taken, Err(CreateUserError::EmailTaken)));
    for (t, n) in tables.into_iter().zip(before) {
        assert_eq!(count(&r.db, t, "").await, n, "{t}");
    }
    assert!(audit_actions(&r).await.is_empty());
}

async fn a_reissued_link_replaces_the_old_one_at_most_once_a_minute(test_db: TestDb) {
    let r = Repos::new(migrated(&test_db));
    let repo = DieselInvitationRepository::new(r.db.clone(), Outbox::new("intowork.test"));
    let user = repo
        .create_account(
            invited("awa@example.com", Role::Candidate, None, "h1"),
            audit(AuditAction::UserCreate, 10),
        )
        .await
        .unwrap();
    let token = |hash: &str, secs: i64| IssuedResetToken {
        user: user.id,
        token_hash: hash.into(),
        issued_at: at(secs),
        expires_at: at(secs) + TimeDelta::hours(72),
    };
    let resend = AuditAction::UserResendCredentials;
    // Within the minute of the first link: kept, nothing written.
    let early = repo.reissue(
        token("h2", 40),
        at(40) - TimeDelta::seconds(60),
        audit(resend, 40),
        link_mail("awa@example.com"),
    );
    assert!(!early.await.unwrap());
    let later = repo.reissue(
        token("h3", 80),
        at(80) - TimeDelta::seconds(60),
        audit(resend, 80),
        link_mail("awa@example.com"),
    );
    assert!(later.await.unwrap());
    // The first link's mail and the reissued one's: none for the kept request.
    assert_eq!(
        count(&r.db, "mail_outbox", "kind = 'set_password'").await,
        2
    );
    let tokens = DieselResetTokenRepository::new(r.db.clone(), Outbox::new("intowork.test"));
    assert!(!tokens.is_usable("h1".into(), at(81)).await.unwrap());
    assert!(tokens.is_usable("h3".into(), at(81)).await.unwrap());
    assert_eq!(
        audit_actions(&r).await,
        vec![
            ("user.resend_credentials".to_owned(), Some(user.id)),
            ("user.create".to_owned(), Some(user.id))
        ]
    );
}

intowork_testkit::test_both_backends!(
    an_invited_employer_gets_a_new_company_a_token_and_no_password,
    a_taken_email_creates_nothing,
    a_reissued_link_replaces_the_old_one_at_most_once_a_minute,
);
