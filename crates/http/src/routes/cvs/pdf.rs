//! CV files as PDF responses.

use actix_web::HttpResponse;
use actix_web::http::header::{self, HeaderValue};
use intowork_domain::cv::CvFile;

/// A PDF response: RFC 6266 `Content-Disposition`, validators, and no caching by shared caches.
pub fn pdf(file: CvFile) -> HttpResponse {
    let mut res = HttpResponse::Ok();
    res.content_type("application/pdf")
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .insert_header((
            header::LAST_MODIFIED,
            file.created_at
                .format("%a, %d %b %Y %H:%M:%S GMT")
                .to_string(),
        ))
        .insert_header((
            header::ETAG,
            format!("\"cv-{}-{}\"", file.id, file.bytes.len()),
        ));
    if let Ok(value) = HeaderValue::from_str(&content_disposition(&file.filename)) {
        res.insert_header((header::CONTENT_DISPOSITION, value));
    }
    res.body(file.bytes)
}

/// `inline; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded>` (RFC 6266/5987).
pub fn content_disposition(name: &str) -> String {
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    format!("inline; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

#[cfg(test)]
mod tests {
    use super::content_disposition;

    #[test]
    fn disposition_has_an_ascii_fallback_and_utf8_name() {
        assert_eq!(
            content_disposition("CV Zoë \"final\".pdf"),
            "inline; filename=\"CV Zo_ _final_.pdf\"; filename*=UTF-8''CV%20Zo%C3%AB%20%22final%22.pdf"
        );
    }
}
