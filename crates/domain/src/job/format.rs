//! How a job's description and salary are shown in lists (CONTRACT 3, Job summary).

/// Cuts a list description to 300 code points plus `...` (CONTRACT 3, Job summary).
pub fn truncate_description(text: &str) -> String {
    const MAX: usize = 300;
    match text.char_indices().nth(MAX) {
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
