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

/// The bytes a line break can end with: `\n`, `\r`, and A8 and A9, the
/// last bytes of U+2028 and U+2029. Not their first byte E2: every curly
/// quotation mark and apostrophe starts with it, and each was a false
/// hit to go past (A8 and A9 end only a few letters, as in `é`).
const BREAK_END: ByteSet<4> = ByteSet::new([b'\n', b'\r', 0xA8, 0xA9]);

/// The lines of `text`, without their line breaks.
fn lines(text: &str) -> impl Iterator<Item = Span> + '_ {
    let bytes = text.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        if start > text.len() {
            return None;
        }
        // Bytes, not chars: nothing else needs decoding.
        let mut from = start;
        while let Some(at) = BREAK_END.find(bytes, from) {
            let (cut, len) = match bytes[at] {
                b'\r' if bytes.get(at + 1) == Some(&b'\n') => (at, 2),
                b'\n' | b'\r' => (at, 1),
                // U+2028 and U+2029 are E2 80 A8 and E2 80 A9. The text
                // is UTF-8 and `start` a char boundary, so E2 80 before
                // the hit is that char, begun at or after `start`.
                _ if at >= start + 2 && bytes[at - 2..at] == [0xE2, 0x80] => (at - 2, 3),
                _ => {
                    from = at + 1;
                    continue;
                }
            };
            let span = Span::new(start, cut);
            start = cut + len;
            return Some(span);
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
    fn letters_ending_like_a_separator_break_no_line() {
        // é and è end in A9 and A8, as U+2029 and U+2028 do; © and the
        // curly marks around them start with C2 and E2.
        assert_eq!(
            texts("Café è ©\u{2029}“né”\u{2028}\u{2029}x\u{2028}"),
            ["Café è ©", "“né”", "x"]
        );
        assert_eq!(texts("\u{2028}é"), ["é"]);
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
