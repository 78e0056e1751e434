//! Reading the sources in order: built-in defaults, then an optional `intowork.toml`, then
//! environment variables.

use super::model::Settings;
use super::problems::SettingsError;
use super::raw::{DEFAULTS, Raw};
use super::validate::validate;

impl Settings {
    /// Loads from the process environment (and `intowork.toml` in the working directory, if any).
    pub fn load() -> Result<Settings, SettingsError> {
        from_sources(config::Environment::default(), Some("intowork"))
    }

    /// Loads from explicit key/value pairs (upper-case variable names), for tests.
    pub fn from_vars<'a>(
        vars: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Settings, SettingsError> {
        let map: config::Map<String, String> = vars
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect();
        from_sources(config::Environment::default().source(Some(map)), None)
    }
}

fn from_sources(env: config::Environment, file: Option<&str>) -> Result<Settings, SettingsError> {
    let source = |e: config::ConfigError| SettingsError::Source(e.to_string());
    let mut builder = config::Config::builder();
    for (key, value) in DEFAULTS {
        builder = builder.set_default(*key, *value).map_err(source)?;
    }
    if let Some(name) = file {
        builder = builder.add_source(config::File::with_name(name).required(false));
    }
    let raw: Raw = builder
        .add_source(env)
        .build()
        .and_then(config::Config::try_deserialize)
        .map_err(source)?;
    validate(raw)
}
