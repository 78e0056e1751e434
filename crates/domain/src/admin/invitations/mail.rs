//! The mails carrying a set-password link, in the frontend's language. They name no password:
//! the person chooses one on the frontend's reset page.

use crate::mail::{MailKind, OutgoingMail};
use crate::recovery::RecoverySettings;

/// Why the link is sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CredentialsMail {
    /// An admin has just created the account.
    Created,
    /// An admin asked for a fresh link (the first one was lost or expired).
    Resent,
}

/// The mail to `to` carrying `token` as a link to the frontend's reset page.
pub fn credentials_mail(
    settings: &RecoverySettings,
    kind: CredentialsMail,
    to: &str,
    first_name: &str,
    token: &str,
) -> OutgoingMail {
    let link = settings.reset_link(token);
    let (subject, opening) = match kind {
        CredentialsMail::Created => (
            "Votre compte IntoWork a été créé",
            format!(
                "Un administrateur d'IntoWork a créé votre compte, avec l'adresse {to}.\n\
                 Choisissez votre mot de passe en ouvrant ce lien"
            ),
        ),
        CredentialsMail::Resent => (
            "Choisissez votre mot de passe IntoWork",
            format!(
                "Un administrateur d'IntoWork vous envoie un nouveau lien pour choisir le mot de \
                 passe de votre compte ({to}) ; les liens envoyés avant ne fonctionnent plus.\n\
                 Choisissez votre mot de passe en ouvrant ce lien"
            ),
        ),
    };
    OutgoingMail::text(
        MailKind::SET_PASSWORD,
        to.to_owned(),
        subject,
        format!(
            "Bonjour {first_name},\n\n\
             {opening} (il est valable 72 heures et ne sert qu'une fois) :\n\n{link}\n\n\
             Ensuite, connectez-vous avec votre adresse e-mail et ce mot de passe. Si le lien a \
             expiré, utilisez « Mot de passe oublié » sur la page de connexion.\n\n\
             L'équipe IntoWork\n"
        ),
    )
}
