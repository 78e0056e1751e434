//! A column of normalised texts kept end to end in one buffer, so that a substring search is one
//! `memmem` pass over contiguous memory instead of one call per job.

use memchr::memmem::Finder;

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

    /// The positions (ascending) of the texts that contain `needle`, which must not be empty.
    pub(crate) fn containing(&self, needle: &str) -> Vec<u32> {
        let finder = Finder::new(needle.as_bytes());
        let mut found = Vec::new();
        let mut from = 0;
        while let Some(at) = finder.find(&self.bytes[from..]) {
            let at = from + at;
            // The text holding `at`: the last one starting at or before it.
            let text = self.starts.partition_point(|&start| start <= at) - 1;
            found.push(u32::try_from(text).unwrap_or(u32::MAX));
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
    fn finds_each_text_once_in_order() {
        let c = column(&["dev dev", "", "comptable", "devops", "d"]);
        assert_eq!(c.containing("dev"), [0, 3]);
        assert_eq!(c.containing("d"), [0, 3, 4]);
        assert_eq!(c.containing("table"), [2]);
        assert!(c.containing("xyz").is_empty());
    }

    #[test]
    fn never_matches_across_two_texts() {
        let c = column(&["ab", "cd"]);
        assert!(c.containing("bc").is_empty());
        assert_eq!(c.containing("cd"), [1]);
    }
}
