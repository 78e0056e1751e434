//! Lays a report out on A4 pages: what to draw where, as plain operations the painter replays.
//! Text wraps at word boundaries (a word longer than its column is cut); a table row never splits
//! across pages, and a table continued on a new page repeats its header.

use intowork_domain::reports::{Block, Report, Table};

use crate::fonts::{Fonts, Weight};

pub(crate) const PAGE_W: f32 = 595.28;
pub(crate) const PAGE_H: f32 = 841.89;
const MARGIN: f32 = 50.0;
const BOTTOM: f32 = PAGE_H - 60.0;
const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN;
const BODY: f32 = 9.5;
const LINE: f32 = 1.35;
const CELL_PAD: f32 = 4.0;

/// Colours (RGB), from HEAD's report styles.
pub(crate) const GREEN: [u8; 3] = [0x6B, 0x9B, 0x5F];
pub(crate) const DARK: [u8; 3] = [0x1F, 0x29, 0x37];
pub(crate) const GREY: [u8; 3] = [0x6B, 0x72, 0x80];
const PALE: [u8; 3] = [0xE8, 0xF0, 0xE5];
const RULE: [u8; 3] = [0xE5, 0xE7, 0xEB];

pub(crate) enum Op {
    /// `y` is the baseline.
    Text {
        x: f32,
        y: f32,
        size: f32,
        weight: Weight,
        color: [u8; 3],
        text: String,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        color: [u8; 3],
    },
}

pub(crate) struct Layout<'f> {
    fonts: &'f Fonts,
    pub(crate) pages: Vec<Vec<Op>>,
    y: f32,
}

impl<'f> Layout<'f> {
    pub(crate) fn new(fonts: &'f Fonts) -> Self {
        Layout {
            fonts,
            pages: vec![Vec::new()],
            y: MARGIN,
        }
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        self.pages.last_mut().expect("there is always a page")
    }

    fn text(&mut self, x: f32, size: f32, weight: Weight, color: [u8; 3], text: &str) {
        let y = self.y + size;
        self.ops().push(Op::Text {
            x,
            y,
            size,
            weight,
            color,
            text: text.to_owned(),
        });
    }

    fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, color: [u8; 3]) {
        self.ops().push(Op::Rect { x, y, w, h, color });
    }

    /// Starts a new page when `height` does not fit; true if it did.
    fn ensure(&mut self, height: f32) -> bool {
        if self.y + height <= BOTTOM {
            return false;
        }
        self.pages.push(Vec::new());
        self.y = MARGIN;
        true
    }

    /// `text` in lines of at most `width` points.
    fn wrap(&self, text: &str, size: f32, weight: Weight, width: f32) -> Vec<String> {
        let face = self.fonts.face(weight);
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            let mut line = String::new();
            for word in paragraph.split_whitespace() {
                let candidate = if line.is_empty() {
                    word.to_owned()
                } else {
                    format!("{line} {word}")
                };
                if face.width(&candidate, size) <= width {
                    line = candidate;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                // A word wider than the column is cut where it overflows.
                for c in word.chars() {
                    line.push(c);
                    if face.width(&line, size) > width && line.chars().count() > 1 {
                        let last = line.pop().unwrap_or(c);
                        lines.push(std::mem::replace(&mut line, last.to_string()));
                    }
                }
            }
            lines.push(line);
        }
        lines
    }

    pub(crate) fn report(&mut self, r: &Report) {
        self.text(MARGIN, 9.0, Weight::Bold, GREEN, "INTOWORK");
        self.y += 14.0;
        self.text(MARGIN, 20.0, Weight::Bold, DARK, &r.title);
        self.y += 28.0;
        for line in self.wrap(&r.subject, 12.0, Weight::Regular, CONTENT_W) {
            self.text(MARGIN, 12.0, Weight::Regular, DARK, &line);
            self.y += 16.0;
        }
        self.text(
            MARGIN,
            8.5,
            Weight::Regular,
            GREY,
            &format!("Généré le {}", r.generated_at),
        );
        self.y += 16.0;
        self.rect(MARGIN, self.y, CONTENT_W, 2.0, GREEN);
        self.y += 14.0;
        for section in &r.sections {
            self.ensure(60.0);
            self.text(MARGIN, 13.0, Weight::Bold, GREEN, &section.title);
            self.y += 18.0;
            self.rect(MARGIN, self.y, CONTENT_W, 0.8, GREEN);
            self.y += 8.0;
            for block in &section.blocks {
                self.block(block);
            }
            self.y += 10.0;
        }
    }

    fn block(&mut self, block: &Block) {
        match block {
            Block::Fields(pairs) => {
                for (label, value) in pairs {
                    let lines = self.wrap(value, BODY, Weight::Regular, CONTENT_W - 150.0);
                    self.ensure(lines.len() as f32 * BODY * LINE + 4.0);
                    self.text(MARGIN, BODY, Weight::Bold, GREY, label);
                    for line in lines {
                        self.text(MARGIN + 150.0, BODY, Weight::Regular, DARK, &line);
                        self.y += BODY * LINE;
                    }
                    self.y += 3.0;
                }
            }
            Block::Figures(figures) => {
                for row in figures.chunks(4) {
                    self.ensure(48.0);
                    let w = (CONTENT_W - 3.0 * 8.0) / 4.0;
                    for (i, (value, label)) in row.iter().enumerate() {
                        let x = MARGIN + i as f32 * (w + 8.0);
                        self.rect(x, self.y, w, 42.0, PALE);
                        let top = self.y;
                        self.y = top + 6.0;
                        self.text(x + 8.0, 16.0, Weight::Bold, GREEN, value);
                        self.y = top + 26.0;
                        self.text(x + 8.0, 8.0, Weight::Regular, GREY, label);
                        self.y = top;
                    }
                    self.y += 50.0;
                }
            }
            Block::Table(t) => self.table(t),
            Block::Note(note) => {
                for line in self.wrap(note, 8.5, Weight::Regular, CONTENT_W) {
                    self.ensure(12.0);
                    self.text(MARGIN, 8.5, Weight::Regular, GREY, &line);
                    self.y += 12.0;
                }
                self.y += 4.0;
            }
        }
    }

    fn cells(&self, cells: &[String], widths: &[f32], weight: Weight) -> (Vec<Vec<String>>, f32) {
        let wrapped: Vec<Vec<String>> = cells
            .iter()
            .zip(widths)
            .map(|(c, w)| self.wrap(c, BODY, weight, w - 2.0 * CELL_PAD))
            .collect();
        let lines = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
        (wrapped, lines as f32 * BODY * LINE + 2.0 * CELL_PAD)
    }

    fn row(&mut self, cells: &[String], widths: &[f32], weight: Weight, shade: Option<[u8; 3]>) {
        let (wrapped, height) = self.cells(cells, widths, weight);
        if let Some(color) = shade {
            self.rect(MARGIN, self.y, CONTENT_W, height, color);
        }
        let top = self.y;
        let mut x = MARGIN;
        for (cell, w) in wrapped.iter().zip(widths) {
            self.y = top + CELL_PAD;
            for line in cell {
                self.text(x + CELL_PAD, BODY, weight, DARK, line);
                self.y += BODY * LINE;
            }
            x += w;
        }
        self.y = top + height;
        self.rect(MARGIN, self.y, CONTENT_W, 0.5, RULE);
    }

    fn table(&mut self, t: &Table) {
        if t.rows.is_empty() {
            self.ensure(14.0);
            self.text(MARGIN, BODY, Weight::Regular, GREY, &t.empty);
            self.y += 16.0;
            return;
        }
        // The first column (titles, names) gets twice the others' width.
        let units = t.columns.len() as f32 + 1.0;
        let widths: Vec<f32> = (0..t.columns.len())
            .map(|i| CONTENT_W / units * if i == 0 { 2.0 } else { 1.0 })
            .collect();
        self.ensure(40.0);
        self.row(&t.columns, &widths, Weight::Bold, Some(PALE));
        for cells in &t.rows {
            let (_, height) = self.cells(cells, &widths, Weight::Regular);
            if self.ensure(height) {
                self.row(&t.columns, &widths, Weight::Bold, Some(PALE));
            }
            self.row(cells, &widths, Weight::Regular, None);
        }
        self.y += 6.0;
    }
}
