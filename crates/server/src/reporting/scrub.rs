//! The last line of defence before an event leaves the process: whatever the code put into a
//! message, a request or a breadcrumb, no email, token, password or credential header goes out.

use sentry::protocol::{Breadcrumb, Event, Map, Request, Value};

/// Headers that may be reported; everything else (Authorization, Cookie, X-Forwarded-For, ...)
/// is dropped.
const SAFE_HEADERS: [&str; 6] = [
    "accept",
    "content-length",
    "content-type",
    "host",
    "user-agent",
    "x-request-id",
];

/// A value following one of these words (`password=...`, `token: ...`) is a secret.
const SECRET_WORDS: [&str; 10] = [
    "access_token",
    "authorization",
    "current_password",
    "new_password",
    "password",
    "secret",
    "signature",
    "token",
    "api_key",
    "bearer",
];

pub fn scrub_event(mut event: Event<'static>) -> Event<'static> {
    event.user = None;
    if let Some(req) = event.request.as_mut() {
        scrub_request(req);
    }
    event.message = event.message.map(|m| scrub_text(&m));
    if let Some(entry) = event.logentry.as_mut() {
        entry.message = scrub_text(&entry.message);
        entry.params.clear();
    }
    for e in &mut event.exception.values {
        e.value = e.value.as_deref().map(scrub_text);
    }
    for crumb in &mut event.breadcrumbs.values {
        scrub_breadcrumb_in_place(crumb);
    }
    scrub_map(&mut event.extra);
    for value in event.tags.values_mut() {
        *value = scrub_text(value);
    }
    event
}

pub fn scrub_breadcrumb(mut crumb: Breadcrumb) -> Breadcrumb {
    scrub_breadcrumb_in_place(&mut crumb);
    crumb
}

fn scrub_breadcrumb_in_place(crumb: &mut Breadcrumb) {
    crumb.message = crumb.message.as_deref().map(scrub_text);
    scrub_map(&mut crumb.data);
}

fn scrub_request(req: &mut Request) {
    req.cookies = None;
    req.data = None;
    req.env.clear();
    req.headers
        .retain(|name, _| SAFE_HEADERS.contains(&name.to_ascii_lowercase().as_str()));
    req.query_string = req.query_string.as_deref().map(scrub_query);
    if let Some(url) = req.url.as_mut() {
        let _ = url.set_username("");
        let _ = url.set_password(None);
        if let Some(query) = url.query().map(scrub_query) {
            url.set_query(Some(&query));
        }
        url.set_fragment(None);
    }
}

fn scrub_query(query: &str) -> String {
    scrub_text(&intowork_http::middleware::redact_query(query))
}

fn scrub_map(map: &mut Map<String, Value>) {
    for (key, value) in map.iter_mut() {
        if SECRET_WORDS.contains(&key.to_ascii_lowercase().as_str()) {
            *value = Value::String("[redacted]".into());
        } else {
            scrub_value(value);
        }
    }
}

fn scrub_value(value: &mut Value) {
    match value {
        Value::String(s) => *s = scrub_text(s),
        Value::Array(items) => items.iter_mut().for_each(scrub_value),
        Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                if SECRET_WORDS.contains(&key.to_ascii_lowercase().as_str()) {
                    *v = Value::String("[redacted]".into());
                } else {
                    scrub_value(v);
                }
            }
        }
        _ => {}
    }
}

fn is_delimiter(c: char) -> bool {
    c.is_whitespace() || "\"'`,;:=&?()<>[]{}|".contains(c)
}

/// Replaces emails, JWTs, and the word after `Bearer` or a secret's name, token by token. The
/// rest of the text (error kinds, SQL states, paths) stays readable.
pub fn scrub_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut secret_next = false;
    let mut token = String::new();
    for c in text.chars() {
        if is_delimiter(c) {
            push_token(&mut token, &mut out, &mut secret_next);
            out.push(c);
        } else {
            token.push(c);
        }
    }
    push_token(&mut token, &mut out, &mut secret_next);
    out
}

fn push_token(token: &mut String, out: &mut String, secret_next: &mut bool) {
    if token.is_empty() {
        return;
    }
    if *secret_next {
        // `[redacted]` from `redact_query` is already clean: keep it as it is.
        out.push_str(if token == "redacted" {
            "redacted"
        } else {
            "[redacted]"
        });
        *secret_next = false;
    } else if looks_like_email(token) {
        out.push_str("[email]");
    } else if looks_like_jwt(token) {
        out.push_str("[token]");
    } else {
        out.push_str(token);
    }
    if SECRET_WORDS.contains(&token.to_ascii_lowercase().as_str()) {
        *secret_next = true;
    }
    token.clear();
}

fn looks_like_email(token: &str) -> bool {
    token
        .split_once('@')
        .is_some_and(|(local, domain)| !local.is_empty() && domain.contains('.'))
}

fn looks_like_jwt(token: &str) -> bool {
    token.starts_with("eyJ") && token.matches('.').count() == 2
}

#[cfg(test)]
mod tests {
    use sentry::protocol::{Exception, Url};

    use super::*;

    #[test]
    fn texts_lose_emails_tokens_and_passwords() {
        assert_eq!(
            scrub_text("sign-in failed for Ada@Example.com: Bearer abc.def.ghi password=hunter2"),
            "sign-in failed for [email]: Bearer [redacted] password=[redacted]"
        );
        assert_eq!(
            scrub_text("token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig in \"x\""),
            "token [redacted] in \"x\""
        );
        assert_eq!(scrub_text("jwt eyJa.eyJb.c"), "jwt [token]");
        assert_eq!(
            scrub_text("duplicate key (email_norm)=(bob@corp.io)"),
            "duplicate key (email_norm)=([email])"
        );
        assert_eq!(
            scrub_text("pool timed out after 5s"),
            "pool timed out after 5s"
        );
    }

    #[test]
    fn requests_keep_only_safe_parts() {
        let mut headers = Map::new();
        for (k, v) in [
            ("Authorization", "Bearer secret"),
            ("Cookie", "session=1"),
            ("User-Agent", "curl"),
            ("X-Forwarded-For", "1.2.3.4"),
        ] {
            headers.insert(k.to_owned(), v.to_owned());
        }
        let mut event = Event {
            request: Some(Request {
                url: Some(
                    Url::parse("https://u:p@api.test/api/files/cvs/1?signature=abc&page=2#f")
                        .unwrap(),
                ),
                query_string: Some("token=abc&q=ada@x.io".into()),
                data: Some("{\"password\":\"hunter2\"}".into()),
                cookies: Some("session=1".into()),
                headers,
                ..Default::default()
            }),
            exception: vec![Exception {
                ty: "internal_error".into(),
                value: Some("user ada@x.io".into()),
                ..Default::default()
            }]
            .into(),
            ..Default::default()
        };
        event.extra.insert("password".into(), "hunter2".into());
        let event = scrub_event(event);
        let req = event.request.as_ref().unwrap();
        assert!(req.data.is_none() && req.cookies.is_none());
        assert_eq!(req.headers.keys().collect::<Vec<_>>(), ["User-Agent"]);
        assert_eq!(
            req.query_string.as_deref(),
            Some("token=[redacted]&q=[email]")
        );
        let url = req.url.as_ref().unwrap().as_str();
        assert!(
            !url.contains("abc") && !url.contains("u:p") && !url.contains('#'),
            "{url}"
        );
        let json = serde_json::to_string(&event).unwrap();
        for secret in ["hunter2", "ada@x.io", "Bearer secret", "session=1"] {
            assert!(!json.contains(secret), "{secret} leaked: {json}");
        }
    }
}
