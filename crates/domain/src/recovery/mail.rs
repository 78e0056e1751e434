//! The reset mail, in the frontend's language.

use crate::mail::{MailKind, OutgoingMail};
use crate::user::User;

/// Where links point.
#[derive(Clone, Debug)]
pub struct RecoverySettings {
    /// The frontend's origin (`FRONTEND_URL`), without a trailing slash.
    pub frontend_url: String,
    /// The frontend's reset page (`RESET_PASSWORD_PATH`), starting with `/`.
    pub reset_path: String,
}

impl RecoverySettings {
    /// `{FRONTEND_URL}{RESET_PASSWORD_PATH}?token=…` (10.7): the page that sets a password from a
    /// token, for a forgotten password and for an account an admin created alike.
    pub fn reset_link(&self, token: &str) -> String {
        format!(
            "{}{}?token={token}",
            self.frontend_url.trim_end_matches('/'),
            self.reset_path
        )
    }
}

/// The mail carrying `token` as a link to the frontend's reset page.
pub(super) fn reset_mail(settings: &RecoverySettings, user: &User, token: &str) -> OutgoingMail {
    let link = settings.reset_link(token);
    OutgoingMail::text(
        MailKind::PASSWORD_RESET,
        user.email.clone(),
        "Réinitialisation de votre mot de passe IntoWork",
        format!(
            "Bonjour {first},\n\n\
             Vous avez demandé à réinitialiser le mot de passe de votre compte IntoWork.\n\
             Ouvrez ce lien pour choisir un nouveau mot de passe (il expire dans une heure et ne \
             sert qu'une fois) :\n\n{link}\n\n\
             Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de \
             passe reste inchangé.\n\n\
             L'équipe IntoWork\n",
            first = user.first_name
        ),
    )
}
