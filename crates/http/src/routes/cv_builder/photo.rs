//! The photo on the wire: a data URL or the link this API gave is read into the domain's
//! [`PhotoInput`]; a stored photo is given back as an absolute link to [`PHOTO_ROUTE`].

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use intowork_domain::cv_builder::{PhotoInput, photo_file_name, photo_key};
use intowork_domain::files::FileKey;

use crate::error::ApiError;
use crate::extract::PublicBase;

/// Where stored photos are served, publicly: their names are random.
pub const PHOTO_ROUTE: &str = "/api/cv-builder/photos";

/// The absolute link of a stored photo.
pub fn photo_link(base: &PublicBase, key: &FileKey) -> Option<String> {
    photo_file_name(key).map(|name| base.url(&format!("{PHOTO_ROUTE}/{name}")))
}

fn invalid() -> ApiError {
    ApiError::bad_request(
        "invalid_photo",
        "La photo doit être une image PNG, JPEG ou WebP",
    )
}

/// `null` or `""`: no photo; `data:<type>;base64,<bytes>`: a new image (its type is checked from
/// the bytes, not from the URL); a link whose path is one of [`PHOTO_ROUTE`]'s: that stored photo
/// (whatever the host, so a change of `PUBLIC_API_URL` keeps photos). Anything else is refused.
pub fn photo_input(raw: Option<&str>) -> Result<PhotoInput, ApiError> {
    let raw = match raw.map(str::trim) {
        None | Some("") => return Ok(PhotoInput::None),
        Some(raw) => raw,
    };
    if let Some(rest) = raw.strip_prefix("data:") {
        let (header, data) = rest.split_once(',').ok_or_else(invalid)?;
        if !header.to_ascii_lowercase().ends_with(";base64") {
            return Err(invalid());
        }
        let bytes = STANDARD.decode(data.trim()).map_err(|_| invalid())?;
        return Ok(PhotoInput::Upload(bytes));
    }
    let path = raw
        .split(['?', '#'])
        .next()
        .and_then(|s| s.split_once(&format!("{PHOTO_ROUTE}/")))
        .map(|(_, name)| name)
        .ok_or_else(invalid)?;
    photo_key(path).map(PhotoInput::Keep).ok_or_else(invalid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_urls_links_and_nothing_are_told_apart() {
        assert_eq!(photo_input(None).unwrap(), PhotoInput::None);
        assert_eq!(photo_input(Some("")).unwrap(), PhotoInput::None);
        assert_eq!(
            photo_input(Some("data:image/png;base64,iVBORw0KGgo=")).unwrap(),
            PhotoInput::Upload(b"\x89PNG\r\n\x1a\n".to_vec())
        );
        assert_eq!(
            photo_input(Some("https://api.example/api/cv-builder/photos/ab12.jpg")).unwrap(),
            PhotoInput::Keep(FileKey::parse("cv-photos/ab12.jpg").unwrap())
        );
        for bad in [
            "data:image/png,rawbytes",
            "data:image/png;base64,@@@",
            "https://evil.example/tracker.png",
            "https://api.example/api/cv-builder/photos/../x.png",
            "javascript:alert(1)",
        ] {
            assert_eq!(photo_input(Some(bad)).unwrap_err().status(), 400, "{bad}");
        }
        let key = FileKey::parse("cv-photos/ab12.png").unwrap();
        assert_eq!(
            photo_link(&PublicBase::new("http://h:8000/"), &key).as_deref(),
            Some("http://h:8000/api/cv-builder/photos/ab12.png")
        );
    }
}
