//! `LIKE` patterns of the text searches. The searched columns hold text normalised by the domain
//! (see `intowork_domain::search`), so matching is the same on both databases.

use intowork_domain::search::FIELD_SEPARATOR;

/// An always-true condition for the public list and text searches. Raw SQL keeps a query out of
/// diesel's prepared-statement cache, so PostgreSQL plans it for its actual values (for a search,
/// the trigram indexes for a rare word, the posted-at index for a common one) instead of reusing
/// a generic plan (the connections force generic plans for every prepared statement, see `pool`).
pub(crate) fn planned_per_pattern() -> diesel::expression::SqlLiteral<diesel::sql_types::Bool> {
    diesel::dsl::sql("TRUE")
}

/// `%q%` for `LIKE … ESCAPE '\'`, with the query's own `%`, `_` and `\` matched literally.
pub(crate) fn contains_pattern(normalized: &str) -> String {
    format!("%{}%", escape_like(normalized))
}

/// A match in the title or description only: after the first field separator of the search text
/// (the company name comes first, see `job_search_text`). The query cannot contain the separator,
/// so a match never spans two fields.
pub(crate) fn after_company_pattern(normalized: &str) -> String {
    format!("%{FIELD_SEPARATOR}%{}%", escape_like(normalized))
}

fn escape_like(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_patterns_escape_wildcards() {
        assert_eq!(contains_pattern("50%"), "%50\\%%");
        assert_eq!(contains_pattern("a_b\\c"), "%a\\_b\\\\c%");
        assert_eq!(after_company_pattern("x"), "%\u{1f}%x%");
    }
}
