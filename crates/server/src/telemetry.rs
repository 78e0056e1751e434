//! Logging: JSON lines in production (for the platform's log search), readable text locally.
//!
//! Either way one event is one line. JSON escapes control characters itself; the text format
//! escapes them in every field value, so nothing a client sends (a `%0A` in a path or a query,
//! an escape sequence in a header an error quotes) can start a forged line or drive the terminal.

use std::fmt;
use std::io::IsTerminal;

use intowork_http::middleware::escape_controls;
use tracing::field::Field;
use tracing_subscriber::EnvFilter;
use tracing_subscriber::field::MakeExt;
use tracing_subscriber::fmt::FormatFields;
use tracing_subscriber::fmt::format::{Writer, debug_fn};
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::registry::LookupSpan;
use tracing_subscriber::util::SubscriberInitExt;

use crate::settings::Settings;

pub fn init(settings: &Settings) {
    install(settings, std::io::stdout, std::io::stdout().is_terminal());
}

/// Like [`init`], with the logs on stderr: operator commands keep stdout for their report.
pub fn init_stderr(settings: &Settings) {
    install(settings, std::io::stderr, std::io::stderr().is_terminal());
}

fn install<W>(settings: &Settings, writer: W, colours: bool)
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
        (Some(json_layer(writer)), None)
    } else {
        (None, Some(text_layer(writer, colours)))
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

fn json_layer<S, W>(writer: W) -> impl tracing_subscriber::Layer<S>
where
    S: tracing::Subscriber + for<'a> LookupSpan<'a>,
    W: for<'w> tracing_subscriber::fmt::MakeWriter<'w> + Send + Sync + 'static,
{
    tracing_subscriber::fmt::layer()
        .with_target(false)
        .with_writer(writer)
        .json()
        .flatten_event(true)
        .with_current_span(true)
        .with_span_list(false)
}

/// `colours` only for a terminal: a file or a pipe gets no escape sequences at all.
fn text_layer<S, W>(writer: W, colours: bool) -> impl tracing_subscriber::Layer<S>
where
    S: tracing::Subscriber + for<'a> LookupSpan<'a>,
    W: for<'w> tracing_subscriber::fmt::MakeWriter<'w> + Send + Sync + 'static,
{
    tracing_subscriber::fmt::layer()
        .with_target(false)
        .with_writer(writer)
        .with_ansi(colours)
        .fmt_fields(escaped_fields())
        .compact()
}

/// The text format's fields, `name=value` separated by spaces (the message bare, as the default
/// format prints it), each value with its control characters escaped.
fn escaped_fields() -> impl for<'w> FormatFields<'w> + Send + Sync + 'static {
    debug_fn(
        |w: &mut Writer<'_>, field: &Field, value: &dyn fmt::Debug| {
            let value = escape_controls(&format!("{value:?}"));
            match field.name() {
                "message" => write!(w, "{value}"),
                name => write!(w, "{name}={value}"),
            }
        },
    )
    .delimited(" ")
}

#[cfg(test)]
mod tests;
