//! Byte spans into the original text.
//!
//! Every stage speaks in byte offsets of the file as read, end-exclusive, so a
//! record's `start..end` can be cut from the file to give back its `text`.
//! Char indices never cross a module edge.

use serde::Serialize;

/// A byte range `start..end` into the document text (end-exclusive).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }

    pub const fn len(self) -> usize {
        self.end - self.start
    }

    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The text this span covers.
    pub fn of(self, text: &str) -> &str {
        &text[self.start..self.end]
    }

    /// This span with leading and trailing whitespace of `text` removed.
    pub fn trim(self, text: &str) -> Span {
        let s = self.of(text);
        let start = self.start + (s.len() - s.trim_start().len());
        let end = self.end - (s.len() - s.trim_end().len());
        if start > end {
            Span::new(self.start, self.start)
        } else {
            Span::new(start, end)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_removes_unicode_whitespace_on_both_sides() {
        let text = "\u{a0} “hi” \n";
        let span = Span::new(0, text.len()).trim(text);
        assert_eq!(span.of(text), "“hi”");
    }

    #[test]
    fn trim_of_blank_is_empty() {
        let text = "  \n ";
        assert!(Span::new(0, text.len()).trim(text).is_empty());
    }
}
