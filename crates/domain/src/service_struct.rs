//! The declaration every use-case service shares: a struct of what it holds and a `new` that takes
//! those in field order. Written once here, so each service lists its ports once.

/// Declares a service struct and its `new`.
///
/// A field declared `name: dyn Port` is a port, held as `Arc<dyn Port>` (so adding a port never
/// adds a type parameter); any other field (settings, limits) is held as declared. The fields are
/// `pub(super)`: visible to the service's own aggregate folder, so that its `impl` blocks may be
/// split by concern across sibling files, and to nothing else.
macro_rules! service_struct {
    (
        $(#[$meta:meta])*
        pub struct $name:ident { $($fields:tt)* }
    ) => {
        $crate::service_struct::service_struct!(@fields [$(#[$meta])*] $name [] $($fields)*);
    };
    // A port.
    (
        @fields $metas:tt $name:ident [$($done:tt)*]
        $(#[$field_meta:meta])* $field:ident: dyn $port:path $(, $($rest:tt)*)?
    ) => {
        $crate::service_struct::service_struct!(
            @fields $metas $name [$($done)* $(#[$field_meta])* $field: ::std::sync::Arc<dyn $port>,]
            $($($rest)*)?
        );
    };
    // A plain value.
    (
        @fields $metas:tt $name:ident [$($done:tt)*]
        $(#[$field_meta:meta])* $field:ident: $ty:ty $(, $($rest:tt)*)?
    ) => {
        $crate::service_struct::service_struct!(
            @fields $metas $name [$($done)* $(#[$field_meta])* $field: $ty,] $($($rest)*)?
        );
    };
    (
        @fields [$(#[$meta:meta])*] $name:ident
        [$($(#[$field_meta:meta])* $field:ident: $ty:ty,)+]
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
