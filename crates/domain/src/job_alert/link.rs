//! The one-click unsubscribe link: `{alert id}.{signature}`, signed with the server's link key
//! under a label of its own, so it opens nothing but this alert's switch and needs no sign-in.

use super::entity::JobAlertId;
use crate::cv::LinkSigner;

fn message(id: JobAlertId) -> String {
    format!("job-alert-unsubscribe:{id}")
}

/// The token for `id`.
pub fn unsubscribe_token(signer: &dyn LinkSigner, id: JobAlertId) -> String {
    format!("{id}.{}", signer.sign(&message(id)))
}

/// The alert a token names, when its signature holds.
pub fn verify_unsubscribe_token(signer: &dyn LinkSigner, token: &str) -> Option<JobAlertId> {
    let (id, signature) = token.split_once('.')?;
    if id.is_empty() || id.len() > 19 || !id.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let id = JobAlertId(id.parse().ok()?);
    signer.verify(&message(id), signature).then_some(id)
}
