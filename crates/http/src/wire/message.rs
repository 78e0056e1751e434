//! `{"message": "..."}`, the reference's acknowledgement body.

use std::borrow::Cow;

use serde::Serialize;
use utoipa::ToSchema;

/// `{"message": "..."}` acknowledgement.
#[derive(Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"message": "Notification supprimée"}))]
pub struct MessageBody {
    #[schema(value_type = String)]
    pub message: Cow<'static, str>,
}

impl MessageBody {
    pub fn new(message: impl Into<Cow<'static, str>>) -> Self {
        Self {
            message: message.into(),
        }
    }
}
