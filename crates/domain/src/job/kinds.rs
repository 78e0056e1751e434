//! The job's enums: contract type, place of work and status. Each has one lowercase API and
//! database value.

macro_rules! text_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $value:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The lowercase API and database value.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $value),+ }
            }

            /// Exact API value only (the reference refuses other spellings).
            pub fn parse(value: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|v| v.as_str() == value)
            }
        }
    };
}

text_enum!(
    /// `job_type`; `employment_type` in the detail repeats it.
    JobType { FullTime => "full_time", PartTime => "part_time", Contract => "contract",
              Temporary => "temporary", Internship => "internship" }
);
text_enum!(
    /// `location_type`.
    LocationType { OnSite => "on_site", Remote => "remote", Hybrid => "hybrid" }
);
text_enum!(
    /// The API only creates `published`; `archived` is what deleting a job with applications
    /// leaves (8.6).
    JobStatus { Draft => "draft", Published => "published", Closed => "closed",
                Archived => "archived" }
);
