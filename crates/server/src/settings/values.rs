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

/// `url` without its trailing slash, if it is an `http(s)://` URL with a host and no query,
/// fragment or space (links and redirects are built by appending a path to it).
pub(super) fn http_origin(
    var: &'static str,
    url: &str,
    example: &str,
) -> Result<String, ConfigProblem> {
    let origin = url.trim_end_matches('/');
    let scheme_ok = origin.starts_with("https://") || origin.starts_with("http://");
    if !scheme_ok || origin.contains(['?', '#', ' ']) || origin.len() <= "https://".len() {
        return Err(ConfigProblem::new(
            var,
            format!("must be an http(s) origin such as {example} (no query)"),
        ));
    }
    Ok(origin.to_owned())
}

/// The trimmed value, `None` when unset or blank: platforms set variables to `""` to clear them.
pub(super) fn non_empty(value: Option<&str>) -> Option<String> {
    value
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
}
