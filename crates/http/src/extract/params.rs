//! Query strings and path parameters, with pydantic-shaped 422s (`loc: ["query" | "path", name]`).

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest};
use serde::de::DeserializeOwned;

use crate::error::ApiError;
use crate::validation::{self, ValidationItem};

/// A query string, with `loc: ["query", name]` errors. Unknown parameters are ignored.
pub struct ValidQuery<T>(pub T);

impl<T: DeserializeOwned> FromRequest for ValidQuery<T> {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        if let Some(item) = crate::nul::in_query(req.query_string()) {
            return std::future::ready(Err(ApiError::validation(vec![item])));
        }
        let de = serde_urlencoded::Deserializer::new(form_urlencoded_parse(req.query_string()));
        std::future::ready(
            serde_path_to_error::deserialize(de)
                .map(ValidQuery)
                .map_err(|e| ApiError::validation(vec![validation::from_plain_error("query", &e)])),
        )
    }
}

fn form_urlencoded_parse(query: &str) -> form_urlencoded::Parse<'_> {
    form_urlencoded::parse(query.as_bytes())
}

/// Path parameters that fail to parse (`/api/jobs/abc`) give 422 `loc: ["path", <name>]`.
pub fn path_error_handler(err: actix_web::error::PathError, req: &HttpRequest) -> actix_web::Error {
    tracing::debug!(error = %err, "path parameter rejected");
    let (name, value) = req
        .match_info()
        .iter()
        .find(|(_, value)| value.parse::<i64>().is_err())
        .unwrap_or(("id", ""));
    not_an_integer(name, value).into()
}

/// pydantic's `int_parsing` for a path parameter that is not an integer.
pub fn not_an_integer(name: &str, input: &str) -> ApiError {
    ApiError::validation(vec![
        ValidationItem::new(
            "int_parsing",
            vec!["path".into(), name.into()],
            "Input should be a valid integer, unable to parse string as an integer",
        )
        .with_input(input.into()),
    ])
}
