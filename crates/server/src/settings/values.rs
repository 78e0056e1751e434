//! Parsing of single values shared by the concerns; a refusal names the variable.

use super::problems::ConfigProblem;

pub(super) fn parse_bool(var: &'static str, value: &str) -> Result<bool, ConfigProblem> {
    match value.trim().to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" | "on" => Ok(true),
        "false" | "0" | "no" | "off" => Ok(false),
        other => Err(ConfigProblem::new(
            var,
            format!("must be true or false, got {other:?}"),
        )),
    }
}

pub(super) fn parse_range(
    var: &'static str,
    value: &str,
    min: u32,
    max: u32,
) -> Result<u32, ConfigProblem> {
    value
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|v| (min..=max).contains(v))
        .ok_or_else(|| {
            ConfigProblem::new(
                var,
                format!("must be a whole number from {min} to {max}, got {value:?}"),
            )
        })
}

/// The trimmed value, `None` when unset or blank: platforms set variables to `""` to clear them.
pub(super) fn non_empty(value: Option<&str>) -> Option<String> {
    value
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
}
