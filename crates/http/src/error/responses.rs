//! The documented error answers: reusable sets for `#[utoipa::path(responses(...))]`, so each
//! handler lists its success answers and names the error sets that apply instead of repeating them.
//! 500 and 503 are added to every operation when the document is assembled (with [`error_answer`]).

use std::collections::BTreeMap;

use utoipa::openapi::header::HeaderBuilder;
use utoipa::openapi::{Content, Ref, RefOr, Response, ResponseBuilder};
use utoipa::{IntoResponses, PartialSchema, ToSchema};

use super::body::{ErrorBody, ValidationErrorBody};

/// An error answer with the `{"detail", "code"}` body.
pub fn error_answer(description: &str) -> Response {
    answer::<ErrorBody>(description).build()
}

fn answer<T: ToSchema>(description: &str) -> ResponseBuilder {
    let body = RefOr::Ref(Ref::from_schema_name(T::name()));
    ResponseBuilder::new()
        .description(description)
        .content("application/json", Content::new(Some(body)))
}

/// Declares a set: a unit type whose responses are the listed `status => answer` pairs.
macro_rules! error_set {
    ($(#[$meta:meta])* $name:ident { $($status:literal => $answer:expr),+ $(,)? }) => {
        $(#[$meta])*
        pub struct $name;

        impl IntoResponses for $name {
            fn responses() -> BTreeMap<String, RefOr<Response>> {
                BTreeMap::from([$(($status.to_string(), RefOr::T($answer))),+])
            }
        }
    };
}

/// `authentication_required`, `invalid_token`, `token_expired`, `token_revoked`.
const BAD_TOKEN: &str = "Missing, invalid, expired or revoked bearer token";

error_set!(
    /// Routes behind a bearer token.
    NeedsAuth {
        401 => error_answer(BAD_TOKEN),
        403 => error_answer("The account is deactivated (`user_inactive`)"),
    }
);

error_set!(
    /// Routes behind a bearer token and a role.
    NeedsRole {
        401 => error_answer(BAD_TOKEN),
        403 => error_answer(
            "The role may not use this route (`forbidden`), or the account is deactivated \
             (`user_inactive`)",
        ),
    }
);

error_set!(
    /// A malformed body, query or path parameter.
    Invalid {
        422 => answer::<ValidationErrorBody>(
            "Validation error (pydantic-shaped list in `detail`)",
        )
        .build(),
    }
);

error_set!(Missing {
    404 => error_answer("Not found (`not_found` or a more precise code)"),
});

error_set!(Rejected {
    400 => error_answer("Refused by a business rule (see `code`)"),
});

error_set!(Limited {
    429 => answer::<ErrorBody>("Rate limit reached (`too_many_requests`); see `Retry-After`")
        .header(
            "Retry-After",
            HeaderBuilder::new()
                .schema(Some(u32::schema()))
                .description(Some("Seconds to wait"))
                .build(),
        )
        .build(),
});

error_set!(
    /// Errors of the image uploads (job picture, company logo).
    ImageUploadErrors {
        400 => error_answer("Not a PNG, JPEG or WebP image (`not_an_image`, `svg_not_accepted`), or not multipart (`invalid_multipart`)"),
        413 => error_answer("The image exceeds 5 MiB (`file_too_large`)"),
        415 => error_answer("Not multipart/form-data (`unsupported_media_type`)"),
    }
);

error_set!(
    /// Errors of the CV upload.
    UploadErrors {
        413 => error_answer("The file exceeds MAX_CV_SIZE_MB (`file_too_large`)"),
        415 => error_answer("Not multipart/form-data (`unsupported_media_type`)"),
    }
);
