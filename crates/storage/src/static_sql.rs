//! SQL fragments fixed at compile time that may sit in a cached prepared statement.
//!
//! diesel's `sql::<T>("…")` marks the whole query as unsafe to cache, because its text can differ
//! from one call to the next. Our fragments are `&'static str` constants without binds, so a
//! query that uses them produces the same SQL every time: with [`StaticSql`] instead, diesel
//! keeps the statement prepared per connection (keyed by its SQL), and PostgreSQL stops parsing
//! and planning the listing queries on every request (their planning alone cost 1 to 3 ms).

use std::marker::PhantomData;

use diesel::backend::Backend;
use diesel::expression::{
    AppearsOnTable, Expression, SelectableExpression, TypedExpressionType, ValidGrouping,
    is_aggregate,
};
use diesel::query_builder::{AstPass, QueryFragment, QueryId};
use diesel::result::QueryResult;

/// A constant SQL expression of type `ST` (no binds).
#[derive(Debug, Clone, Copy)]
pub(crate) struct StaticSql<ST> {
    sql: &'static str,
    _type: PhantomData<ST>,
}

/// `StaticSql` for `sql`, typed `ST`.
pub(crate) const fn static_sql<ST>(sql: &'static str) -> StaticSql<ST> {
    StaticSql {
        sql,
        _type: PhantomData,
    }
}

impl<ST: TypedExpressionType> Expression for StaticSql<ST> {
    type SqlType = ST;
}

impl<ST, DB: Backend> QueryFragment<DB> for StaticSql<ST> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, DB>) -> QueryResult<()> {
        // Unlike `SqlLiteral`, no `unsafe_to_cache_prepared()`: the text never changes.
        out.push_sql(self.sql);
        Ok(())
    }
}

/// No static query id: two fragments of one type may hold different text, so the statement
/// cache must key such queries by their SQL, never by their Rust type.
impl<ST> QueryId for StaticSql<ST> {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<QS, ST: TypedExpressionType> SelectableExpression<QS> for StaticSql<ST> {}

impl<QS, ST: TypedExpressionType> AppearsOnTable<QS> for StaticSql<ST> {}

impl<ST, GB> ValidGrouping<GB> for StaticSql<ST> {
    type IsAggregate = is_aggregate::Never;
}
