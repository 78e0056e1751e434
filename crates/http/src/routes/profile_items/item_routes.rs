//! The routes of one kind of profile item, written once for the three kinds.

/// Defines the kind's `POST` (add), `PUT` (update) and `DELETE` handlers, each documented with the
/// kind's own path, id parameter, body and answer. The handlers only call the generic paths of
/// [`shared`](super::shared); what differs between kinds is named by the invocation:
/// `item_routes!(add_x, update_x, delete_x: Kind, "/collection", "/collection/{x_id}",
/// "x_id" = "X id", XRequest => XAnswer, gate: XAdder);` where the gate guards additions
/// (updates and deletes answer any non-candidate with the plain `Forbidden`).
macro_rules! item_routes {
    (
        $add:ident, $update:ident, $delete:ident: $kind:ident,
        $collection:literal, $item:literal, $id:literal = $id_doc:literal,
        $request:ty => $answer:ty, gate: $gate:ty $(,)?
    ) => {
        #[utoipa::path(
            post,
            path = $collection,
            tag = "candidates",
            security(("bearer" = [])),
            request_body = $request,
            responses((status = 200, description = "Added", body = $answer), $crate::error::responses::NeedsRole, $crate::error::responses::Invalid)
        )]
        pub(super) async fn $add(
            state: actix_web::web::Data<$crate::state::AppState>,
            user: $crate::extract::RoleUser<$gate>,
            $crate::extract::ValidJson(b): $crate::extract::ValidJson<$request>,
        ) -> super::shared::Answer<$answer> {
            super::shared::add_item(&state, user.user(), b).await
        }

        #[utoipa::path(
            put,
            path = $item,
            tag = "candidates",
            security(("bearer" = [])),
            params(($id = i64, Path, description = $id_doc)),
            request_body = $request,
            responses((status = 200, description = "Updated", body = $answer), $crate::error::responses::NeedsRole, $crate::error::responses::Missing, $crate::error::responses::Invalid)
        )]
        pub(super) async fn $update(
            state: actix_web::web::Data<$crate::state::AppState>,
            user: super::shared::Candidate,
            path: actix_web::web::Path<i64>,
            $crate::extract::ValidJson(b): $crate::extract::ValidJson<$request>,
        ) -> super::shared::Answer<$answer> {
            super::shared::update_item(&state, user.user(), path.into_inner(), b).await
        }

        #[utoipa::path(
            delete,
            path = $item,
            tag = "candidates",
            security(("bearer" = [])),
            params(($id = i64, Path, description = $id_doc)),
            responses((status = 200, description = "Deleted", body = $crate::wire::MessageBody), $crate::error::responses::NeedsRole, $crate::error::responses::Missing, $crate::error::responses::Invalid)
        )]
        pub(super) async fn $delete(
            state: actix_web::web::Data<$crate::state::AppState>,
            user: super::shared::Candidate,
            path: actix_web::web::Path<i64>,
        ) -> super::shared::Answer<$crate::wire::MessageBody> {
            super::shared::delete_item(
                &state,
                user.user(),
                intowork_domain::candidate::ItemKind::$kind,
                path.into_inner(),
            )
            .await
        }
    };
}
pub(super) use item_routes;
