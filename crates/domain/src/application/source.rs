//! Where applications come from: the `?ref=` of a shared job link, kept only when it is a plain
//! channel name, and the employer's breakdown by channel (HEAD.md 10.5).

/// Longest channel name kept.
pub const SOURCE_REF_MAX_CHARS: usize = 100;

/// The channel an application without a recorded one is counted under.
pub const DIRECT: &str = "direct";

/// `raw` when it is 1 to 100 of `A-Z a-z 0-9 _ -`, else nothing: a bad value is dropped, never
/// refused, since a candidate does not choose the link they were sent.
pub fn sanitize_source_ref(raw: Option<&str>) -> Option<String> {
    let raw = raw?;
    let plain = raw
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    (plain && !raw.is_empty() && raw.len() <= SOURCE_REF_MAX_CHARS).then(|| raw.to_owned())
}

/// One channel's share of an employer's applications.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceShare {
    pub source: String,
    pub label: String,
    pub count: i64,
    /// Percentage of the total, one decimal.
    pub pct: f64,
    /// The widget's bar colour.
    pub color: &'static str,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SourceBreakdown {
    pub sources: Vec<SourceShare>,
    pub total: i64,
}

/// The known channels' labels and colours, as HEAD's widget shows them.
const KNOWN: [(&str, &str, &str); 5] = [
    ("whatsapp", "WhatsApp", "#25D366"),
    ("email", "Email", "#6B9B5F"),
    ("linkedin", "LinkedIn", "#0A66C2"),
    ("facebook", "Facebook", "#1877F2"),
    (DIRECT, "Direct", "#7C3AED"),
];
const OTHER_COLOR: &str = "#9ca3af";

/// Python's `str.capitalize` on an ASCII channel name: first letter up, the rest down.
fn capitalize(source: &str) -> String {
    let lower = source.to_ascii_lowercase();
    let mut chars = lower.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_ascii_uppercase().to_string() + chars.as_str()
    })
}

/// Python's `round(count / total * 100, 1)`; 0 without applications.
pub fn percent_one_decimal(count: i64, total: i64) -> f64 {
    if total <= 0 {
        return 0.0;
    }
    let pct = count as f64 / total as f64 * 100.0;
    (pct * 10.0).round_ties_even() / 10.0
}

/// The breakdown of `counts` (applications per stored channel, `None` for none recorded): no
/// channel counts as `direct`, merged with an explicit `direct`; most applications first, then
/// by name, so equal counts keep one order.
pub fn source_breakdown(counts: Vec<(Option<String>, i64)>) -> SourceBreakdown {
    let mut merged: Vec<(String, i64)> = Vec::with_capacity(counts.len());
    for (source, count) in counts {
        let source = source.unwrap_or_else(|| DIRECT.to_owned());
        match merged.iter_mut().find(|(s, _)| *s == source) {
            Some((_, n)) => *n += count,
            None => merged.push((source, count)),
        }
    }
    merged.sort_by(|(a, n), (b, m)| m.cmp(n).then_with(|| a.cmp(b)));
    let total = merged.iter().map(|(_, n)| n).sum();
    let sources = merged
        .into_iter()
        .map(|(source, count)| {
            let known = KNOWN.iter().find(|(key, _, _)| *key == source);
            SourceShare {
                label: known.map_or_else(|| capitalize(&source), |(_, l, _)| (*l).to_owned()),
                color: known.map_or(OTHER_COLOR, |(_, _, c)| c),
                pct: percent_one_decimal(count, total),
                source,
                count,
            }
        })
        .collect();
    SourceBreakdown { sources, total }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_channel_names_are_kept() {
        for kept in [
            "whatsapp",
            "LinkedIn",
            "promo_2026-q1",
            "x",
            &"a".repeat(100),
        ] {
            assert_eq!(sanitize_source_ref(Some(kept)).as_deref(), Some(kept));
        }
        for dropped in [
            "",
            "what sapp",
            "email<script>",
            "ref=1&x=2",
            "été",
            "../etc",
            &"a".repeat(101),
        ] {
            assert_eq!(sanitize_source_ref(Some(dropped)), None, "{dropped:?}");
        }
        assert_eq!(sanitize_source_ref(None), None);
    }

    #[test]
    fn no_channel_is_direct_and_known_channels_get_their_label_and_colour() {
        let b = source_breakdown(vec![
            (None, 2),
            (Some("linkedin".into()), 3),
            (Some("direct".into()), 1),
            (Some("salon-EMPLOI".into()), 1),
            (Some("whatsapp".into()), 1),
        ]);
        assert_eq!(b.total, 8);
        let rows: Vec<_> = b
            .sources
            .iter()
            .map(|s| (s.source.as_str(), s.label.as_str(), s.count, s.pct, s.color))
            .collect();
        assert_eq!(
            rows,
            [
                ("direct", "Direct", 3, 37.5, "#7C3AED"),
                ("linkedin", "LinkedIn", 3, 37.5, "#0A66C2"),
                ("salon-EMPLOI", "Salon-emploi", 1, 12.5, "#9ca3af"),
                ("whatsapp", "WhatsApp", 1, 12.5, "#25D366"),
            ]
        );
    }

    #[test]
    fn percentages_have_one_decimal_and_nothing_is_empty() {
        let b = source_breakdown(vec![(Some("email".into()), 2), (None, 1)]);
        let pcts: Vec<f64> = b.sources.iter().map(|s| s.pct).collect();
        assert_eq!(pcts, [66.7, 33.3]);
        assert_eq!(
            source_breakdown(vec![]),
            SourceBreakdown {
                sources: vec![],
                total: 0
            }
        );
        assert_eq!(percent_one_decimal(1, 0), 0.0);
    }
}
