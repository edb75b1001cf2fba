//! # hs-quotes
//!
//! Finds quoted speech in articles and says who said it, by rules that can
//! each be named and tested.
//!
//! ```
//! let text = "Ola Pim won on Sunday. “It was hard,” Pim tells Daily Lens.";
//! let records = hs_quotes::extract(text).records("article.txt");
//! assert_eq!(records[0].text, "It was hard,");
//! assert_eq!(records[0].speaker.as_ref().unwrap().name, "Ola Pim");
//! assert_eq!(records[0].rule, Some("trailing_cue"));
//! assert_eq!(records[0].addressee.as_deref(), Some("Daily Lens"));
//! assert_eq!(&text[records[0].start..records[0].end], "It was hard,");
//! ```
//!
//! ## The pipeline
//! 1. [`text::paragraphs`]: the text cut into paragraphs.
//! 2. [`quotes::find`]: quotation marks read from their context
//!    ([`quotes::marks`]), paired ([`quotes::pairing`]), transcript answers
//!    added ([`quotes::transcript`]); each quotation gets its kind
//!    ([`quotes::kind`]) or is set aside as nobody's speech
//!    ([`quotes::not_speech`]).
//! 3. [`text::tokens`]: the writer's text as tokens and sentences, each
//!    top-level quotation one token.
//! 4. [`people::People`]: names, their fullest forms, cast notes, subjects.
//! 5. [`sieves`]: attribution rules in order, each linking a quotation to a
//!    mention, one resolver mapping mentions to people.
//! 6. [`Extraction::records`]: the records of [`output`].
//!
//! Every offset is a byte offset into the text as given.

pub mod batch;
pub mod error;
pub mod input;
mod json;
pub mod lexicon;
pub mod output;
pub mod people;
pub mod quotes;
pub mod segments;
pub mod sieves;
pub mod span;
pub mod text;

#[cfg(test)]
mod testing;

use output::{Mention, Record, Speaker};
use people::People;
use quotes::Quote;
use sieves::Decision;
use text::Paragraph;
use text::tokens::{QuoteSpan, Tokens};

/// Everything the pipeline found in one text.
pub struct Extraction<'t> {
    pub text: &'t str,
    pub paragraphs: Vec<Paragraph>,
    pub quotes: Vec<Quote>,
    pub tokens: Tokens,
    pub people: People,
    /// By quotation index; `None` for quotations that are not speech or that
    /// no rule attributed.
    pub decisions: Vec<Option<Decision>>,
}

/// The records of one file's decoded text, with offsets into the file's
/// original bytes (see [`input::Repairs`]). A long text is read a segment at
/// a time ([`segments`]); to write records as they come rather than hold
/// them all, iterate [`segments::Segments`] instead.
pub fn file_records<'a>(decoded: &'a input::Decoded, file: &'a str) -> Vec<Record<'a>> {
    segments::Segments::new(decoded, file).flatten().collect()
}

/// Run the whole pipeline on one text.
pub fn extract(text: &str) -> Extraction<'_> {
    extract_reusing(text, &mut Spare::default())
}

/// Buffers one extraction leaves to the next (see [`Extraction::recycle`]):
/// the token vector is the largest allocation of the pipeline, a dozen
/// bytes per byte of text, and allocating and freeing it for every article
/// cost malloc more than all the rest. Each buffer is emptied before it is
/// used again: nothing of one text reaches the next.
#[derive(Default)]
pub struct Spare {
    paragraphs: Vec<Paragraph>,
    quotes: quotes::Buffers,
    tokens: Tokens,
    top: Vec<QuoteSpan>,
    people: people::Buffers,
    sieves: sieves::Buffers,
    /// A records vector given back by whoever wrote its records (see
    /// [`Spare::keep_records`]), and a vector of record numbers.
    records: Vec<Record<'static>>,
    index_of: Vec<Option<usize>>,
    local_start: Vec<usize>,
}

/// The most records whose vector is kept: an article has a few dozen.
const SPARE_RECORDS: usize = 1024;

impl Spare {
    /// Keep the vector of records written out, for the next text's
    /// records: an article's vector is the largest allocation left in a
    /// run, and each one made the allocator gather every small block freed
    /// since. The records themselves are dropped.
    pub fn keep_records(&mut self, mut records: Vec<Record<'_>>) {
        if records.capacity() > SPARE_RECORDS {
            return;
        }
        records.clear();
        // An empty vector of records borrows nothing: collected in place,
        // it is the same vector under the longest lifetime.
        self.records = records
            .into_iter()
            .map(|_| unreachable!("the vector was emptied"))
            .collect();
    }

    /// Two empty vectors to number a segment's records in (see
    /// [`segments`]).
    fn take_numbering(&mut self) -> (Vec<Option<usize>>, Vec<usize>) {
        let mut numbers = (
            std::mem::take(&mut self.index_of),
            std::mem::take(&mut self.local_start),
        );
        numbers.0.clear();
        numbers.1.clear();
        numbers
    }

    /// Keep the vectors of [`Spare::take_numbering`], if an article's.
    fn keep_numbering(&mut self, index_of: Vec<Option<usize>>, local_start: Vec<usize>) {
        if index_of.capacity() <= SPARE_RECORDS && local_start.capacity() <= SPARE_RECORDS {
            self.index_of = index_of;
            self.local_start = local_start;
        }
    }

    /// An empty vector for records that borrow for `'a`.
    fn take_records<'a>(&mut self) -> Vec<Record<'a>> {
        std::mem::take(&mut self.records)
    }
}

/// The longest text whose buffers are kept for the next: a long article
/// (news runs 3 to 10 KB), about 1 MB of buffers. A segment of a long dump
/// needs megabytes of them; kept, they were held while the segment's
/// records were printed, and a run on two cores peaked 8 MB higher than
/// on one.
const SPARE_TEXT: usize = 64 << 10;

/// As [`extract`], with the buffers `spare` holds.
pub fn extract_reusing<'t>(text: &'t str, spare: &mut Spare) -> Extraction<'t> {
    let paragraphs = text::paragraphs_into(text, std::mem::take(&mut spare.paragraphs));
    let quotes = quotes::find_reusing(text, &paragraphs, &mut spare.quotes);
    let mut top = std::mem::take(&mut spare.top);
    top.clear();
    top.extend(
        quotes
            .iter()
            .enumerate()
            .filter(|(_, q)| q.is_top_level())
            .map(|(id, q)| QuoteSpan {
                id,
                outer: q.outer,
                ends_sentence: quotes::not_speech::ends_sentence(q.content.of(text)),
            }),
    );
    let tokens = text::tokens::tokenize_into(
        text,
        &paragraphs,
        &top,
        quotes.len(),
        std::mem::take(&mut spare.tokens),
    );
    spare.top = top;
    let mut people = People::build_reusing(text, &tokens.toks, std::mem::take(&mut spare.people));
    let decisions = sieves::attribute_reusing(
        text,
        &paragraphs,
        &quotes,
        &tokens.toks,
        &tokens.quote_tok,
        &mut people,
        &mut spare.sieves,
    );
    Extraction {
        text,
        paragraphs,
        quotes,
        tokens,
        people,
        decisions,
    }
}

impl<'t> Extraction<'t> {
    /// Leave this extraction's buffers to the next one (see [`Spare`]),
    /// if its text was no longer than `SPARE_TEXT` bytes.
    pub fn recycle(self, spare: &mut Spare) {
        if self.text.len() > SPARE_TEXT {
            // (The quotation and attribution stages work in their
            // buffers in place.)
            spare.quotes = quotes::Buffers::default();
            spare.sieves = sieves::Buffers::default();
            return;
        }
        spare.paragraphs = self.paragraphs;
        spare.quotes.recycle(self.quotes);
        spare.tokens = self.tokens;
        spare.people = self.people.recycle();
        spare.sieves.decided = self.decisions;
    }

    /// Entity `e`'s name: borrowed from the text where it is written there
    /// as shown, which is most names, else a copy.
    fn name_of(&self, e: usize) -> std::borrow::Cow<'t, str> {
        let entity = &self.people.entities[e];
        match entity.written {
            Some(at) => at.of(self.text).into(),
            None => entity.name.clone().into(),
        }
    }

    /// One record per quotation that is speech, in document order. They
    /// borrow from the text, not from the extraction, so they outlive it.
    pub fn records<'a>(&self, file: &'a str) -> Vec<Record<'a>>
    where
        't: 'a,
    {
        self.records_reusing(file, &mut Spare::default())
    }

    /// As [`Extraction::records`], in a vector `spare` holds.
    pub fn records_reusing<'a>(&self, file: &'a str, spare: &mut Spare) -> Vec<Record<'a>>
    where
        't: 'a,
    {
        // At most one record per quotation.
        let mut out = spare.take_records();
        out.reserve(self.quotes.len());
        let index_of = &mut spare.index_of;
        index_of.clear();
        index_of.resize(self.quotes.len(), None);
        for (qi, q) in self.quotes.iter().enumerate() {
            if q.not_speech.is_some() {
                continue;
            }
            index_of[qi] = Some(out.len());
            let d = self.decisions[qi].as_ref();
            let speaker = d.and_then(|d| d.speaker).map(|e| {
                let entity = &self.people.entities[e];
                Speaker {
                    name: self.name_of(e),
                    kind: entity.ty,
                    actor: entity.actor.map(|a| self.name_of(a)),
                }
            });
            let mention = d.and_then(|d| d.mention).map(|m| Mention {
                text: m.of(self.text),
                start: m.start,
                end: m.end,
            });
            out.push(Record {
                file,
                id: None,
                index: out.len(),
                text: q.content.of(self.text),
                kind: q.kind,
                speaker,
                rule: d.map(|d| d.rule),
                cue: d.and_then(|d| d.cue).map(|c| c.of(self.text)),
                addressee: d.and_then(|d| d.addressee).map(|a| a.of(self.text)),
                mention,
                start: q.content.start,
                end: q.content.end,
                paragraph: q.para,
                nested_in: q.parent.and_then(|p| index_of[p]),
                repaired: false,
            });
        }
        // A long text's numbers are not kept for the next.
        if index_of.capacity() > SPARE_RECORDS {
            *index_of = Vec::new();
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    #[test]
    fn numbers_of_more_records_than_an_article_has_are_not_kept() {
        let mut spare = super::Spare::default();
        let short = "“Yes,” Ola said.";
        super::extract(short).records_reusing("t", &mut spare);
        assert!(spare.index_of.capacity() > 0, "an article's are kept");
        let long = "“Yes,” Ola said. ".repeat(super::SPARE_RECORDS + 1);
        let records = super::extract(&long).records_reusing("t", &mut spare);
        assert_eq!(records.len(), super::SPARE_RECORDS + 1);
        assert_eq!(spare.index_of.capacity(), 0);
    }

    #[test]
    fn a_name_written_as_shown_is_borrowed_and_a_made_one_copied() {
        let text = "“It was hard,” said Ola Pim.\n\n\
                    IVO MARR: Was it?\n\nOLA PIM: Yes, it was.\n\nIVO MARR: Good to hear it.";
        let records = crate::extract(text).records("t");
        let names: Vec<(&str, bool)> = records
            .iter()
            .map(|r| {
                let name = &r.speaker.as_ref().expect("a speaker").name;
                (name.as_ref(), matches!(name, Cow::Borrowed(_)))
            })
            .collect();
        // `Ola Pim` is in the text; `Ivo Marr` is made from `IVO MARR`.
        assert_eq!(
            names,
            [("Ola Pim", true), ("Ola Pim", true), ("Ivo Marr", false)]
        );
    }
}
