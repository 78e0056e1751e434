//! How jobs read on the wire: list descriptions cut short, salaries as a range (CONTRACT 3.6).
//! Presentation only, so it lives here rather than in the domain.

use intowork_domain::job::LISTED_DESCRIPTION_CHARS;

/// The first 300 characters (code points) and `...` when longer, as the list endpoints show it.
/// The public list loads one character more than it shows ([`JobSummary::description`]).
///
/// [`JobSummary::description`]: intowork_domain::job::JobSummary::description
pub fn truncate_description(text: &str) -> String {
    match text.char_indices().nth(LISTED_DESCRIPTION_CHARS) {
        Some((cut, _)) => format!("{}...", &text[..cut]),
        None => text.to_owned(),
    }
}

/// `"40,000 - 60,000 EUR"` when both salaries are set and non-zero, else `None`.
pub fn salary_range(min: Option<i32>, max: Option<i32>, currency: &str) -> Option<String> {
    match (min, max) {
        (Some(lo), Some(hi)) if lo != 0 && hi != 0 => {
            Some(format!("{} - {} {currency}", thousands(lo), thousands(hi)))
        }
        _ => None,
    }
}

fn thousands(n: i32) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions_are_cut_at_300_code_points() {
        let exact = "é".repeat(300);
        assert_eq!(truncate_description(&exact), exact);
        let long = "é".repeat(301);
        assert_eq!(
            truncate_description(&long),
            format!("{}...", "é".repeat(300))
        );
    }

    #[test]
    fn salary_range_needs_both_non_zero() {
        assert_eq!(
            salary_range(Some(40_000), Some(60_000), "EUR").as_deref(),
            Some("40,000 - 60,000 EUR")
        );
        assert_eq!(
            salary_range(Some(1_234_567), Some(999), "XOF").as_deref(),
            Some("1,234,567 - 999 XOF")
        );
        assert_eq!(salary_range(Some(0), Some(10), "EUR"), None);
        assert_eq!(salary_range(None, Some(10), "EUR"), None);
        assert_eq!(
            salary_range(Some(-1000), Some(10), "EUR").as_deref(),
            Some("-1,000 - 10 EUR")
        );
    }
}
