//! Experiences, educations and skills: one path for the three kinds. Each kind says how its fields
//! become columns (`item_values`); the statements are written once, by [`item_statements!`], for
//! every table.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::item_rows::{EducationRow, ExperienceRow, SkillRow};
#[cfg(doc)]
use super::item_values::Write;
use super::item_values::{EducationValues, ExperienceValues, SkillValues};
use crate::conn::DbConn;
use crate::schema::{educations, experiences, skills};

/// `insert`, `update` and `delete` of one item table, on a unit struct named after the kind.
/// Updates and deletes are scoped to the candidate: another candidate's item id matches nothing.
macro_rules! item_statements {
    ($kind:ident: $table:ident, $row:ty, $values:ty) => {
        pub(crate) struct $kind;

        impl $kind {
            /// `values` built for an insert ([`Write::Insert`]).
            pub(crate) fn insert(
                conn: &mut DbConn,
                (candidate, now): (i64, NaiveDateTime),
                values: $values,
            ) -> QueryResult<$row> {
                diesel::insert_into($table::table)
                    .values((
                        values,
                        $table::candidate_id.eq(candidate),
                        $table::created_at.eq(now),
                    ))
                    .returning($table::all_columns)
                    .get_result(conn)
            }

            /// `values` built for an update ([`Write::Update`]).
            pub(crate) fn update(
                conn: &mut DbConn,
                (candidate, id): (i64, i64),
                values: $values,
            ) -> QueryResult<Option<$row>> {
                diesel::update(
                    $table::table
                        .filter($table::id.eq(id))
                        .filter($table::candidate_id.eq(candidate)),
                )
                .set(values)
                .returning($table::all_columns)
                .get_result(conn)
                .optional()
            }

            pub(crate) fn delete(
                conn: &mut DbConn,
                (candidate, id): (i64, i64),
            ) -> QueryResult<bool> {
                diesel::delete(
                    $table::table
                        .filter($table::id.eq(id))
                        .filter($table::candidate_id.eq(candidate)),
                )
                .execute(conn)
                .map(|n| n > 0)
            }
        }
    };
}

item_statements!(Experiences: experiences, ExperienceRow, ExperienceValues<'_>);
item_statements!(Educations: educations, EducationRow, EducationValues<'_>);
item_statements!(Skills: skills, SkillRow, SkillValues<'_>);
