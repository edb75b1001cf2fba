//! Paragraphs: what goes in is the whole document, what comes out is the list
//! of its paragraphs as trimmed byte spans, in order, never overlapping.
//!
//! Scraped articles put one paragraph on a line, with or without a blank line
//! between, so every line break ends a paragraph — except a soft wrap: a line
//! that stops mid-sentence (no closing punctuation) followed by a line that
//! starts in lower case is the same paragraph, hard-wrapped (Project
//! Gutenberg texts and some wire copy).
//! Line breaks are `\n`, `\r\n`, `\r`, U+2028 and U+2029.

use super::scan::ByteSet;
use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paragraph {
    pub span: Span,
}

/// Split `text` into paragraphs (see the module doc).
pub fn paragraphs(text: &str) -> Vec<Paragraph> {
    paragraphs_into(text, Vec::new())
}

/// As [`paragraphs`], into `reuse` (emptied first), for a run over many
/// documents.
pub fn paragraphs_into(text: &str, reuse: Vec<Paragraph>) -> Vec<Paragraph> {
    let mut out = reuse;
    out.clear();
    for line in lines(text) {
        let line = line.trim(text);
        if line.is_empty() {
            continue;
        }
        if let Some(last) = out.last_mut()
            && is_soft_wrap(text, last.span, line)
        {
            last.span.end = line.end;
            continue;
        }
        out.push(Paragraph { span: line });
    }
    out
}

/// The bytes a line break can start with: `\n`, `\r`, and 0xE2 for U+2028
/// and U+2029.
const BREAK_START: ByteSet<3> = ByteSet::new([b'\n', b'\r', 0xE2]);

/// The lines of `text`, without their line breaks.
fn lines(text: &str) -> impl Iterator<Item = Span> + '_ {
    let bytes = text.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        if start > text.len() {
            return None;
        }
        // Bytes, not chars: every break starts with `\n`, `\r` or the lead
        // byte E2 of U+2028 and U+2029, and nothing else needs decoding.
        let mut from = start;
        while let Some(at) = BREAK_START.find(bytes, from) {
            let len = match &bytes[at..] {
                [b'\r', b'\n', ..] => 2,
                [b'\n' | b'\r', ..] => 1,
                // U+2028 and U+2029.
                [0xE2, 0x80, 0xA8 | 0xA9, ..] => 3,
                _ => 0,
            };
            if len > 0 {
                let span = Span::new(start, at);
                start = at + len;
                return Some(span);
            }
            from = at + 1;
        }
        let span = Span::new(start, text.len());
        start = text.len() + 1;
        Some(span)
    })
}

/// A line break inside a sentence: the previous line ends without closing
/// punctuation and the next begins with a lower-case letter.
fn is_soft_wrap(text: &str, prev: Span, next: Span) -> bool {
    let ends_open = prev
        .of(text)
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || matches!(c, ',' | '-' | '—' | '–'));
    let starts_lower = next
        .of(text)
        .chars()
        .next()
        .is_some_and(|c| c.is_lowercase());
    ends_open && starts_lower
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        paragraphs(text).iter().map(|p| p.span.of(text)).collect()
    }

    #[test]
    fn every_line_is_a_paragraph() {
        assert_eq!(
            texts("One.\nTwo.\n\n  Three.  \n"),
            ["One.", "Two.", "Three."]
        );
    }

    #[test]
    fn crlf_cr_and_unicode_separators_break_lines() {
        assert_eq!(
            texts("A.\r\nB.\rC.\u{2028}D.\u{2029}E."),
            ["A.", "B.", "C.", "D.", "E."]
        );
    }

    #[test]
    fn breaks_are_found_past_whole_blocks_of_text() {
        let long = "“A line long enough to fill more than one block,” she said.";
        let text = format!("{long}\n{long}\r\n{long}\u{2028}{long} — {long}");
        assert_eq!(
            texts(&text),
            [long, long, long, &format!("{long} — {long}")[..]]
        );
    }

    #[test]
    fn hard_wrapped_sentence_stays_one_paragraph() {
        assert_eq!(
            texts("It was very well to say it, but the wise girl was\nnot going to.\nNext one."),
            [
                "It was very well to say it, but the wise girl was\nnot going to.",
                "Next one."
            ]
        );
    }

    #[test]
    fn capitalised_next_line_is_a_new_paragraph() {
        assert_eq!(
            texts("Mara Quill\nPhoto Desk"),
            ["Mara Quill", "Photo Desk"]
        );
    }

    #[test]
    fn empty_and_blank_texts_have_no_paragraphs() {
        assert!(paragraphs("").is_empty());
        assert!(paragraphs(" \n\r\n\t ").is_empty());
    }
}
