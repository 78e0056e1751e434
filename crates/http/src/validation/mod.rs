//! Pydantic-shaped validation errors (CONTRACT 1.3): the item, its making from serde's errors, and
//! the collection of every problem of a JSON body at once.

mod custom;
mod every_problem;
mod item;
mod serde_errors;
mod struct_fields;

pub use custom::custom_problem;
pub use every_problem::body_problems;
pub use item::ValidationItem;
pub use serde_errors::{from_json_error, from_plain_error};
