//! The embedded fonts (DejaVu Sans and its bold, unmodified, licence in `fonts/LICENSE`): krilla
//! embeds only the glyphs a report uses, and their advances measure text for line breaking.

use std::collections::HashMap;

use krilla::text::Font;
use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

static REGULAR: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Weight {
    Regular,
    Bold,
}

/// A face: krilla's font and the advance of every character it maps, in em units.
pub(crate) struct Face {
    pub(crate) font: Font,
    advances: HashMap<char, f32>,
    /// For characters the font lacks (drawn as the fallback glyph).
    fallback: f32,
}

impl Face {
    fn load(bytes: &'static [u8]) -> Option<Face> {
        let font = Font::new(bytes.into(), 0)?;
        let data = FontRef::new(bytes).ok()?;
        let upem = f32::from(
            data.metrics(Size::unscaled(), LocationRef::default())
                .units_per_em,
        );
        let metrics = data.glyph_metrics(Size::unscaled(), LocationRef::default());
        let advances = data
            .charmap()
            .mappings()
            .filter_map(|(code, glyph)| {
                let c = char::from_u32(code)?;
                Some((c, metrics.advance_width(glyph)? / upem))
            })
            .collect();
        Some(Face {
            font,
            advances,
            fallback: 0.6,
        })
    }

    /// The width of `text` at `size` points.
    pub(crate) fn width(&self, text: &str, size: f32) -> f32 {
        text.chars()
            .map(|c| self.advances.get(&c).copied().unwrap_or(self.fallback))
            .sum::<f32>()
            * size
    }
}

pub(crate) struct Fonts {
    regular: Face,
    bold: Face,
}

impl Fonts {
    /// `None` only if an embedded font cannot be parsed (a build defect; tested).
    pub(crate) fn load() -> Option<Fonts> {
        Some(Fonts {
            regular: Face::load(REGULAR)?,
            bold: Face::load(BOLD)?,
        })
    }

    pub(crate) fn face(&self, weight: Weight) -> &Face {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }
}
