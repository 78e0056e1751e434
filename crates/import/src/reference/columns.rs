//! How a reference table is declared: one list of columns gives both the struct its rows are read
//! into and the catalogue [`super::catalog`] builds the `SELECT` from, so the two cannot drift.
//! Every column but `id` reads as nullable: deployments differ (see [`super::catalog`]).

/// How a column is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Text,
    Int,
    Bool,
    Time,
}

/// One column read from the reference: its name there, the field it fills, how it is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Column {
    pub name: &'static str,
    pub field: &'static str,
    pub kind: Kind,
}

/// A struct filled from reference columns (a whole row, or the part of one copied verbatim).
pub trait ReadColumns {
    /// Appends the columns its fields are read from, `id` excepted.
    fn columns(out: &mut Vec<Column>);
}

/// A reference table: its name and its rows' id (every table the import reads has one).
pub trait ReferenceTable: ReadColumns {
    const TABLE: &'static str;
    fn id(&self) -> i64;
}

/// The SQL types the columns are read as, one per [`Kind`].
pub mod sql {
    use diesel::sql_types::{BigInt, Bool as SqlBool, Nullable, Text as SqlText, Timestamp};

    pub type Text = Nullable<SqlText>;
    pub type Int = Nullable<BigInt>;
    pub type Bool = Nullable<SqlBool>;
    pub type Time = Nullable<Timestamp>;
}

/// The Rust types the columns are read into, one per [`Kind`].
pub mod value {
    pub type Text = Option<String>;
    pub type Int = Option<i64>;
    pub type Bool = Option<bool>;
    pub type Time = Option<chrono::NaiveDateTime>;
}

/// Declares a struct read from reference columns: `field: Kind` reads the column `field`,
/// `field: Kind = "column"` another one (`type` is a Rust keyword). `from "table"` makes it a
/// whole row with an `id`; `#[embed] name: Struct` first takes in the fields of a struct declared
/// the same way (the columns copied verbatim, which our row embeds too). A file declaring an
/// `#[embed]` imports `diesel::QueryableByName`: the derive names it unqualified for those fields.
macro_rules! reference_columns {
    (
        $(#[$meta:meta])*
        pub struct $name:ident $(from $table:literal)? {
            $(#[embed] $embed:ident: $embed_ty:ident,)?
            $($field:ident: $kind:ident $(= $column:literal)?),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(diesel::QueryableByName)]
        pub struct $name {
            $(
                #[diesel(sql_type = diesel::sql_types::BigInt)]
                #[doc = concat!("The `id` of `", $table, "`.")]
                pub id: i64,
            )?
            $(#[diesel(embed)] pub $embed: $embed_ty,)?
            $(
                #[diesel(sql_type = $crate::reference::columns::sql::$kind)]
                pub $field: $crate::reference::columns::value::$kind,
            )*
        }

        impl $crate::reference::columns::ReadColumns for $name {
            fn columns(out: &mut Vec<$crate::reference::columns::Column>) {
                $(<$embed_ty as $crate::reference::columns::ReadColumns>::columns(out);)?
                $(out.push($crate::reference::columns::Column {
                    name: reference_columns!(@name $field $($column)?),
                    field: stringify!($field),
                    kind: $crate::reference::columns::Kind::$kind,
                });)*
            }
        }

        $(impl $crate::reference::columns::ReferenceTable for $name {
            const TABLE: &'static str = $table;
            fn id(&self) -> i64 {
                self.id
            }
        })?
    };
    (@name $field:ident) => { stringify!($field) };
    (@name $field:ident $column:literal) => { $column };
}

pub(crate) use reference_columns;
