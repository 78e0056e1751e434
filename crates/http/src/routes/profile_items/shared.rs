//! What the three kinds of profile item share: their role gates, and the one delete path.

use actix_web::web;
use intowork_domain::candidate::ItemKind;
use intowork_domain::user::{Role, User};

use crate::error::ApiError;
use crate::extract::RoleUser;
use crate::role_gate;
use crate::state::AppState;
use crate::wire::MessageBody;

role_gate!(
    ExperienceAdder,
    Role::Candidate,
    "Seuls les candidats peuvent ajouter des expériences"
);
role_gate!(
    EducationAdder,
    Role::Candidate,
    "Seuls les candidats peuvent ajouter des formations"
);
role_gate!(CandidateOnly, Role::Candidate, "Forbidden");

/// Updates, deletes and skill additions: any candidate, with the plain `Forbidden` for others.
pub type Candidate = RoleUser<CandidateOnly>;
pub type Answer<T> = Result<web::Json<T>, ApiError>;

/// The one delete path: the kind names the item in the 404 and in the answer.
pub async fn delete_item(
    state: &AppState,
    user: &User,
    kind: ItemKind,
    id: i64,
) -> Answer<MessageBody> {
    state.profiles.delete_item(user.id, kind, id).await?;
    Ok(web::Json(MessageBody::new(match kind {
        ItemKind::Experience => "Expérience supprimée avec succès",
        ItemKind::Education => "Formation supprimée avec succès",
        ItemKind::Skill => "Compétence supprimée avec succès",
    })))
}
