//! What the reference database has: deployments differ (columns added and dropped by migrations,
//! tables created by side scripts), so every column is looked up first. A missing column reads as
//! NULL and a missing table as empty (reported); only `id` is required.

use std::collections::HashMap;

use diesel::pg::{Pg, PgConnection};
use diesel::prelude::*;
use diesel::sql_types::Text;

use super::columns::{Column, Kind, ReferenceTable};

/// The column names and types of every table in the reference's search path.
pub struct Catalog(HashMap<String, HashMap<String, String>>);

#[derive(QueryableByName)]
struct ColumnRow {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    column_name: String,
    #[diesel(sql_type = Text)]
    data_type: String,
}

impl Catalog {
    pub fn load(conn: &mut PgConnection) -> QueryResult<Catalog> {
        let rows: Vec<ColumnRow> = diesel::sql_query(
            "SELECT table_name::text AS table_name, column_name::text AS column_name, \
                    data_type::text AS data_type \
             FROM information_schema.columns WHERE table_schema = current_schema()",
        )
        .load(conn)?;
        let mut tables: HashMap<String, HashMap<String, String>> = HashMap::new();
        for r in rows {
            tables
                .entry(r.table_name)
                .or_default()
                .insert(r.column_name, r.data_type);
        }
        Ok(Catalog(tables))
    }

    /// `SELECT id, <columns> FROM <table> ORDER BY id`, each column cast to what we read, or NULL
    /// when the table lacks it. `None` when the table (or its `id`) does not exist.
    fn select(&self, table: &str, columns: &[Column]) -> Option<String> {
        let present = self.0.get(table)?;
        present.get("id")?;
        let mut parts = vec!["\"id\"::bigint AS id".to_owned()];
        for column in columns {
            let expr = read_as(column, present.get(column.name).map(String::as_str));
            parts.push(format!("{expr} AS {}", column.field));
        }
        Some(format!(
            "SELECT {} FROM \"{table}\" ORDER BY \"id\"",
            parts.join(", ")
        ))
    }

    /// Loads one table, ordered by id (so "the first row wins" is deterministic); empty, and
    /// recorded in `absent`, when the reference does not have it.
    pub fn load_table<R: ReferenceTable + QueryableByName<Pg> + 'static>(
        &self,
        conn: &mut PgConnection,
        absent: &mut Vec<&'static str>,
    ) -> QueryResult<Vec<R>> {
        let mut columns = Vec::new();
        R::columns(&mut columns);
        match self.select(R::TABLE, &columns) {
            Some(sql) => diesel::sql_query(sql).load(conn),
            None => {
                absent.push(R::TABLE);
                Ok(Vec::new())
            }
        }
    }
}

/// The expression reading `column`, given its type in the reference (`None`: it has no such
/// column). Names come from our declarations, never from input.
fn read_as(column: &Column, data_type: Option<&str>) -> String {
    let name = column.name;
    match (data_type, column.kind) {
        (None, Kind::Text) => "NULL::text".to_owned(),
        (None, Kind::Int) => "NULL::bigint".to_owned(),
        (None, Kind::Bool) => "NULL::boolean".to_owned(),
        (None, Kind::Time) => "NULL::timestamp".to_owned(),
        (Some(_), Kind::Text) => format!("\"{name}\"::text"),
        (Some(_), Kind::Int) => format!("\"{name}\"::bigint"),
        (Some(_), Kind::Bool) => format!("\"{name}\"::boolean"),
        // The reference writes timestamptz; a plain timestamp is taken as UTC already.
        (Some("timestamp with time zone"), Kind::Time) => {
            format!("(\"{name}\" AT TIME ZONE 'UTC')")
        }
        (Some(_), Kind::Time) => format!("\"{name}\"::timestamp"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog(table: &str, columns: &[(&str, &str)]) -> Catalog {
        let columns = columns
            .iter()
            .map(|(name, ty)| ((*name).to_owned(), (*ty).to_owned()))
            .collect();
        Catalog(HashMap::from([(table.to_owned(), columns)]))
    }

    fn column(name: &'static str, field: &'static str, kind: Kind) -> Column {
        Column { name, field, kind }
    }

    #[test]
    fn missing_columns_read_as_null_and_timestamptz_as_utc() {
        let catalog = catalog(
            "notifications",
            &[
                ("id", "integer"),
                ("type", "USER-DEFINED"),
                ("created_at", "timestamp with time zone"),
                ("read_at", "timestamp without time zone"),
            ],
        );
        let columns = [
            column("type", "kind", Kind::Text),
            column("is_read", "is_read", Kind::Bool),
            column("created_at", "created_at", Kind::Time),
            column("read_at", "read_at", Kind::Time),
        ];
        assert_eq!(
            catalog.select("notifications", &columns).as_deref(),
            Some(
                "SELECT \"id\"::bigint AS id, \"type\"::text AS kind, NULL::boolean AS is_read, \
                 (\"created_at\" AT TIME ZONE 'UTC') AS created_at, \
                 \"read_at\"::timestamp AS read_at FROM \"notifications\" ORDER BY \"id\""
            )
        );
    }

    #[test]
    fn a_table_without_id_or_missing_is_not_read() {
        let catalog = catalog("users", &[("email", "text")]);
        assert_eq!(catalog.select("users", &[]), None);
        assert_eq!(catalog.select("jobs", &[]), None);
    }
}
