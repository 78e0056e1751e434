//! The declaration every use-case service shares: a struct of what it holds (ports, settings) and a
//! `new` that takes those in field order. Written once here, so each service lists its ports once.

/// Declares a service struct and its `new`.
///
/// The fields are `pub(super)`: visible to the service's own aggregate folder, so that its `impl`
/// blocks may be split by concern across sibling files, and to nothing else.
macro_rules! service_struct {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $($(#[$field_meta:meta])* $field:ident: $ty:ty),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        pub struct $name {
            $($(#[$field_meta])* pub(super) $field: $ty),+
        }

        impl $name {
            /// Builds the service from what it holds, in field order.
            pub fn new($($field: $ty),+) -> Self {
                Self { $($field),+ }
            }
        }
    };
}

pub(crate) use service_struct;
