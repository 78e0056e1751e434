//! Logging: JSON lines in production (for the platform's log search), readable text locally.

use tracing_subscriber::EnvFilter;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;

use crate::settings::Settings;

pub fn init(settings: &Settings) {
    install(settings, std::io::stdout);
}

/// Like [`init`], with the logs on stderr: operator commands keep stdout for their report.
pub fn init_stderr(settings: &Settings) {
    install(settings, std::io::stderr);
}

fn install<W>(settings: &Settings, writer: W)
where
    W: for<'w> tracing_subscriber::fmt::MakeWriter<'w> + Send + Sync + 'static,
{
    // Framework chatter stays at warn unless LOG_LEVEL names those targets itself.
    let filter = EnvFilter::try_new(format!(
        "actix_server=warn,actix_http=warn,{}",
        settings.log_level
    ))
    .unwrap_or_else(|_| EnvFilter::new("info"));
    let (json, text) = if settings.is_production() {
        let json = tracing_subscriber::fmt::layer()
            .with_target(false)
            .with_writer(writer)
            .json()
            .flatten_event(true)
            .with_current_span(true)
            .with_span_list(false);
        (Some(json), None)
    } else {
        let text = tracing_subscriber::fmt::layer()
            .with_target(false)
            .with_writer(writer)
            .compact();
        (None, Some(text))
    };
    // Error reporting sees what the logs see (after the same filter); a no-op without a client.
    let sentry = settings
        .security
        .sentry_dsn
        .is_some()
        .then(crate::reporting::tracing_layers);
    let result = tracing_subscriber::registry()
        .with(filter)
        .with(json)
        .with(text)
        .with(sentry)
        .try_init();
    // A second init (tests) keeps the first subscriber.
    let _ = result;
}
