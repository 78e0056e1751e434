use std::io::Write;
use std::sync::{Arc, Mutex};

use tracing_subscriber::layer::SubscriberExt;

use super::{json_layer, text_layer};

/// Everything the layer wrote, shared with the test.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Captured {
    fn text(&self) -> String {
        String::from_utf8(self.0.lock().unwrap().clone()).unwrap()
    }
}

/// One request's span and two events whose fields carry what a client could send.
fn log_hostile_request() {
    let span = tracing::info_span!(
        "http_request",
        path = %"/api/jobs\n2026-12-07 INFO forged",
        query = %"search=a\r\nb\u{1b}[31m",
    );
    span.in_scope(|| {
        tracing::info!(elapsed_ms = 1.5, "request served");
        tracing::warn!(error = %"bad\nvalue\u{7}", "rate limiter failed");
    });
}

fn lines(out: &str) -> Vec<&str> {
    out.lines().collect()
}

#[test]
fn the_text_format_keeps_one_event_on_one_line() {
    let out = Captured::default();
    let writer = out.clone();
    let subscriber = tracing_subscriber::registry().with(text_layer(move || writer.clone(), false));
    tracing::subscriber::with_default(subscriber, log_hostile_request);
    let text = out.text();
    assert_eq!(lines(&text).len(), 2, "{text}");
    assert!(!text.contains('\u{1b}') && !text.contains('\u{7}') && !text.contains('\r'));
    assert!(text.contains(r"search=a\r\nb\u{1b}[31m"), "{text}");
    assert!(text.contains(r"error=bad\nvalue\u{7}"), "{text}");
    assert!(lines(&text)[0].contains("request served"), "{text}");
}

#[test]
fn the_json_format_keeps_one_event_on_one_line() {
    let out = Captured::default();
    let writer = out.clone();
    let subscriber = tracing_subscriber::registry().with(json_layer(move || writer.clone()));
    tracing::subscriber::with_default(subscriber, log_hostile_request);
    let text = out.text();
    let events = lines(&text);
    assert_eq!(events.len(), 2, "{text}");
    let last: serde_json::Value = serde_json::from_str(events[1]).unwrap();
    assert_eq!(last["error"], "bad\nvalue\u{7}");
    assert_eq!(last["span"]["query"], "search=a\r\nb\u{1b}[31m");
}
