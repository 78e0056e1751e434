//! Logging: JSON lines in production (for the platform's log search), readable text locally.

use tracing_subscriber::EnvFilter;

use crate::settings::Settings;

pub fn init(settings: &Settings) {
    // Framework chatter stays at warn unless LOG_LEVEL names those targets itself.
    let filter = EnvFilter::try_new(format!(
        "actix_server=warn,actix_http=warn,{}",
        settings.log_level
    ))
    .unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false);
    let result = if settings.is_production() {
        builder
            .json()
            .flatten_event(true)
            .with_current_span(true)
            .with_span_list(false)
            .try_init()
    } else {
        builder.compact().try_init()
    };
    // A second init (tests) keeps the first subscriber.
    let _ = result;
}
