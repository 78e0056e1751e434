use super::{PROD, load, refused};

#[test]
fn defaults_log_mail_and_link_to_the_local_frontend() {
    let s = load(&[]).unwrap();
    assert!(s.mail.smtp_url.is_none());
    assert_eq!(s.mail.frontend_url, "http://localhost:3000");
    assert_eq!(s.mail.from, "IntoWork <no-reply@localhost>");
    let s = load(&[("FRONTEND_URL", "https://app.example.com/")]).unwrap();
    assert_eq!(s.mail.frontend_url, "https://app.example.com");
}

#[test]
fn smtp_needs_a_sender_and_a_valid_url() {
    assert_eq!(refused(&[("SMTP_URL", "smtp://h:25")]), ["MAIL_FROM"]);
    assert_eq!(
        refused(&[("SMTP_URL", "http://h"), ("MAIL_FROM", "a@b.co")]),
        ["SMTP_URL"]
    );
    // Both at once: a bad URL does not hide the missing sender.
    assert_eq!(
        refused(&[("SMTP_URL", "http://h")]),
        ["SMTP_URL", "MAIL_FROM"]
    );
    assert_eq!(refused(&[("MAIL_FROM", "nobody")]), ["MAIL_FROM"]);
    assert_eq!(
        refused(&[("FRONTEND_URL", "app.example.com")]),
        ["FRONTEND_URL"]
    );
    let s = load(&[
        ("SMTP_URL", "smtps://u:p@smtp.example.com"),
        ("MAIL_FROM", "IntoWork <no-reply@example.com>"),
    ])
    .unwrap();
    assert!(s.mail.smtp_url.is_some());
    assert!(!format!("{s:?}").contains("u:p@"), "the URL never prints");
}

#[test]
fn production_refuses_clear_text_passwords_and_localhost_links() {
    let mut vars = PROD.to_vec();
    vars.extend([
        ("SMTP_URL", "smtp://u:secret@smtp.example.com:587"),
        ("MAIL_FROM", "no-reply@example.com"),
        ("FRONTEND_URL", "https://app.example.com"),
    ]);
    let err = load(&vars).unwrap_err();
    assert!(!err.to_string().contains("secret"), "{err}");
    assert_eq!(refused(&vars), ["SMTP_URL"]);
    vars[3] = (
        "SMTP_URL",
        "smtp://u:secret@smtp.example.com:587?tls=required",
    );
    assert!(load(&vars).is_ok());
    vars.pop();
    assert_eq!(refused(&vars), ["FRONTEND_URL"]);
    // Without SMTP, production starts (mail is off and says so in the log).
    assert!(load(&PROD).is_ok());
}

#[test]
fn reset_links_go_to_the_current_frontends_page_unless_set() {
    assert_eq!(load(&[]).unwrap().mail.reset_path, "/reset-password");
    let s = load(&[("RESET_PASSWORD_PATH", "/en/reset-password")]).unwrap();
    assert_eq!(s.mail.reset_path, "/en/reset-password");
    for bad in ["reset-password", "//evil.example", "/reset?x=1", "/a b"] {
        assert_eq!(
            refused(&[("RESET_PASSWORD_PATH", bad)]),
            ["RESET_PASSWORD_PATH"],
            "{bad}"
        );
    }
}

#[test]
fn the_outbox_retries_eight_times_from_30_seconds_and_polls_every_5() {
    use std::time::Duration;

    let s = load(&[]).unwrap();
    assert_eq!(s.mail.max_attempts, 8);
    assert_eq!(s.mail.retry_base, Duration::from_secs(30));
    assert_eq!(s.mail.poll_interval, Duration::from_secs(5));
    let s = load(&[
        ("MAIL_MAX_ATTEMPTS", "3"),
        ("MAIL_RETRY_BASE_SECS", "1"),
        ("MAIL_POLL_INTERVAL_SECS", "60"),
    ])
    .unwrap();
    assert_eq!(
        (s.mail.max_attempts, s.mail.retry_base, s.mail.poll_interval),
        (3, Duration::from_secs(1), Duration::from_secs(60))
    );
    for (var, bad) in [
        ("MAIL_MAX_ATTEMPTS", "0"),
        ("MAIL_MAX_ATTEMPTS", "many"),
        ("MAIL_RETRY_BASE_SECS", "0"),
        ("MAIL_POLL_INTERVAL_SECS", "3601"),
    ] {
        assert_eq!(refused(&[(var, bad)]), [var], "{var}={bad}");
    }
}
