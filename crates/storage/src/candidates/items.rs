//! Experiences, educations and skills: one path for the three kinds. Each kind says how its fields
//! become columns (`item_values`); the statements are written once, by [`item_statements!`], for
//! every table.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::item_rows::{
    EDUCATION_COLUMNS, EXPERIENCE_COLUMNS, EducationRow, ExperienceRow, SkillRow,
};
#[cfg(doc)]
use super::item_values::Write;
use super::item_values::{EducationValues, ExperienceValues, SkillValues};
use crate::conn::DbConn;
use crate::schema::{educations, experiences, skills};

/// `insert`, `update` and `delete` of one item table, on a unit struct named after the kind; the
/// written row is read back through the columns its row type reads.
/// Updates and deletes are scoped to the candidate: another candidate's item id matches nothing.
macro_rules! item_statements {
    ($kind:ident: $table:ident, $row:ty = $columns:expr, $values:ty) => {
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
                    .returning($columns)
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
                .returning($columns)
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

item_statements!(Experiences: experiences, ExperienceRow = EXPERIENCE_COLUMNS, ExperienceValues<'_>);
item_statements!(Educations: educations, EducationRow = EDUCATION_COLUMNS, EducationValues<'_>);
item_statements!(Skills: skills, SkillRow = skills::all_columns, SkillValues<'_>);
