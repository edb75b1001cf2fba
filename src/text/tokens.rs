//! Tokens and sentences of the writer's own text.
//!
//! In: the document, its paragraphs and the spans of its top-level
//! quotations. Out: one token stream for the whole document, in which each
//! top-level quotation is a single `Quote` token, every token knows its
//! paragraph and sentence. Cue rules read the words around a `Quote` token;
//! they never see inside it, so a sentence break inside a quotation is no
//! sentence break of the writer's.
//!
//! A sentence ends at `.`, `!`, `?` or `…` (not after an abbreviation or an
//! initial) before a capital, a digit, a bracket or a quotation; after a
//! quotation whose own text ends so and is followed the same way; and at a
//! paragraph's end.

use crate::lexicon;
use crate::span::Span;
use crate::text::Paragraph;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Punct,
    /// A top-level quotation, marks included; the index is the quotation's.
    Quote(usize),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tok {
    pub span: Span,
    pub kind: TokKind,
    pub para: usize,
    pub sent: usize,
}

impl Tok {
    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }
    pub fn quote(&self) -> Option<usize> {
        match self.kind {
            TokKind::Quote(q) => Some(q),
            _ => None,
        }
    }
}

#[derive(Debug, Default)]
pub struct Tokens {
    pub toks: Vec<Tok>,
    /// For each top-level quotation, the index of its token.
    pub quote_tok: Vec<Option<usize>>,
}

/// A top-level quotation as the tokenizer needs it.
#[derive(Clone, Copy, Debug)]
pub struct QuoteSpan {
    pub id: usize,
    /// Marks included.
    pub outer: Span,
    /// Whether its own text ends a sentence (`.`, `?`, `!`, `…`).
    pub ends_sentence: bool,
}

/// Whether `word` (without its stop) is an abbreviation or an initial.
pub fn is_abbreviation(word: &str) -> bool {
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_uppercase();
    }
    lexicon::is_abbreviation(word)
}

/// Tokenize the document; `quotes` are the top-level quotations in order.
pub fn tokenize(text: &str, paras: &[Paragraph], quotes: &[QuoteSpan], n_quotes: usize) -> Tokens {
    tokenize_into(text, paras, quotes, n_quotes, Tokens::default())
}

/// As [`tokenize`], into the vectors of `reuse` (emptied first): a run
/// over many documents hands each one's tokens to the next instead of
/// freeing and allocating the largest vector of the pipeline every time.
pub fn tokenize_into(
    text: &str,
    paras: &[Paragraph],
    quotes: &[QuoteSpan],
    n_quotes: usize,
    reuse: Tokens,
) -> Tokens {
    // News text has a token per 4.5 to 8 bytes: reserved at one per 4, the
    // vector is never copied on the way up (a third of the articles passed
    // one per 6, and a copy is a pass over every token so far), and holds
    // no more than doubling would leave it with. Reserved for the text the
    // paragraphs cover, not the whole document: a caller may tokenize one
    // region of it.
    let extent = paras.first().zip(paras.last()).map_or(0, |(first, last)| {
        last.span.end.saturating_sub(first.span.start)
    });
    let Tokens {
        mut toks,
        mut quote_tok,
    } = reuse;
    toks.clear();
    if toks.capacity() < extent / 4 {
        // Not `reserve`: that would copy the old buffer over (its length
        // is zero, but realloc does not know) and round up to double.
        toks = Vec::with_capacity(extent / 4);
    }
    quote_tok.clear();
    quote_tok.resize(n_quotes, None);
    let mut stream = Stream {
        text,
        quotes,
        toks,
        may_end: false,
        sent: 0,
    };
    let mut qi = 0;
    let mut cursor = 0;
    for (pi, para) in paras.iter().enumerate() {
        let start = para.span.start.max(cursor);
        if start >= para.span.end {
            continue; // inside a quotation that runs over lines
        }
        stream.may_end = false;
        let mut i = start;
        while i < para.span.end {
            // Quotations are properly nested, so none starts inside a token
            // already read; should one ever, it is passed over, not sliced.
            while quotes.get(qi).is_some_and(|q| q.outer.start < i) {
                qi += 1;
            }
            match quotes.get(qi) {
                Some(q) if q.outer.start == i => {
                    quote_tok[q.id] = Some(stream.toks.len());
                    stream.push(q.outer, TokKind::Quote(q.id), pi);
                    i = q.outer.end;
                    qi += 1;
                }
                // The writer's own text up to the next quotation, or the
                // paragraph's end.
                q => {
                    let stop = q.map_or(para.span.end, |q| q.outer.start.min(para.span.end));
                    i = plain_tokens(Span::new(i, stop), pi, &mut stream);
                }
            }
        }
        cursor = i;
        stream.sent += 1;
    }
    Tokens {
        toks: stream.toks,
        quote_tok,
    }
}

/// The tokens so far, and the sentence the next one is in.
struct Stream<'a> {
    text: &'a str,
    quotes: &'a [QuoteSpan],
    toks: Vec<Tok>,
    /// Whether the last token is of the paragraph being read and may end
    /// a sentence: a quotation, or punctuation that starts like `.`, `!`,
    /// `?` or `…`. Kept here, not read back from the token; and a comma
    /// or a word, most tokens, is not sent to [`ends_sentence`] at all.
    may_end: bool,
    sent: usize,
}

impl Stream<'_> {
    /// Push a token of the paragraph being read. Whether the token before
    /// it ends a sentence depends on this one, so it is asked now: one
    /// pass, where a second over every token cost a tenth of tokenizing.
    /// Inlined by force: called, it took twice the instructions of the
    /// second pass it replaces, the token going through memory.
    #[inline(always)]
    fn push(&mut self, span: Span, kind: TokKind, para: usize) {
        // A word ends no sentence: asked here, not in a call.
        if self.may_end && ends_sentence(self.text, &self.toks, (span, kind), self.quotes) {
            self.sent += 1;
        }
        self.may_end = match kind {
            TokKind::Word => false,
            // `…` is E2 80 A6: the lead byte is enough to pass it on.
            TokKind::Punct => matches!(self.text.as_bytes()[span.start], b'.' | b'!' | b'?' | 0xE2),
            TokKind::Quote(_) => true,
        };
        self.toks.push(Tok {
            span,
            kind,
            para,
            sent: self.sent,
        });
    }
}

/// Push the words and punctuation of `span`, text with no quotation in it,
/// as tokens of paragraph `para`; returns the span's end.
fn plain_tokens(span: Span, para: usize, stream: &mut Stream) -> usize {
    let text = stream.text;
    // Cut at the span's end: indexing checks only the bound the loop
    // checks anyway.
    let bytes = &text.as_bytes()[..span.end];
    let mut i = span.start;
    while i < span.end {
        // One table load sorts an ASCII byte; only a non-ASCII char is
        // decoded and asked the Unicode questions.
        let class = CLASS[usize::from(bytes[i])];
        // Words first: four tokens in five are.
        let (end, kind) = match class {
            Class::Alnum => (word_end(text, i + 1, span.end), TokKind::Word),
            Class::Space => {
                i += 1;
                continue;
            }
            Class::Joiner | Class::Other => (i + 1, TokKind::Punct),
            Class::Wide => {
                let c = char_at(text, i);
                let len = c.len_utf8();
                if c.is_whitespace() {
                    i += len;
                    continue;
                }
                if c.is_alphanumeric() {
                    (word_end(text, i + len, span.end), TokKind::Word)
                } else {
                    (i + len, TokKind::Punct)
                }
            }
        };
        stream.push(Span::new(i, end), kind, para);
        // Most words are followed by one space: passed over here, not by
        // another round of the loop.
        i = end + usize::from(bytes.get(end) == Some(&b' '));
    }
    span.end
}

/// The end of the word whose first char ends at `i`, before `limit`:
/// letters and digits, joined by apostrophes, hyphens and dots that have a
/// letter or digit after them (don’t, Connor’s, 31-year-old, U.S).
fn word_end(text: &str, i: usize, limit: usize) -> usize {
    let bytes = &text.as_bytes()[..limit];
    let mut j = i;
    while j < limit {
        // Runs of ASCII letters and digits are most of any word: a byte
        // test each, no decoding. (Eight bytes at a time, by arithmetic on
        // a word, took more: a word is five bytes, and the constants were
        // loaded anew for each.)
        j = alnum_run(bytes, j);
        if j == limit {
            break;
        }
        // Most words end at an ASCII space or stop, which can neither
        // continue nor join a word: nothing to decode.
        let class = CLASS[usize::from(bytes[j])];
        if class >= Class::Space {
            break;
        }
        let (c, after) = if class == Class::Wide {
            let c = char_at(text, j);
            (c, j + c.len_utf8())
        } else {
            (char::from(bytes[j]), j + 1)
        };
        // Joiners first: no joiner is a letter, and `’` (Connor’s), the
        // commonest non-ASCII char inside a word, then skips the Unicode
        // tables `is_alphanumeric` searches.
        let joiner = matches!(c, '\'' | '’' | '‘' | '-' | '‐' | '.' | '&');
        let goes_on = if joiner {
            after < limit && is_alphanumeric_at(text, after)
        } else {
            c.is_alphanumeric()
        };
        if !goes_on {
            break;
        }
        j = after;
    }
    j
}

/// The end of the run of ASCII letters and digits from `j`.
fn alnum_run(bytes: &[u8], mut j: usize) -> usize {
    let alnum = |b: &u8| CLASS[usize::from(*b)] == Class::Alnum;
    // Four bytes a round while four are left: one test of the length for
    // four bytes, not one each.
    while let Some(four) = bytes[j..].first_chunk::<4>() {
        let n = four.iter().take_while(|b| alnum(b)).count();
        j += n;
        if n < 4 {
            return j;
        }
    }
    j + bytes[j..].iter().take_while(|b| alnum(b)).count()
}

/// Whether the char at byte `i` (a char boundary below the end) is a letter
/// or digit.
fn is_alphanumeric_at(text: &str, i: usize) -> bool {
    match CLASS[usize::from(text.as_bytes()[i])] {
        Class::Alnum => true,
        Class::Wide => char_at(text, i).is_alphanumeric(),
        Class::Space | Class::Joiner | Class::Other => false,
    }
}

/// What a byte says about the char it begins, as far as tokens care.
/// The two that end a word come last: `class >= Class::Space` asks that
/// in one compare.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Class {
    /// An ASCII letter or digit.
    Alnum,
    /// `'` `-` `.` `&`: punctuation that joins two parts of a word.
    Joiner,
    /// A byte of a non-ASCII char: decode to know.
    Wide,
    /// ASCII whitespace, as `char::is_whitespace` has it.
    Space,
    /// Any other ASCII char: punctuation or a control char.
    Other,
}

/// The class of each byte: one load per byte where the char tests would
/// take a decode and a few compares.
static CLASS: [Class; 256] = {
    let mut table = [Class::Wide; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if c.is_ascii_alphanumeric() {
            Class::Alnum
        } else if matches!(c, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r') {
            Class::Space
        } else if matches!(c, b'\'' | b'-' | b'.' | b'&') {
            Class::Joiner
        } else {
            Class::Other
        };
        b += 1;
    }
    table
};

/// The character at byte `i`, a char boundary below the end; an ASCII byte
/// is its own character, so most calls decode nothing.
fn char_at(text: &str, i: usize) -> char {
    let b = text.as_bytes()[i];
    if b.is_ascii() {
        return char::from(b);
    }
    text[i..]
        .chars()
        .next()
        .expect("i is a char boundary below the end")
}

/// Whether the last of `toks` ends a sentence, a token of the same
/// paragraph (`next`, its span and kind) coming after it. Out of line:
/// few tokens get this far, and inlined, it left the tokenizer's loop
/// short of registers.
#[inline(never)]
fn ends_sentence(text: &str, toks: &[Tok], next: (Span, TokKind), quotes: &[QuoteSpan]) -> bool {
    let (next_span, next_kind) = next;
    let t = toks.len() - 1;
    let tok = &toks[t];
    let bytes = text.as_bytes();
    // Most tokens are words, and a word ends no sentence: asked first.
    let ends = match tok.kind {
        TokKind::Word => return false,
        TokKind::Punct => match &bytes[tok.span.start..tok.span.end] {
            b"!" | b"?" => true,
            b"." => {
                !(t > 0
                    && toks[t - 1].is_word()
                    && toks[t - 1].span.end == tok.span.start
                    && is_abbreviation(toks[t - 1].span.of(text)))
            }
            p => p == "…".as_bytes(),
        },
        // Ids rise with position: a binary search, not a scan per token.
        TokKind::Quote(q) => quotes
            .binary_search_by_key(&q, |s| s.id)
            .is_ok_and(|i| quotes[i].ends_sentence),
    };
    if !ends {
        return false;
    }
    // Closing brackets stay with the sentence they end: handled by the next check.
    match next_kind {
        TokKind::Quote(_) => true,
        TokKind::Word => {
            let c = char_at(text, next_span.start);
            c.is_uppercase() || c.is_numeric()
        }
        TokKind::Punct => matches!(next_span.of(text), "(" | "[" | "—" | "–"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::paragraphs;

    fn words(text: &str) -> Vec<(String, usize)> {
        let paras = paragraphs(text);
        tokenize(text, &paras, &[], 0)
            .toks
            .iter()
            .map(|t| (t.span.of(text).to_string(), t.sent))
            .collect()
    }

    #[test]
    fn words_keep_apostrophes_and_hyphens() {
        let w: Vec<_> = words("Ola’s 31-year-old friend didn't.")
            .into_iter()
            .map(|w| w.0)
            .collect();
        assert_eq!(w, ["Ola’s", "31-year-old", "friend", "didn't", "."]);
    }

    #[test]
    fn unicode_spaces_letters_and_joiners_are_read_as_chars() {
        let w: Vec<_> = words("Zoë\u{a0}B&Q’s\u{2003}x-\u{201c}é.\u{b}1.5&")
            .into_iter()
            .map(|w| w.0)
            .collect();
        assert_eq!(w, ["Zoë", "B&Q’s", "x", "-", "“", "é", ".", "1.5", "&"]);
    }

    #[test]
    fn words_of_any_length_end_where_their_letters_do() {
        // Letters are read four at a time: every length around a multiple
        // of four, ended by a space, a stop, a curly quote, a non-ASCII
        // letter, two spaces, or the text's end.
        for len in 1..=13 {
            let w = "Ab9".repeat(len)[..len].to_string();
            for (tail, want) in [
                (" x", vec![w.clone(), "x".to_string()]),
                (".", vec![w.clone(), ".".to_string()]),
                ("”", vec![w.clone(), "”".to_string()]),
                ("é x", vec![format!("{w}é"), "x".to_string()]),
                ("  x", vec![w.clone(), "x".to_string()]),
                ("", vec![w.clone()]),
            ] {
                let text = format!("{w}{tail}");
                let got: Vec<_> = words(&text).into_iter().map(|w| w.0).collect();
                assert_eq!(got, want, "{text:?}");
            }
        }
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        let w = words("Mr. Lyn met Tia C. Marr. Then left.");
        let then = w.iter().find(|w| w.0 == "Then").expect("has Then");
        let brand = w.iter().find(|w| w.0 == "Marr").expect("has Marr");
        assert_eq!(brand.1, 0);
        assert_eq!(then.1, 1);
    }

    #[test]
    fn sentences_end_before_capitals_brackets_and_paragraphs() {
        let w = words("Go! Now. (Yes.) so Dr. Lyn left…\nNew line. 9 ends");
        let sent: Vec<(&str, usize)> = w.iter().map(|(s, n)| (s.as_str(), *n)).collect();
        assert_eq!(
            sent,
            [
                ("Go", 0),
                ("!", 0),
                ("Now", 1),
                (".", 1),
                ("(", 2),
                ("Yes", 2),
                (".", 2),
                (")", 2),
                ("so", 2),
                ("Dr", 2),
                (".", 2),
                ("Lyn", 2),
                ("left", 2),
                ("…", 2),
                ("New", 3),
                ("line", 3),
                (".", 3),
                ("9", 4),
                ("ends", 4),
            ]
        );
    }

    #[test]
    fn quotation_is_one_token() {
        let text = "Ola said “Yes. No.” Then went.";
        let start = text.find('“').expect("open");
        let end = text.find('”').expect("close") + '”'.len_utf8();
        let q = [QuoteSpan {
            id: 0,
            outer: Span::new(start, end),
            ends_sentence: true,
        }];
        let t = tokenize(text, &paragraphs(text), &q, 1);
        let kinds: Vec<_> = t.toks.iter().map(|t| t.kind).collect();
        assert_eq!(kinds[2], TokKind::Quote(0));
        assert_eq!(t.toks[3].sent, 1, "a sentence ends after the quotation");
        assert_eq!(t.quote_tok[0], Some(2));
    }
}
