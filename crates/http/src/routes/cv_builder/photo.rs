//! The photo on the wire: a data URL or the link this API gave is read into the domain's
//! [`PhotoInput`]; a stored photo is given back as its absolute public image link
//! (`/api/images/cv-photos/{name}`, served as job pictures and logos are).

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use intowork_domain::cv_builder::{PhotoInput, kept_photo};
use intowork_domain::files::FileKey;
use intowork_domain::image::ImageKind;

use crate::error::ApiError;
use crate::extract::PublicBase;
use crate::routes::images::image_url;

/// The public path of the photos, as [`image_url`] builds their links.
fn photos_path() -> String {
    format!("/api/images/{}/", ImageKind::CvPhoto.segment())
}

/// The absolute link of a stored photo.
pub fn photo_link(base: &PublicBase, key: &FileKey) -> Option<String> {
    image_url(base, Some(key.as_str()))
}

fn invalid() -> ApiError {
    ApiError::bad_request(
        "invalid_photo",
        "La photo doit être une image (data URL) ou le lien de la photo actuelle du CV",
    )
}

/// `null` or `""`: no photo; `data:<type>;base64,<bytes>`: a new image (its type is checked from
/// the bytes, not from the URL); a link whose path is a CV photo's: that stored photo (whatever
/// the host, so a change of `PUBLIC_API_URL` keeps photos). Anything else is refused.
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
    let name = raw
        .split(['?', '#'])
        .next()
        .and_then(|s| s.split_once(&photos_path()))
        .map(|(_, name)| name)
        .ok_or_else(invalid)?;
    kept_photo(name).map(PhotoInput::Keep).ok_or_else(invalid)
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
            photo_input(Some("https://api.example/api/images/cv-photos/ab12.jpg")).unwrap(),
            PhotoInput::Keep(FileKey::parse("images/cv-photos/ab12.jpg").unwrap())
        );
        for bad in [
            "data:image/png,rawbytes",
            "data:image/png;base64,@@@",
            "https://evil.example/tracker.png",
            "https://api.example/api/images/logos/ab12.png",
            "https://api.example/api/images/cv-photos/../x.png",
            "javascript:alert(1)",
        ] {
            assert_eq!(photo_input(Some(bad)).unwrap_err().status(), 400, "{bad}");
        }
        let key = FileKey::parse("images/cv-photos/ab12.png").unwrap();
        assert_eq!(
            photo_link(&PublicBase::new("http://h:8000/"), &key).as_deref(),
            Some("http://h:8000/api/images/cv-photos/ab12.png")
        );
    }
}
