use super::*;

#[test]
fn email_normalises_like_the_reference() {
    let e = Email::parse("  Jane Doe <Jane.Doe@Example.COM> ").unwrap();
    assert_eq!(e.as_str(), "Jane.Doe@example.com");
    assert_eq!(e.normalized(), "jane.doe@example.com");
}

#[test]
fn email_rejects_malformed_addresses() {
    for bad in [
        "",
        "plain",
        "@x.com",
        "a@",
        "a@b",
        "a b@x.com",
        "a@-x.com",
        "a..b@x.com",
        "a@x.c0m",
    ] {
        assert!(Email::parse(bad).is_err(), "{bad:?} should be rejected");
    }
}

#[test]
fn email_accepts_unicode_and_plus() {
    assert!(Email::parse("josé+jobs@exemple.fr").is_ok());
}

#[test]
fn role_parsing_refuses_admin_for_self_service() {
    assert_eq!(SignupRole::parse("candidate"), Some(SignupRole::Candidate));
    assert_eq!(SignupRole::parse(" EMPLOYER "), Some(SignupRole::Employer));
    assert_eq!(SignupRole::parse("admin"), None);
    assert_eq!(SignupRole::parse("root"), None);
    assert_eq!(SignupRole::parse(""), None);
    assert_eq!(Role::parse("ADMIN"), Some(Role::Admin));
}

#[test]
fn a_signup_role_is_the_account_role_of_the_same_name() {
    assert_eq!(Role::from(SignupRole::Candidate), Role::Candidate);
    assert_eq!(Role::from(SignupRole::Employer), Role::Employer);
}

#[test]
fn password_policy_bounds() {
    assert_eq!(
        check_password_policy("short"),
        Err(PasswordPolicyError::TooShort)
    );
    assert_eq!(check_password_policy("12345678"), Ok(()));
    // 8 characters but more bytes: accepted, the minimum counts characters.
    assert_eq!(check_password_policy("éééééééé"), Ok(()));
    assert_eq!(check_password_policy(&"x".repeat(256)), Ok(()));
    assert_eq!(
        check_password_policy(&"x".repeat(257)),
        Err(PasswordPolicyError::TooLong)
    );
}
