//! Long documents in bounded pieces, so memory does not grow with them.
//!
//! The pipeline holds tokens, names and mentions for the whole text it is
//! given: about a dozen bytes per byte of text. An article is a few
//! kilobytes and is read whole, as ever. A document longer than one
//! segment (a 300 MB dump of a site) is read a segment at a time, each with
//! some text before it (for names and speakers introduced earlier) and after
//! it (for quotations that close or re-open there) as context. Each
//! quotation is reported by the one segment it opens in, so nothing is
//! reported twice or lost, and records keep document order, file offsets,
//! paragraph numbers and the quotation they are nested in.
//!
//! The price, only past one segment: a name or a quotation further back
//! than the context is not seen (the article before it in a dump, rarely
//! the same one).
//!
//! Segments end where paragraphs do when they can: at a blank line, else a
//! line break, else a space after a sentence's end, else any space, else
//! anywhere on a character boundary. Each cut is searched for in a window of
//! bounded length, so the cost stays linear.

use crate::Spare;
use crate::input::Decoded;
use crate::output::Record;

/// How long segments and their context are, in bytes.
#[derive(Clone, Copy, Debug)]
pub struct Sizes {
    /// Text each segment reports on (it ends at the next cut after this).
    pub segment: usize,
    /// Context read before a segment.
    pub before: usize,
    /// Context read after a segment.
    pub after: usize,
}

impl Default for Sizes {
    /// A megabyte: a hundred long articles, so no real article is ever
    /// split. The working set is about 15 MB on articles; text that is
    /// nothing but short quotations holds a record per few bytes, and some
    /// hundreds of MB.
    fn default() -> Self {
        Sizes {
            segment: 1 << 20,
            before: 64 << 10,
            after: 64 << 10,
        }
    }
}

/// The records of one document, a segment at a time (see the module doc).
pub struct Segments<'a> {
    decoded: &'a Decoded,
    file: &'a str,
    sizes: Sizes,
    /// Where the next segment's own text starts.
    next: usize,
    /// Paragraphs that start before `next`.
    paragraphs_before: usize,
    /// Records already given.
    records_before: usize,
    /// Records already given that reach past their segment: the outer
    /// quotations a later segment's records may be nested in.
    open: Vec<Reported>,
    /// Buffers each segment's extraction leaves to the next.
    spare: Spare,
}

/// Where a record already given lies, in the decoded text.
struct Reported {
    start: usize,
    end: usize,
    index: usize,
}

impl<'a> Segments<'a> {
    pub fn new(decoded: &'a Decoded, file: &'a str) -> Self {
        Self::with_sizes(decoded, file, Sizes::default())
    }

    pub fn with_sizes(decoded: &'a Decoded, file: &'a str, sizes: Sizes) -> Self {
        let sizes = Sizes {
            segment: sizes.segment.max(1),
            ..sizes
        };
        Segments {
            decoded,
            file,
            sizes,
            next: 0,
            paragraphs_before: 0,
            records_before: 0,
            open: Vec::new(),
            spare: Spare::default(),
        }
    }

    /// Extract with the buffers `spare` holds (from an earlier document);
    /// [`Segments::into_spare`] gives them back.
    pub fn reusing(self, spare: Spare) -> Self {
        Segments { spare, ..self }
    }

    /// The buffers, for the next document.
    pub fn into_spare(self) -> Spare {
        self.spare
    }

    /// Keep a vector of records written out (see [`Spare::keep_records`]).
    pub fn keep_records(&mut self, records: Vec<Record<'_>>) {
        self.spare.keep_records(records);
    }
}

impl Segments<'_> {
    /// Whether every segment has been given: the one given last was the last.
    pub fn is_done(&self) -> bool {
        self.next >= self.decoded.text.len()
    }
}

impl<'a> Iterator for Segments<'a> {
    /// The records of one segment, in document order, offsets into the file.
    type Item = Vec<Record<'a>>;

    fn next(&mut self) -> Option<Vec<Record<'a>>> {
        let text: &'a str = self.decoded.text.as_str();
        if self.next >= text.len() {
            return None;
        }
        let start = self.next;
        let end = cut_after(
            text,
            start.saturating_add(self.sizes.segment),
            self.sizes.segment,
        );
        let context_start = match start.checked_sub(self.sizes.before) {
            Some(from) if from > 0 => cut_after(text, from, self.sizes.before).min(start),
            _ => 0,
        };
        // At least one character before: were the window to open exactly
        // at `start`, a paragraph cut there mid-line would look like a new
        // one and every later paragraph number would be one too high.
        let context_start = if context_start == start && start > 0 {
            floor_boundary(text, start - 1)
        } else {
            context_start
        };
        let context_end = cut_after(text, end.saturating_add(self.sizes.after), self.sizes.after);
        self.next = end;

        let window = &text[context_start..context_end];
        let ex = crate::extract_reusing(window, &mut self.spare);
        let own = (start - context_start)..(end - context_start);
        let before = ex.paragraphs.partition_point(|p| p.span.start < own.start);
        let within = ex.paragraphs[before..].partition_point(|p| p.span.start < own.end);

        // The window's records, kept in place: those of this segment are
        // moved to the file's offsets and numbering, the others dropped.
        let mut records = ex.records_reusing(self.file, &mut self.spare);
        // Each record is reported by the segment it starts in. Its outer
        // quotation may have started in an earlier segment: it is found
        // among the records reported there that reach into this window.
        self.open.retain(|o| o.end > context_start);
        let (mut new_index, mut local_start) = self.spare.take_numbering();
        new_index.resize(records.len(), None);
        let mut kept = 0;
        records.retain_mut(|r| {
            let i = local_start.len();
            local_start.push(r.start);
            if !own.contains(&r.start) {
                return false;
            }
            r.start += context_start;
            r.end += context_start;
            r.nested_in = r.nested_in.and_then(|p| {
                new_index[p].or_else(|| {
                    let start = local_start[p] + context_start;
                    self.open
                        .iter()
                        .find(|o| o.start == start && o.start <= r.start && r.end <= o.end)
                        .map(|o| o.index)
                })
            });
            let index = self.records_before + kept;
            kept += 1;
            new_index[i] = Some(index);
            r.index = index;
            r.paragraph = (self.paragraphs_before + r.paragraph).saturating_sub(before);
            if let Some(m) = &mut r.mention {
                m.start += context_start;
                m.end += context_start;
            }
            if r.end > end {
                self.open.push(Reported {
                    start: r.start,
                    end: r.end,
                    index,
                });
            }
            r.map_to_file(&self.decoded.repairs);
            true
        });
        self.paragraphs_before += within;
        self.records_before += records.len();
        self.spare.keep_numbering(new_index, local_start);
        ex.recycle(&mut self.spare);
        Some(records)
    }
}

/// The first cut after `at`, searched for over at most `window` bytes (see
/// the module doc for the order of preference); the end of the text if it
/// comes first. Always past `at`'s character, so segments move on.
fn cut_after(text: &str, at: usize, window: usize) -> usize {
    if at >= text.len() {
        return text.len();
    }
    let from = floor_boundary(text, at);
    let to = floor_boundary(text, from.saturating_add(window.max(1)).min(text.len()));
    let hay = &text[from..to];
    let found = blank_line(hay)
        .or_else(|| {
            hay.char_indices()
                .find(|&(_, c)| matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}'))
                .map(|(i, c)| after_break(hay, i, c))
        })
        .or_else(|| hay.find(". ").map(|i| i + 2))
        .or_else(|| hay.find(char::is_whitespace).map(|i| i + 1))
        .map(|i| ceil_boundary(text, from + i));
    found.unwrap_or(if to > from {
        to
    } else {
        ceil_boundary(text, from + 1)
    })
}

/// Just past the first blank line in `hay` (two line breaks with only
/// spaces between), or a paragraph separator.
fn blank_line(hay: &str) -> Option<usize> {
    let mut last_break: Option<usize> = None;
    for (i, c) in hay.char_indices() {
        match c {
            '\u{2029}' => return Some(i + c.len_utf8()),
            '\n' | '\r' | '\u{2028}' => {
                // `\r\n` is one break.
                let crlf = c == '\n' && i > 0 && hay.as_bytes()[i - 1] == b'\r';
                if last_break.is_some() && !crlf {
                    return Some(after_break(hay, i, c));
                }
                last_break = Some(i);
            }
            c if c.is_whitespace() => {}
            _ => last_break = None,
        }
    }
    None
}

/// Just past the line break `c` at `i`, a `\r\n` taken whole.
fn after_break(hay: &str, i: usize, c: char) -> usize {
    let lf = c == '\r' && hay.as_bytes().get(i + 1) == Some(&b'\n');
    i + c.len_utf8() + usize::from(lf)
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn ceil_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::decode;

    fn decoded(text: &str) -> Decoded {
        decode(text.as_bytes().to_vec(), false).unwrap()
    }

    /// Small self-contained invented articles, each naming its own speaker.
    fn dump(n: usize) -> String {
        const PEOPLE: [(&str, &str, &str); 4] = [
            ("Tova", "Brennick", "she"),
            ("Ansel", "Virk", "he"),
            ("Jorund", "Maelis", "he"),
            ("Ilse", "Okafor", "she"),
        ];
        (0..n)
            .map(|i| {
                let (first, last, pronoun) = PEOPLE[i % PEOPLE.len()];
                format!(
                    "{first} {last} runs shop number {i}.\n\n\
                     “We open at nine,” {last} says. “It is busy.”\n\n\
                     Later {pronoun} added: “We close at six.”\n\n"
                )
            })
            .collect()
    }

    #[test]
    fn a_text_within_one_segment_is_read_whole() {
        let text = dump(3);
        let d = decoded(&text);
        let segments: Vec<Vec<Record>> = Segments::new(&d, "f").collect();
        assert_eq!(segments.len(), 1);
        assert_eq!(segments[0], crate::extract(&text).records("f"));
    }

    #[test]
    fn segments_give_the_records_of_the_whole_text() {
        // Articles of about 150 bytes, segments of 400 with 300 bytes of
        // context: every article is seen whole by the segment that reports
        // on it, so the answers are those of reading the text whole.
        let text = dump(40);
        let d = decoded(&text);
        let sizes = Sizes {
            segment: 400,
            before: 300,
            after: 300,
        };
        let segments: Vec<Vec<Record>> = Segments::with_sizes(&d, "f", sizes).collect();
        assert!(segments.len() > 10, "{} segments", segments.len());
        let whole = crate::extract(&text).records("f");
        assert_eq!(whole.len(), 40 * 3);
        assert_eq!(segments.concat(), whole);
    }

    #[test]
    fn nested_quotations_are_reported_with_their_outer_one() {
        let article =
            "Ansel Virk spoke.\n\n“He told me, ‘Paint it blue,’ and left,” Virk says.\n\n";
        let text = article.repeat(20);
        let d = decoded(&text);
        let whole = crate::extract(&text).records("f");
        assert_eq!(whole[1].nested_in, Some(0));
        assert_eq!(whole[39].nested_in, Some(38));
        // From a segment per character (an outer and its inner quotation
        // always in different segments) to several articles per segment.
        for segment in [1, 10, 50, 200] {
            let sizes = Sizes {
                segment,
                before: 40,
                after: 40,
            };
            let records: Vec<Record> = Segments::with_sizes(&d, "f", sizes).flatten().collect();
            assert_eq!(records, whole, "segments of {segment}");
        }
    }

    #[test]
    fn a_long_line_is_cut_at_a_sentence_end() {
        let sentence = "Ansel Virk paints. “Paint dries slowly,” Virk says. ";
        let text = sentence.repeat(50);
        let d = decoded(&text);
        let sizes = Sizes {
            segment: 100,
            before: 60,
            after: 60,
        };
        let records: Vec<Record> = Segments::with_sizes(&d, "f", sizes).flatten().collect();
        assert_eq!(records.len(), 50);
        for (i, r) in records.iter().enumerate() {
            assert_eq!(r.index, i);
            assert_eq!(r.paragraph, 0);
            assert_eq!(&text[r.start..r.end], "Paint dries slowly,");
            assert_eq!(r.speaker.as_ref().unwrap().name, "Ansel Virk");
        }
    }

    #[test]
    fn a_long_run_without_spaces_does_not_shift_paragraph_numbers() {
        // No cut in the context before a segment: the window still opens
        // before it, so the line it cuts is not counted twice.
        let text = format!(
            "Ola Pim won on Sunday.\n\ndata:{}\n\n“It was hard,” Pim says.\n",
            "A".repeat(500)
        );
        let d = decoded(&text);
        let sizes = Sizes {
            segment: 100,
            before: 50,
            after: 50,
        };
        let records: Vec<Record> = Segments::with_sizes(&d, "f", sizes).flatten().collect();
        // (Not the whole record: the speaker's full name is further back
        // than this small context.)
        assert_eq!(records.len(), 1);
        assert_eq!(records[0].text, "It was hard,");
        assert_eq!(records[0].paragraph, 2);
    }

    #[test]
    fn buffers_left_by_one_document_do_not_reach_the_next() {
        // A long text leaves long buffers (or, past an article's size,
        // none); the short text after it, with other people and fewer
        // quotations, must read as if alone.
        for n in [12, 700] {
            let long = decoded(&dump(n));
            assert_eq!(
                long.text.len() > 64 << 10,
                n == 700,
                "the text size this case is for"
            );
            let short_text = "Mara Quill fixes clocks.\n\n“Springs wear out,” Quill says.\n";
            let short = decoded(short_text);
            let mut segments = Segments::new(&long, "long");
            let long_records: Vec<Record> = segments.by_ref().flatten().collect();
            assert_eq!(long_records.len(), 3 * n);
            let reused: Vec<Record> = Segments::new(&short, "short")
                .reusing(segments.into_spare())
                .flatten()
                .collect();
            assert_eq!(reused, crate::extract(short_text).records("short"));
            assert_eq!(reused.len(), 1);
            assert_eq!(reused[0].speaker.as_ref().unwrap().name, "Mara Quill");
        }
    }

    #[test]
    fn a_records_vector_given_back_holds_the_next_documents_records() {
        let first = decoded("“One,” Ola Pim says.\n\n“Two,” Ivo Marr says.\n");
        let second_text = "Mara Quill fixes clocks.\n\n“Springs wear out,” Quill says.\n";
        let second = decoded(second_text);
        let mut segments = Segments::new(&first, "first");
        let records = segments.next().expect("one segment");
        assert_eq!(records.len(), 2);
        let room = records.as_ptr().addr();
        segments.keep_records(records);
        let mut again = Segments::new(&second, "second").reusing(segments.into_spare());
        let records = again.next().expect("one segment");
        assert_eq!(records, crate::extract(second_text).records("second"));
        assert_eq!(
            records.as_ptr().addr(),
            room,
            "the vector given back is used"
        );
    }

    #[test]
    fn a_records_vector_past_an_articles_size_is_not_kept() {
        let mut spare = Spare::default();
        spare.keep_records(Vec::with_capacity(crate::SPARE_RECORDS + 1));
        assert_eq!(spare.records.capacity(), 0);
        spare.keep_records(Vec::with_capacity(crate::SPARE_RECORDS));
        assert_eq!(spare.records.capacity(), crate::SPARE_RECORDS);
    }

    #[test]
    fn cuts_prefer_paragraphs_then_lines_then_sentences() {
        assert_eq!(cut_after("ab. cd\nef\n\ngh", 0, 100), 11);
        assert_eq!(cut_after("ab. cd\r\n\r\ngh", 0, 100), 10);
        assert_eq!(cut_after("ab. cd\r\nef. gh", 0, 100), 8);
        assert_eq!(cut_after("ab cd. ef", 0, 100), 7);
        assert_eq!(cut_after("abc def", 0, 100), 4);
        // The window bounds the search; a cut never splits a character.
        assert_eq!(cut_after("ab\n\ncd", 0, 2), 2);
        assert_eq!(cut_after("““““", 1, 2), 3);
        assert_eq!(cut_after("abc", 5, 2), 3);
    }
}
