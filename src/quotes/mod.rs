//! Quote spans: where the quotations are, which holds which, and what each
//! one is.
//!
//! In: the document and its paragraphs. Out: every quotation in document
//! order with its nesting, its kind (a clause of its own, or a fragment of
//! the writer's sentence) and, for titles, names and words held up as words,
//! the reason it is nobody's speech.

pub mod kind;
pub mod marks;
pub mod not_speech;
pub mod pairing;
pub mod transcript;

use serde::Serialize;

use crate::span::Span;
use crate::text::Paragraph;
pub use marks::Family;
pub use not_speech::NotSpeech;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Speech or writing quoted as a sentence or clause of its own.
    Direct,
    /// A few quoted words inside the writer's own sentence.
    Fragment,
    /// A transcript answer written without quotation marks.
    Unmarked,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quote {
    /// The quoted text, marks excluded.
    pub content: Span,
    /// Marks included (for an unclosed or unmarked quotation, what there is).
    pub outer: Span,
    pub closed: bool,
    pub para: usize,
    /// Unclosed at its paragraph's end and re-opened in a later one.
    pub continues: bool,
    /// The quotation this one is nested in.
    pub parent: Option<usize>,
    pub kind: Kind,
    pub not_speech: Option<NotSpeech>,
    /// For a transcript answer: the label that names its speaker.
    pub label: Option<Span>,
}

impl Quote {
    pub fn is_top_level(&self) -> bool {
        self.parent.is_none()
    }
}

/// All quotations of the document, classified.
pub fn find(text: &str, paras: &[Paragraph]) -> Vec<Quote> {
    find_reusing(text, paras, &mut Buffers::default())
}

/// Vectors `find` keeps from one document to the next (see
/// [`crate::Spare`]), the quotation list it returns among them (given back
/// with [`Buffers::recycle`]): the first allocation of a document pays
/// the allocator's clean-up of all the last one freed, some thousand
/// instructions a call. Each is emptied before it is used.
#[derive(Default)]
pub struct Buffers {
    pairing: pairing::Buffers,
    raw: Vec<pairing::RawQuote>,
    quotes: Vec<Quote>,
    open: Vec<usize>,
    last_child_end: Vec<usize>,
    depth: Vec<usize>,
    new_index: Vec<Option<usize>>,
}

impl Buffers {
    /// Take back the list a [`find_reusing`] returned.
    pub fn recycle(&mut self, quotes: Vec<Quote>) {
        self.quotes = quotes;
    }
}

/// As [`find`], with the vectors `bufs` holds.
pub fn find_reusing(text: &str, paras: &[Paragraph], bufs: &mut Buffers) -> Vec<Quote> {
    pairing::pair_into(text, paras, &mut bufs.pairing, &mut bufs.raw);
    let mut quotes = std::mem::take(&mut bufs.quotes);
    quotes.clear();
    quotes.extend(bufs.raw.iter().map(|r| Quote {
        content: r.content,
        outer: Span::new(r.open.start, r.close.map_or(r.content.end, |c| c.end)),
        closed: r.close.is_some(),
        para: r.para,
        continues: r.continues,
        parent: None,
        kind: Kind::Direct,
        not_speech: None,
        label: None,
    }));
    quotes.extend(transcript::answers(text, paras).into_iter().map(|a| Quote {
        content: a.content,
        outer: a.content,
        closed: true,
        para: a.para,
        continues: false,
        parent: None,
        kind: Kind::Unmarked,
        not_speech: None,
        label: Some(a.label),
    }));
    // Outer before inner. (Unstable, as it needs no buffer: a quotation
    // opens at its own mark and an answer at its own paragraph, so no two
    // of one kind start together. A quotation and an answer do where the
    // answer is in marks it keeps, `OLA: ‹Yes.›`: the quotation comes
    // first, as it was pushed first.)
    quotes.sort_unstable_by_key(|q| {
        (
            q.outer.start,
            std::cmp::Reverse(q.outer.end),
            q.kind == Kind::Unmarked,
        )
    });
    debug_assert!(quotes.windows(2).all(|w| {
        (w[0].outer, w[0].kind == Kind::Unmarked) != (w[1].outer, w[1].kind == Kind::Unmarked)
    }));
    nest(&mut quotes, &mut bufs.open, &mut bufs.last_child_end);
    drop_deep(&mut quotes, &mut bufs.depth, &mut bufs.new_index);
    for i in 0..quotes.len() {
        if quotes[i].kind == Kind::Unmarked {
            continue;
        }
        let (before, after) = surroundings(text, paras, &quotes, i);
        let content = quotes[i].content.of(text);
        quotes[i].not_speech = not_speech::classify(content, before, after, quotes[i].closed);
        quotes[i].kind = kind::classify(content, before, after);
    }
    quotes
}

/// Parents by containment (input sorted by start, outer first). A
/// quotation that crosses another instead of nesting in it (a transcript
/// answer and a marked quotation running on past its paragraph) is dropped:
/// every later stage relies on proper nesting. In place: the quotations
/// kept are moved down over those dropped (`open` and `last_child_end` are
/// scratch).
fn nest(quotes: &mut Vec<Quote>, open: &mut Vec<usize>, last_child_end: &mut Vec<usize>) {
    open.clear();
    // End of the last child kept under each parent (index + 1; 0: top level).
    last_child_end.clear();
    last_child_end.push(0);
    let mut kept = 0;
    for i in 0..quotes.len() {
        let mut q = quotes[i];
        while let Some(&top) = open.last() {
            if quotes[top].content.contains(q.outer) {
                break;
            }
            open.pop();
        }
        let parent = open.last().copied();
        let slot = parent.map_or(0, |p| p + 1);
        if q.outer.start < last_child_end[slot] {
            continue;
        }
        last_child_end[slot] = q.outer.end;
        q.parent = parent;
        open.push(kept);
        quotes[kept] = q;
        kept += 1;
        last_child_end.push(0);
    }
    quotes.truncate(kept);
}

/// Deepest nesting kept: a quotation inside a quotation inside a quotation.
/// Real text stops there; deeper marks (`“a “b “c …`, ten thousand deep)
/// would only make records whose texts add up quadratically.
pub const MAX_DEPTH: usize = 2;

/// Quotations nested deeper than `MAX_DEPTH`, removed in place; parents
/// re-indexed (`depth` and `new_index` are scratch).
fn drop_deep(quotes: &mut Vec<Quote>, depth: &mut Vec<usize>, new_index: &mut Vec<Option<usize>>) {
    depth.clear();
    depth.resize(quotes.len(), 0);
    new_index.clear();
    new_index.resize(quotes.len(), None);
    let mut kept = 0;
    for i in 0..quotes.len() {
        let mut q = quotes[i];
        depth[i] = q.parent.map_or(0, |p| depth[p] + 1);
        if depth[i] > MAX_DEPTH {
            continue;
        }
        q.parent = q.parent.and_then(|p| new_index[p]);
        new_index[i] = Some(kept);
        quotes[kept] = q;
        kept += 1;
    }
    quotes.truncate(kept);
}

/// How much text around a quotation its classification reads.
const CONTEXT_BYTES: usize = 400;

/// The text before and after quotation `i`, within its parent quotation or
/// its paragraph(s), at most `CONTEXT_BYTES` each way.
fn surroundings<'t>(
    text: &'t str,
    paras: &[Paragraph],
    quotes: &[Quote],
    i: usize,
) -> (&'t str, &'t str) {
    let q = &quotes[i];
    let region = match q.parent {
        Some(p) => quotes[p].content,
        None => {
            let last = paras.partition_point(|p| p.span.start <= q.outer.end.saturating_sub(1));
            let end_para = last.saturating_sub(1).max(q.para);
            Span::new(paras[q.para].span.start, paras[end_para].span.end)
        }
    };
    let mut from = region
        .start
        .min(q.outer.start)
        .max(q.outer.start.saturating_sub(CONTEXT_BYTES));
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = region.end.max(q.outer.end).min(q.outer.end + CONTEXT_BYTES);
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    (&text[from..q.outer.start], &text[q.outer.end..to])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::paragraphs;

    #[test]
    fn an_answer_in_marks_it_keeps_is_its_quotation_in_the_same_order_as_ever() {
        // `‹` and `‚` are not marks a transcript answer sheds: each answer
        // has the very span of the quotation in it. The quotation came
        // first, so it is the outer one.
        let text = "Transcript.\n\nIVO MARR: ‹Was it so.›\n\nOLA PIM: ‚Good.‘\n";
        let quotes = find(text, &paragraphs(text));
        let seen: Vec<_> = quotes
            .iter()
            .map(|q| (q.content.of(text), q.kind, q.parent))
            .collect();
        assert_eq!(
            seen,
            [
                ("Was it so.", Kind::Direct, None),
                ("Good.", Kind::Direct, None)
            ]
        );
    }

    #[test]
    fn nesting_deeper_than_max_depth_is_text() {
        let text = "“a ‘b “c ‘d’ c” b’ a”";
        let quotes = find(text, &paragraphs(text));
        let texts: Vec<&str> = quotes.iter().map(|q| q.content.of(text)).collect();
        assert_eq!(texts, ["a ‘b “c ‘d’ c” b’ a", "b “c ‘d’ c” b", "c ‘d’ c"]);
        assert_eq!(quotes[2].parent, Some(1));
    }

    #[test]
    fn a_quotation_crossing_a_transcript_answer_is_dropped_not_sliced() {
        // Ola's answer ends with its paragraph; the marked quotation in it
        // runs on into the next line: the two cross.
        let text = "Ivo: Hi there.\n\nOla: He said \"Go\nNow\" and left.\n\nIvo: Fine.";
        let quotes = find(text, &paragraphs(text));
        for (i, a) in quotes.iter().enumerate() {
            for b in &quotes[i + 1..] {
                let disjoint = a.outer.end <= b.outer.start;
                assert!(
                    disjoint || a.content.contains(b.outer),
                    "{:?} and {:?} cross",
                    a.outer,
                    b.outer
                );
            }
        }
        let records = crate::extract(text).records("t");
        assert!(
            records
                .iter()
                .all(|r| text.get(r.start..r.end) == Some(r.text))
        );
    }

    #[test]
    fn buffers_reused_from_a_longer_document_find_what_fresh_ones_do() {
        // The first text leaves more of everything behind than the second
        // needs: quotations, nested ones, a transcript, open marks.
        let first =
            "Ivo: Hi.\n\nOla: “We ‘won’ it,” she said.\n\n“Open \"a “b ‘c’ b” a\" x\n\n“More.”";
        let second = "Pim said “yes” and ‘no’.\n\n“Done,” he said.";
        let mut bufs = Buffers::default();
        for text in [first, second, first] {
            let reused = find_reusing(text, &paragraphs(text), &mut bufs);
            assert_eq!(reused, find(text, &paragraphs(text)), "{text}");
            bufs.recycle(reused);
        }
    }

    #[test]
    fn ten_thousand_levels_make_three_records() {
        let text = "“x ".repeat(10_000) + &"”".repeat(10_000);
        assert_eq!(find(&text, &paragraphs(&text)).len(), MAX_DEPTH + 1);
    }
}
