//! A column of normalised texts kept end to end in one buffer, so that a substring search is one
//! `memmem` pass over contiguous memory instead of one call per job.

use memchr::memmem::Finder;
use roaring::RoaringBitmap;

/// Ends every text. It never occurs in UTF-8, so no query (a `&str`) can match across two texts.
const END: u8 = 0xFF;

#[derive(Debug, Default)]
pub(crate) struct TextColumn {
    bytes: Vec<u8>,
    /// Where each text starts, plus the buffer's length as the last entry once finished.
    starts: Vec<usize>,
}

impl TextColumn {
    pub(crate) fn push(&mut self, text: &str) {
        self.starts.push(self.bytes.len());
        self.bytes.extend_from_slice(text.as_bytes());
        self.bytes.push(END);
    }

    /// Seals the column: no more texts.
    pub(crate) fn finish(&mut self) {
        self.starts.push(self.bytes.len());
        self.bytes.shrink_to_fit();
        self.starts.shrink_to_fit();
    }

    /// The positions of the texts that contain `needle`, which must not be empty.
    pub(crate) fn containing(&self, needle: &str) -> RoaringBitmap {
        let finder = Finder::new(needle.as_bytes());
        let mut found = RoaringBitmap::new();
        let mut from = 0;
        // The text holding a match: matches come in order, so a cursor over the texts' starts
        // finds it in one pass over them, whatever the number of matches.
        let mut text = 0;
        while let Some(at) = finder.find(&self.bytes[from..]) {
            let at = from + at;
            while self.starts[text + 1] <= at {
                text += 1;
            }
            // Texts are found in ascending order: each push appends.
            let _ = found.try_push(u32::try_from(text).unwrap_or(u32::MAX));
            // Its other matches change nothing: go on from the next text.
            from = self.starts[text + 1];
        }
        found
    }

    pub(crate) fn heap_bytes(&self) -> usize {
        self.bytes.capacity() + self.starts.capacity() * size_of::<usize>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column(texts: &[&str]) -> TextColumn {
        let mut c = TextColumn::default();
        for t in texts {
            c.push(t);
        }
        c.finish();
        c
    }

    #[test]
    fn finds_each_text_once() {
        let c = column(&["dev dev", "", "comptable", "devops", "d"]);
        let found = |needle| c.containing(needle).iter().collect::<Vec<_>>();
        assert_eq!(found("dev"), [0, 3]);
        assert_eq!(found("d"), [0, 3, 4]);
        assert_eq!(found("table"), [2]);
        assert!(found("xyz").is_empty());
    }

    #[test]
    fn never_matches_across_two_texts() {
        let c = column(&["ab", "cd"]);
        assert!(c.containing("bc").is_empty());
        assert_eq!(c.containing("cd").iter().collect::<Vec<_>>(), [1]);
    }
}
