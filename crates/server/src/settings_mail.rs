//! Mail settings (CONTRACT 8.10, 9.7, 9.19): `SMTP_URL`, `MAIL_FROM`, `FRONTEND_URL`. Parsed from
//! [`super::Raw`] like the rest; errors name the variable and never repeat the URL (it may hold
//! the SMTP password).

use intowork_mail::{SmtpEndpoint, check_mailbox};

use super::{Raw, Secret, SettingsError, invalid};

/// The development default of `FRONTEND_URL`: the Next.js dev server.
pub const DEFAULT_FRONTEND_URL: &str = "http://localhost:3000";
/// The sender when `MAIL_FROM` is unset and mail only goes to the log.
const DEFAULT_MAIL_FROM: &str = "IntoWork <no-reply@localhost>";

#[derive(Clone, Debug)]
pub struct MailSettings {
    /// `SMTP_URL`: mail goes out through this server when set; otherwise the log mailer is used
    /// (it shows links in development only). A secret: it usually carries the password.
    pub smtp_url: Option<Secret>,
    /// `MAIL_FROM`: the sender mailbox, `IntoWork <no-reply@example.com>`. Required with SMTP.
    pub from: String,
    /// `FRONTEND_URL`: the origin the reset links point at, without a trailing slash.
    pub frontend_url: String,
}

pub(super) fn parse(raw: &Raw, production: bool) -> Result<MailSettings, SettingsError> {
    let non_empty = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_owned)
    };
    let smtp_url = non_empty(&raw.smtp_url);
    if let Some(url) = &smtp_url {
        let endpoint = SmtpEndpoint::parse(url).map_err(|e| invalid("SMTP_URL", e.to_string()))?;
        if production && endpoint.exposes_credentials() {
            return Err(invalid(
                "SMTP_URL",
                "would send the SMTP password unencrypted: use smtps:// or ?tls=required",
            ));
        }
    }
    let from = match non_empty(&raw.mail_from) {
        Some(from) => {
            check_mailbox(&from).map_err(|e| invalid("MAIL_FROM", e.to_string()))?;
            from
        }
        None if smtp_url.is_some() => {
            return Err(invalid("MAIL_FROM", "is required when SMTP_URL is set"));
        }
        None => DEFAULT_MAIL_FROM.to_owned(),
    };
    let frontend_url = match non_empty(&raw.frontend_url) {
        Some(url) => url,
        // Links to localhost would reach nobody.
        None if production && smtp_url.is_some() => {
            return Err(invalid(
                "FRONTEND_URL",
                "is required in production when SMTP_URL is set (reset links point at it)",
            ));
        }
        None => DEFAULT_FRONTEND_URL.to_owned(),
    };
    let origin = frontend_url.trim_end_matches('/');
    let scheme_ok = origin.starts_with("https://") || origin.starts_with("http://");
    if !scheme_ok || origin.contains(['?', '#', ' ']) || origin.len() <= "https://".len() {
        return Err(invalid(
            "FRONTEND_URL",
            "must be an http(s) origin such as https://intowork.app (no query)",
        ));
    }
    Ok(MailSettings {
        smtp_url: smtp_url.map(Secret::new),
        from,
        frontend_url: origin.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use crate::settings::{Settings, SettingsError};

    fn load(vars: &[(&str, &str)]) -> Result<Settings, SettingsError> {
        Settings::from_vars(vars.iter().copied())
    }

    fn var_of(r: Result<Settings, SettingsError>) -> &'static str {
        match r {
            Err(SettingsError::Invalid { var, .. }) => var,
            other => panic!("expected an invalid variable, got {other:?}"),
        }
    }

    const PROD: [(&str, &str); 3] = [
        ("ENVIRONMENT", "production"),
        ("DATABASE_URL", "postgres://u@db/x"),
        ("NEXTAUTH_SECRET", "0123456789abcdef0123456789abcdef"),
    ];

    #[test]
    fn defaults_log_mail_and_link_to_the_local_frontend() {
        let s = load(&[]).unwrap();
        assert!(s.mail.smtp_url.is_none());
        assert_eq!(s.mail.frontend_url, "http://localhost:3000");
        let s = load(&[("FRONTEND_URL", "https://app.example.com/")]).unwrap();
        assert_eq!(s.mail.frontend_url, "https://app.example.com");
    }

    #[test]
    fn smtp_needs_a_sender_and_a_valid_url() {
        assert_eq!(var_of(load(&[("SMTP_URL", "smtp://h:25")])), "MAIL_FROM");
        assert_eq!(
            var_of(load(&[("SMTP_URL", "http://h"), ("MAIL_FROM", "a@b.co")])),
            "SMTP_URL"
        );
        assert_eq!(var_of(load(&[("MAIL_FROM", "nobody")])), "MAIL_FROM");
        assert_eq!(
            var_of(load(&[("FRONTEND_URL", "app.example.com")])),
            "FRONTEND_URL"
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
        assert_eq!(var_of(Err(err)), "SMTP_URL");
        vars[3] = (
            "SMTP_URL",
            "smtp://u:secret@smtp.example.com:587?tls=required",
        );
        assert!(load(&vars).is_ok());
        vars.pop();
        assert_eq!(var_of(load(&vars)), "FRONTEND_URL");
        // Without SMTP, production starts (mail is off and says so in the log).
        assert!(load(&PROD).is_ok());
    }
}
