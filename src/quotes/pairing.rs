//! Pairing: opening and closing marks matched into quotations.
//!
//! In: the document and its paragraphs. Out: every quotation (nested ones
//! too), as the byte span between its marks, in document order.
//!
//! One pass with a stack, so the cost is linear in the number of marks
//! whatever they are (each mark is pushed and popped at most once):
//! - a closing mark closes the innermost open quotation of its family; open
//!   quotations above it were stray marks and are dropped;
//! - a quotation still open when a later paragraph opens a new one of its
//!   family ends at the end of its own paragraph. That is how the press
//!   writes a quotation over several paragraphs (each re-opened, none closed
//!   until the last) and how it survives a lost closing mark or page clutter
//!   (“Read more”) in between. With no new opening mark in between, a
//!   quotation may run over line breaks to its closing mark.
//! - a single mark left open is dropped unless it opened its paragraph or a
//!   sentence, or is re-opened by the next paragraph: an unpaired ’ is far
//!   more often an apostrophe than a quotation.

use super::marks::{self, Family, Mark, Role};
use crate::span::Span;
use crate::text::Paragraph;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RawQuote {
    /// The text between the marks (for an unclosed one, to its paragraph's end).
    pub content: Span,
    pub open: Span,
    /// `None`: never closed; it ends where its paragraph ends.
    pub close: Option<Span>,
    pub family: Family,
    /// Paragraph of the opening mark.
    pub para: usize,
    /// Unclosed at its paragraph's end and re-opened at the start of a later
    /// paragraph: one utterance over several paragraphs.
    pub continues: bool,
}

struct Open {
    mark: Mark,
    para: usize,
}

struct Pairer<'a> {
    text: &'a str,
    paras: &'a [Paragraph],
    stack: Vec<Open>,
    /// Per family, indices into `stack` of its open quotations.
    by_family: [Vec<usize>; 3],
    out: Vec<RawQuote>,
    /// Per paragraph, once asked: where its last letter or digit starts.
    /// An unclosed quotation has words iff it opens before that; scanning
    /// its content instead costs the paragraph's length per mark, which is
    /// quadratic on a paragraph of marks alone.
    last_word: Vec<Option<Option<usize>>>,
}

/// All quotations of `text`, sorted by where their content starts.
pub fn pair(text: &str, paras: &[Paragraph]) -> Vec<RawQuote> {
    let mut out = Vec::new();
    pair_into(text, paras, &mut Buffers::default(), &mut out);
    out
}

/// The pairer's working vectors, kept from one document to the next (see
/// [`crate::Spare`]): allocating them afresh made `pair` the first to
/// allocate in each document, which pays the allocator's clean-up of all
/// the last document freed. Emptied before each use.
#[derive(Default)]
pub struct Buffers {
    stack: Vec<Open>,
    by_family: [Vec<usize>; 3],
    last_word: Vec<Option<Option<usize>>>,
    marks: Vec<Mark>,
}

/// [`pair`] into `out` (cleared first), with `bufs`' vectors.
pub fn pair_into(text: &str, paras: &[Paragraph], bufs: &mut Buffers, out: &mut Vec<RawQuote>) {
    out.clear();
    // Room for a quotation every 128 bytes (news runs about one per 300)
    // up to a few thousand: growing from empty reallocated some four times
    // an article, each time copying what was found.
    out.reserve((text.len() / 128).min(4096));
    let mut p = Pairer {
        text,
        paras,
        stack: std::mem::take(&mut bufs.stack),
        by_family: std::mem::take(&mut bufs.by_family),
        out: std::mem::take(out),
        last_word: std::mem::take(&mut bufs.last_word),
    };
    p.stack.clear();
    p.by_family.iter_mut().for_each(Vec::clear);
    p.last_word.clear();
    p.last_word.resize(paras.len(), None);
    let marks = &mut bufs.marks;
    for (pi, para) in paras.iter().enumerate() {
        marks::scan_into(text, para.span, marks);
        for &mark in marks.iter() {
            p.feed(mark, pi);
        }
    }
    while !p.stack.is_empty() {
        p.end_unclosed(p.stack.len() - 1, false);
    }
    p.out
        .sort_by_key(|q| (q.content.start, std::cmp::Reverse(q.content.end)));
    *out = p.out;
    bufs.stack = p.stack;
    bufs.by_family = p.by_family;
    bufs.last_word = p.last_word;
}

impl Pairer<'_> {
    fn feed(&mut self, mark: Mark, pi: usize) {
        let open = self.by_family[mark.family.index()].last().copied();
        match (mark.role, open) {
            (Role::Close | Role::CloseIfOpen | Role::Either, Some(i))
                if mark.role != Role::Either || !self.crossed(i, pi) =>
            {
                self.close(i, mark);
            }
            (Role::Close | Role::CloseIfOpen, None) => {} // stray closing mark
            (_, Some(i)) if self.crossed(i, pi) => {
                // A new opening in a later paragraph: the open one ended with its paragraph.
                let reopens = mark.span.start == self.paras[pi].span.start;
                self.end_unclosed(i, reopens);
                self.push(mark, pi);
            }
            (_, Some(i)) => {
                if mark.directional_open {
                    self.push(mark, pi); // “how “are” you” — nested, same family
                } else if mark.family == Family::Double {
                    self.close(i, mark); // straight doubles never nest
                } else {
                    self.push(mark, pi);
                }
            }
            (_, None) => self.push(mark, pi),
        }
    }

    /// Whether the open quotation `i` began in an earlier paragraph than `pi`.
    fn crossed(&self, i: usize, pi: usize) -> bool {
        self.stack[i].para < pi
    }

    fn push(&mut self, mark: Mark, para: usize) {
        self.by_family[mark.family.index()].push(self.stack.len());
        self.stack.push(Open { mark, para });
    }

    fn pop(&mut self) -> Open {
        let top = self.stack.pop().expect("pop only with a non-empty stack");
        self.by_family[top.mark.family.index()].pop();
        top
    }

    /// Close quotation `i` with `mark`; quotations opened inside it and still
    /// open were stray marks.
    fn close(&mut self, i: usize, mark: Mark) {
        while self.stack.len() > i + 1 {
            self.pop();
        }
        let open = self.pop();
        let content = Span::new(open.mark.span.end, mark.span.start);
        if !content.is_empty() {
            self.out.push(RawQuote {
                content,
                open: open.mark.span,
                close: Some(mark.span),
                family: open.mark.family,
                para: open.para,
                continues: false,
            });
        }
    }

    /// End quotation `i`, never closed, at the end of its paragraph.
    fn end_unclosed(&mut self, i: usize, continues: bool) {
        while self.stack.len() > i + 1 {
            let inner = self.pop();
            self.emit_unclosed(inner, false);
        }
        let open = self.pop();
        self.emit_unclosed(open, continues);
    }

    fn emit_unclosed(&mut self, open: Open, continues: bool) {
        let para = self.paras[open.para].span;
        // An unpaired single mark mid-sentence is an apostrophe; one that
        // opens its paragraph or a sentence (`… Mr Sangha said. 'The answer
        // is always: it's` at the end of a cut-off text), or is re-opened by
        // the next paragraph, opened speech.
        let opens_sentence = self.text[para.start..open.mark.span.start]
            .trim_end()
            .ends_with(['.', '!', '?', ':']);
        if open.mark.family == Family::Single
            && open.mark.span.start != para.start
            && !opens_sentence
            && !continues
        {
            return;
        }
        let text = self.text;
        let last_word = *self.last_word[open.para].get_or_insert_with(|| {
            para.of(text)
                .char_indices()
                .rev()
                .find(|(_, c)| c.is_alphanumeric())
                .map(|(i, _)| para.start + i)
        });
        if last_word.is_some_and(|w| w >= open.mark.span.end) {
            let content = Span::new(open.mark.span.end, para.end).trim(self.text);
            self.out.push(RawQuote {
                content,
                open: open.mark.span,
                close: None,
                family: open.mark.family,
                para: open.para,
                continues,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::paragraphs;

    fn quotes(text: &str) -> Vec<&str> {
        pair(text, &paragraphs(text))
            .iter()
            .map(|q| q.content.of(text))
            .collect()
    }

    #[test]
    fn pairs_curly_and_straight_marks_in_one_quotation() {
        assert_eq!(
            quotes("“I can help,\" Ivo tells Bea. \"It’s fine.\""),
            ["I can help,", "It’s fine."]
        );
    }

    #[test]
    fn keeps_apostrophes_inside_quotations() {
        assert_eq!(
            quotes("\"Where are the horses' carrots?\" he asked."),
            ["Where are the horses' carrots?"]
        );
    }

    #[test]
    fn nested_single_inside_double_is_its_own_quotation() {
        assert_eq!(
            quotes("\"You started 'Lanterns,' right?\" asked Ola."),
            ["You started 'Lanterns,' right?", "Lanterns,"]
        );
    }

    #[test]
    fn british_single_marks_with_double_inside() {
        assert_eq!(
            quotes("‘My aunt said “Sit down,” so I did,’ she recalls."),
            ["My aunt said “Sit down,” so I did,", "Sit down,"]
        );
    }

    #[test]
    fn quotation_reopened_in_each_paragraph_is_one_record_per_paragraph() {
        let text =
            "Ida said: \"First part.\n\n\"Second part.\n\nREAD MORE\n\n\"Third,\" she added.";
        let q = pair(text, &paragraphs(text));
        let texts: Vec<_> = q.iter().map(|q| q.content.of(text)).collect();
        assert_eq!(texts, ["First part.", "Second part.", "Third,"]);
        assert!(q[0].continues && q[1].continues && !q[2].continues);
    }

    #[test]
    fn quotation_runs_over_line_breaks_without_reopening() {
        assert_eq!(
            quotes("Words \"Hello,\nI am next.\nLast.\" more"),
            ["Hello,\nI am next.\nLast."]
        );
    }

    #[test]
    fn stray_spaced_mark_opens_nothing() {
        assert_eq!(
            quotes("Hello,   \" he said, 'how are you?'"),
            ["how are you?"]
        );
    }

    #[test]
    fn quotation_with_its_opening_mark_missing_is_not_invented() {
        assert_eq!(
            quotes("It was fine,\" he added. \"Then we left.\""),
            ["Then we left."]
        );
    }

    #[test]
    fn unclosed_double_ends_at_its_paragraph_end() {
        assert_eq!(
            quotes("\"Hello,\" he said, \"how are you?\n"),
            ["Hello,", "how are you?"]
        );
    }

    #[test]
    fn unclosed_marks_with_no_word_after_them_quote_nothing() {
        // A run of opening marks (scraper debris) holds no words; and an
        // unclosed quotation whose words come before a later mark is cut at
        // its paragraph's end, words and all (a spaced “ after a word
        // closes, as a misprinted ”).
        assert_eq!(quotes("“““““\n\nShe left."), Vec::<&str>::new());
        assert_eq!(quotes("He said “yes, “and “\n"), ["yes, “and “", "and "]);
    }

    #[test]
    fn unclosed_single_after_a_sentence_end_is_speech_cut_off() {
        assert_eq!(
            quotes("'We warned them,' Ivo said. 'The answer is always: it's"),
            ["We warned them,", "The answer is always: it's"]
        );
    }

    #[test]
    fn single_quotation_reopened_in_the_next_paragraph_is_speech() {
        assert_eq!(
            quotes("Words blah 'Hello,\n\n'I am next.'"),
            ["Hello,", "I am next."]
        );
    }

    #[test]
    fn unclosed_single_mid_paragraph_is_an_apostrophe() {
        assert_eq!(
            quotes("The '90 vintage and the girls’ bus"),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn same_family_curly_nesting() {
        assert_eq!(quotes("“how “are” you?”"), ["how “are” you?", "are"]);
    }

    #[test]
    fn guillemets_and_low_marks_pair() {
        assert_eq!(
            quotes("Ola sagte: „Wir gehen.“ Dann «On y va,» dit Ivo."),
            ["Wir gehen.", "On y va,"]
        );
        assert_eq!(quotes("Ola: ‚Wir gehen.‘ Gut."), ["Wir gehen."]);
    }

    #[test]
    fn single_guillemets_nest_inside_double_ones() {
        assert_eq!(
            quotes("«Mon père disait: ‹Remonte-la.› Je le fais,» dit Ola."),
            ["Mon père disait: ‹Remonte-la.› Je le fais,", "Remonte-la."]
        );
    }

    #[test]
    fn stray_mark_in_a_headline_opens_nothing_beyond_its_paragraph() {
        let text = "Ola Pim: the ’comeback\n\n“We did it,” Pim said.";
        assert_eq!(quotes(text), ["We did it,"]);
    }

    #[test]
    fn quotation_cut_off_by_the_end_of_the_text() {
        assert_eq!(quotes("Ola said: “We will never"), ["We will never"]);
    }

    #[test]
    fn mismatched_straight_and_curly_marks_pair() {
        assert_eq!(
            quotes("\"We left” and “came back\" she said"),
            ["We left", "came back"]
        );
    }

    #[test]
    fn linear_in_marks_on_pathological_input() {
        let text = "“".repeat(10_000) + &"”".repeat(10_000);
        assert_eq!(quotes(&text).len(), 9_999);
        let text = "\"".repeat(100_001);
        assert!(quotes(&text).is_empty());
    }
}
