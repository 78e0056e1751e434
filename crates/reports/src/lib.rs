//! The PDF adapter of the domain's [`ReportRenderer`] port (HEAD.md 10.19).
//!
//! Pure Rust: [krilla](https://docs.rs/krilla) writes the PDF and embeds a subset of DejaVu Sans
//! (regular and bold, shipped in `fonts/` with their licence) with a ToUnicode map, so accented
//! text is drawn right and can be selected, searched and extracted. Nothing is added to the
//! runtime image: no native library, no font lookup on the host.

mod fonts;
mod layout;

use std::sync::Arc;

use async_trait::async_trait;
use intowork_domain::reports::{RenderError, Report, ReportRenderer};
use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::surface::Surface;
use krilla::text::TextDirection;

use crate::fonts::{Fonts, Weight};
use crate::layout::{GREY, Layout, Op, PAGE_H, PAGE_W};

const FOOTER: &str = "INTOWORK — Plateforme de recrutement · Confidentiel";

/// Renders reports as A4 PDFs, off the async workers.
#[derive(Clone)]
pub struct PdfRenderer {
    fonts: Arc<Fonts>,
}

impl std::fmt::Debug for PdfRenderer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PdfRenderer")
    }
}

impl PdfRenderer {
    /// Parses the embedded fonts once.
    pub fn new() -> Result<Self, RenderError> {
        let fonts = Fonts::load().ok_or_else(|| RenderError("embedded font unreadable".into()))?;
        Ok(Self {
            fonts: Arc::new(fonts),
        })
    }

    /// The PDF's bytes, synchronously (the port's method runs this on the blocking pool).
    pub fn render_now(&self, report: &Report) -> Result<Vec<u8>, RenderError> {
        let mut layout = Layout::new(&self.fonts);
        layout.report(report);
        let pages = layout.pages;
        let count = pages.len();
        let mut document = Document::new();
        document.set_metadata(
            Metadata::new()
                .title(report.title.clone())
                .language("fr".to_owned())
                .creator("IntoWork".to_owned()),
        );
        let settings = PageSettings::from_wh(PAGE_W, PAGE_H)
            .ok_or_else(|| RenderError("invalid page size".into()))?;
        for (i, ops) in pages.iter().enumerate() {
            let mut page = document.start_page_with(settings.clone());
            let mut surface = page.surface();
            for op in ops {
                self.paint(&mut surface, op);
            }
            let footer = format!(
                "{FOOTER} · Généré le {} · Page {}/{count}",
                report.generated_at,
                i + 1
            );
            self.paint(
                &mut surface,
                &Op::Text {
                    x: 50.0,
                    y: PAGE_H - 30.0,
                    size: 7.5,
                    weight: Weight::Regular,
                    color: GREY,
                    text: footer,
                },
            );
            surface.finish();
            page.finish();
        }
        document.finish().map_err(|e| RenderError(format!("{e:?}")))
    }

    fn paint(&self, surface: &mut Surface<'_>, op: &Op) {
        let fill = |[r, g, b]: [u8; 3]| Fill {
            paint: rgb::Color::new(r, g, b).into(),
            opacity: NormalizedF32::ONE,
            rule: Default::default(),
        };
        match op {
            Op::Text {
                x,
                y,
                size,
                weight,
                color,
                text,
            } => {
                surface.set_fill(Some(fill(*color)));
                let font = self.fonts.face(*weight).font.clone();
                let at = Point::from_xy(*x, *y);
                surface.draw_text(at, font, *size, text, false, TextDirection::Auto);
            }
            Op::Rect { x, y, w, h, color } => {
                let Some(rect) = Rect::from_xywh(*x, *y, *w, *h) else {
                    return;
                };
                let mut path = PathBuilder::new();
                path.push_rect(rect);
                if let Some(path) = path.finish() {
                    surface.set_fill(Some(fill(*color)));
                    surface.draw_path(&path);
                }
            }
        }
    }
}

#[async_trait]
impl ReportRenderer for PdfRenderer {
    async fn render(&self, report: Report) -> Result<Vec<u8>, RenderError> {
        let renderer = self.clone();
        tokio::task::spawn_blocking(move || renderer.render_now(&report))
            .await
            .map_err(|e| RenderError(format!("rendering task failed: {e}")))?
    }
}
