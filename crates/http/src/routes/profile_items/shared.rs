//! What the three kinds of profile item share: their role gates, and the one add, update and
//! delete path; each kind's module gives its body, its answer and its documented routes.

use actix_web::web;
use intowork_domain::candidate::{ItemKind, ProfileItem};
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

/// The body a client sends to add or update one kind of item.
pub trait ItemRequest {
    type Item: ProfileItem;
    /// What the route answers with: the item as the contract writes it.
    type Answer: From<Self::Item>;

    /// The domain's fields, or the 422 the body deserves.
    fn into_fields(self) -> Result<<Self::Item as ProfileItem>::Fields, ApiError>;
}

/// The one add path: the caller's role was checked by the route's gate.
pub async fn add_item<B: ItemRequest>(state: &AppState, user: &User, body: B) -> Answer<B::Answer> {
    let added = state
        .profiles
        .add_item::<B::Item>(user.id, body.into_fields()?);
    Ok(web::Json(added.await?.into()))
}

/// The one update path: only the caller's own item, anyone else's is a 404.
pub async fn update_item<B: ItemRequest>(
    state: &AppState,
    user: &User,
    id: i64,
    body: B,
) -> Answer<B::Answer> {
    let updated = state
        .profiles
        .update_item::<B::Item>(user.id, id, body.into_fields()?);
    Ok(web::Json(updated.await?.into()))
}
