//! Text normalisation for search (CONTRACT 9.10): the same function folds the stored text and the
//! query, so matching is case- and accent-insensitive and identical on every database (SQL
//! `lower()` differs between PostgreSQL and SQLite for non-ASCII letters).

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Separates the fields of a job's search text. Normalisation removes it from every input, so a
/// query can never match across two fields (the reference matches each field on its own).
pub const FIELD_SEPARATOR: char = '\u{1f}';

/// Lowercases, decomposes (NFKD: also folds ligatures and width variants such as `ﬁ` or `Ｅ`) and
/// drops combining marks: `DÉVELOPPEUR` → `developpeur`. Lowercasing comes first because some
/// lowercase forms decompose into marks (`İ` → `i̇`).
pub fn normalize(text: &str) -> String {
    text.to_lowercase()
        .nfkd()
        .filter(|c| !is_combining_mark(*c) && *c != FIELD_SEPARATOR)
        .collect()
}

/// The stored search text of a job: company name first, then title and description. The company
/// name leads so that renaming a company can rewrite its jobs' texts in one statement (replace
/// everything before the first separator).
pub fn job_search_text(company_name: &str, title: &str, description: &str) -> String {
    job_search_text_of(company_name, [title, description])
}

/// [`job_search_text`] with any number of job texts after the company name (title, description
/// and the structured sections, see `JobFields::searched_texts`), each its own field.
pub fn job_search_text_of<'a>(
    company_name: &str,
    texts: impl IntoIterator<Item = &'a str>,
) -> String {
    let mut out = normalize(company_name);
    for text in texts {
        out.push(FIELD_SEPARATOR);
        out.push_str(&normalize(text));
    }
    out
}

/// A normalised substring query; `None` when there is nothing to match (an empty parameter is no
/// filter, as in the reference).
pub fn query(raw: Option<&str>) -> Option<String> {
    raw.filter(|q| !q.is_empty())
        .map(normalize)
        .filter(|q| !q.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(normalize("Développeur"), "developpeur");
        assert_eq!(normalize("DÉVELOPPEUR"), "developpeur");
        assert_eq!(normalize("Ärger Ölmann"), "arger olmann");
        assert_eq!(normalize("ﬁne Ｅ"), "fine e");
        assert_eq!(normalize("İstanbul"), "istanbul");
    }

    #[test]
    fn keeps_sql_wildcards_as_text() {
        // Escaping is the storage adapter's job; normalisation must not alter them.
        assert_eq!(normalize("50% _x\\"), "50% _x\\");
    }

    #[test]
    fn search_text_separates_fields() {
        let t = job_search_text("Acme", "Dév", "Café");
        assert_eq!(t, "acme\u{1f}dev\u{1f}cafe");
        assert_eq!(normalize("a\u{1f}b"), "ab");
        let t = job_search_text_of("Acme", ["Dév", "Café", "Équipe"]);
        assert_eq!(t, "acme\u{1f}dev\u{1f}cafe\u{1f}equipe");
    }

    #[test]
    fn empty_query_is_no_filter() {
        assert_eq!(query(None), None);
        assert_eq!(query(Some("")), None);
        assert_eq!(query(Some("\u{301}")), None);
        assert_eq!(query(Some(" É ")), Some(" e ".into()));
    }
}
