//! Attribution rules ("sieves"): who said each quotation.
//!
//! In: quotations, tokens and the people table. Out: for each quotation
//! that is speech, a `Decision` — the speaker (or nobody), the words that
//! named them, the reporting verb, the addressee and the rule that decided.
//!
//! Two stages, as in CoreNLP's quote attribution: a sieve links a quotation
//! to a *mention* (`Connor`, `he`, `the actor`, `a crew member`), then one
//! resolver maps the mention to a person of the table. So `“…,” Connor says`
//! and `“…,” he says` are one rule.
//!
//! Sieves run in the order of `SIEVES`, most local evidence first; each sees
//! only quotations no earlier sieve decided, and a sieve declines (`None`)
//! unless it is sure: a wrong speaker is worse than none.

mod colon_intro;
mod continuation;
pub mod grammar;
mod leading_cue;
mod multi_paragraph;
mod nested;
mod sentence_subject;
mod source_phrase;
mod trailing_cue;
mod transcript_label;

use std::cell::Cell;
use std::ops::Range;

use crate::people::People;
use crate::people::names::{NameRun, NameWords};
use crate::quotes::kind::count_words;
use crate::quotes::{Kind, Quote};
use crate::span::Span;
use crate::text::{Paragraph, Tok, TokKind};

/// Whom a sieve found, before it is resolved to a person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Who {
    /// A name: `Kit Connor`, `Connor`, `Mr Lyn` (`words` without the honorific,
    /// which is kept apart for a name the article gives no fuller form of).
    /// Its words are its run's, held in place: no allocation per cue.
    Name {
        words: NameWords,
        span: Span,
        honorific: Option<Span>,
    },
    /// A transcript's label, `MARIA LOPEZ:`: a name of any number of words.
    Label { words: Vec<Span>, span: Span },
    /// An organization named with an org noun: `Richmond police`.
    Org { span: Span },
    /// `he`, `she`, `it`, `they` at token `tok`.
    Pronoun { tok: usize },
    /// A definite description, `the actor`; `head` is the noun's token.
    Description { head: usize, span: Span },
    /// Somebody the text does not name: `a crew member`, `one viewer`, `fans`.
    Unnamed { span: Span },
    /// A person already known, carried over from another quotation.
    Entity { entity: usize },
}

impl Who {
    pub fn name(run: &NameRun) -> Who {
        Who::Name {
            words: run.words,
            span: run.span,
            honorific: run.honorific_span,
        }
    }
}

/// What a sieve says about one quotation.
#[derive(Clone, Debug)]
pub struct Attribution {
    pub who: Who,
    /// The reporting verb's token.
    pub cue: Option<usize>,
    pub addressee: Option<Span>,
}

/// The verdict on one quotation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision {
    pub speaker: Option<usize>,
    /// The words that named the speaker (or the unnamed somebody).
    pub mention: Option<Span>,
    pub cue: Option<Span>,
    pub addressee: Option<Span>,
    pub rule: &'static str,
}

/// Everything a sieve may read.
pub struct Context<'a> {
    pub text: &'a str,
    pub paras: &'a [Paragraph],
    pub quotes: &'a [Quote],
    pub toks: &'a [Tok],
    pub quote_tok: &'a [Option<usize>],
    pub people: &'a People,
    /// Decisions so far (quotations before the current one are decided).
    pub decided: &'a [Option<Decision>],
    /// For each quotation, the first quotation of its multi-paragraph chain.
    pub chain: &'a [usize],
    /// The members of every chain of two or more, in order (see
    /// [`Context::chain_members`]).
    pub chained: &'a [usize],
    /// For each quotation, the speech quotation before it among the top-level ones.
    pub prev_speech: &'a [Option<usize>],
    /// For each token, whether it is a reporting verb, once asked
    /// ([`Context::is_verb`]): the cue sieves ask about the same words
    /// around a quotation one after another.
    pub verbs: &'a [Cell<Option<bool>>],
    /// The last answers of [`Context::after`], [`Context::before`] and
    /// [`Context::sentence_before`]: (token asked about, the range's other
    /// end). The sieves ask each about the same quotation token in turn.
    pub ranges: [Cell<Option<(usize, usize)>>; 3],
}

pub trait Sieve: Sync {
    /// Stable snake_case name, written to each record's `rule` field.
    fn name(&self) -> &'static str;
    /// A mention only when sure; `None` passes the quotation on.
    fn attribute(&self, cx: &Context<'_>, quote: usize) -> Option<Attribution>;
}

/// Which range of [`Context::ranges`].
const AFTER: usize = 0;
const BEFORE: usize = 1;
const SENTENCE_BEFORE: usize = 2;

/// The most tokens a rule reads on either side of a quotation.
const SENTENCE_WINDOW: usize = 60;

/// Run in this order; each sieve sees only quotations still undecided.
pub const SIEVES: &[&dyn Sieve] = &[
    &transcript_label::TranscriptLabel, // Partridge: "…"
    &trailing_cue::TrailingCue,         // “…,” Connor says.  “…,” said Mr Lyn.
    &leading_cue::LeadingCue,           // Joe Locke adds, “…”  David corrects him: “…”
    &colon_intro::ColonIntro,           // Oseman said:¶“…”
    &source_phrase::SourcePhrase,       // According to Ola Pim, “…”  as Pim puts it
    &multi_paragraph::MultiParagraph,   // “…¶“…,” she said.  one utterance, one speaker
    &sentence_subject::SentenceSubject, // Connor says he has “no clue”
    &continuation::SameParagraph,       // “…,” Ola says. “…”
    &continuation::SubjectBefore,       // Ola found it hard. “…”
    &continuation::PreviousParagraph,   // Ola said all films matter.¶“…”
];

impl Context<'_> {
    /// The token of a top-level quotation.
    pub fn tok_of(&self, q: usize) -> Option<usize> {
        self.quote_tok.get(q).copied().flatten()
    }

    /// Whether quotation `q` is speech to attribute (not a title, a name…).
    pub fn is_speech(&self, q: usize) -> bool {
        self.quotes[q].not_speech.is_none()
    }

    /// Tokens after quotation token `t` (at most `SENTENCE_WINDOW`), to the
    /// end of the writer's sentence or the next quotation. A sentence break
    /// right after the quotation does not count when the quotation itself
    /// ends in `?`, `!` or `…` (`“…?” Connor says.`); after a full stop it
    /// does, and nothing follows.
    pub fn after(&self, t: usize) -> Range<usize> {
        self.remembered(AFTER, t, || self.read_after(t))
    }

    /// The range `read` gives for token `t`, remembered as the range of
    /// kind `which` last asked about.
    fn remembered(
        &self,
        which: usize,
        t: usize,
        read: impl FnOnce() -> Range<usize>,
    ) -> Range<usize> {
        let memo = &self.ranges[which];
        // A range after `t` starts at `t + 1`, one before it ends at `t`:
        // the other end is all to keep.
        let span = |other: usize| {
            if which == AFTER {
                t + 1..other
            } else {
                other..t
            }
        };
        if let Some((asked, other)) = memo.get()
            && asked == t
        {
            return span(other);
        }
        let range = read();
        let other = if which == AFTER {
            range.end
        } else {
            range.start
        };
        debug_assert_eq!(span(other), range);
        memo.set(Some((t, other)));
        range
    }

    /// [`Context::after`], not remembered.
    fn read_after(&self, t: usize) -> Range<usize> {
        let start = t + 1;
        let Some(first) = self.toks.get(start) else {
            return start..start;
        };
        // `“…?” Connor says.` is one sentence; after `“We are done.”` the
        // next sentence (`The actor smiled.`) is no cue of the quotation.
        let stop_inside = self.toks[t].quote().is_some_and(|q| {
            self.quotes[q]
                .content
                .of(self.text)
                .trim_end()
                .trim_end_matches(['"', '”', '’', '\''])
                .ends_with('.')
        });
        if stop_inside && first.sent != self.toks[t].sent {
            return start..start;
        }
        let mut end = start;
        let ceiling = start + SENTENCE_WINDOW;
        while let Some(tok) = self.toks.get(end).filter(|_| end < ceiling) {
            if tok.para != self.toks[t].para
                || tok.sent != first.sent
                || matches!(tok.kind, TokKind::Quote(_))
            {
                break;
            }
            end += 1;
        }
        start..end
    }

    /// Tokens before quotation token `t` in its sentence, back to the
    /// previous quotation (at most `SENTENCE_WINDOW`).
    pub fn before(&self, t: usize) -> Range<usize> {
        self.remembered(BEFORE, t, || self.read_before(t))
    }

    /// [`Context::before`], not remembered.
    fn read_before(&self, t: usize) -> Range<usize> {
        let floor = t.saturating_sub(SENTENCE_WINDOW);
        let mut start = t;
        while start > floor {
            let tok = self.toks[start - 1];
            if tok.sent != self.toks[t].sent || matches!(tok.kind, TokKind::Quote(_)) {
                break;
            }
            start -= 1;
        }
        start..t
    }

    /// Tokens of the sentence holding token `t`, up to `t`, at most
    /// `SENTENCE_WINDOW` of them: a speaker's verb further back is no cue,
    /// and a text of one endless sentence must not cost a scan per quotation.
    pub fn sentence_before(&self, t: usize) -> Range<usize> {
        self.remembered(SENTENCE_BEFORE, t, || self.read_sentence_before(t))
    }

    /// [`Context::sentence_before`], not remembered.
    fn read_sentence_before(&self, t: usize) -> Range<usize> {
        let floor = t.saturating_sub(SENTENCE_WINDOW);
        let mut start = t;
        while start > floor && self.toks[start - 1].sent == self.toks[t].sent {
            start -= 1;
        }
        start..t
    }

    /// Whether token `t` opens its paragraph.
    pub fn opens_paragraph(&self, t: usize) -> bool {
        t == 0 || self.toks[t - 1].para != self.toks[t].para
    }

    /// The members of quotation `q`'s multi-paragraph chain, in order; none
    /// if the chain is `q` alone.
    pub fn chain_members(&self, q: usize) -> &[usize] {
        let head = self.chain[q];
        let from = self.chained.partition_point(|&m| self.chain[m] < head);
        let len = self.chained[from..].partition_point(|&m| self.chain[m] == head);
        &self.chained[from..from + len]
    }

    /// The speech quotation before `q` among the top-level ones.
    pub fn previous_speech(&self, q: usize) -> Option<usize> {
        self.prev_speech[q]
    }
}

/// The vectors one document's attribution works in, emptied, for the
/// next document's (see [`attribute_reusing`]): half a dozen allocations
/// an article less, two of them over a kilobyte, which made the allocator
/// gather every small block freed since.
#[derive(Debug, Default, PartialEq)]
pub struct Buffers {
    chain: Vec<usize>,
    chain_len: Vec<usize>,
    chained: Vec<usize>,
    prev_speech: Vec<Option<usize>>,
    verbs: Vec<Cell<Option<bool>>>,
    /// The decisions' vector, when the last document's gave it back.
    pub decided: Vec<Option<Decision>>,
}

/// Attribute every quotation; decisions by quotation index.
pub fn attribute(
    text: &str,
    paras: &[Paragraph],
    quotes: &[Quote],
    toks: &[Tok],
    quote_tok: &[Option<usize>],
    people: &mut People,
) -> Vec<Option<Decision>> {
    let mut buffers = Buffers::default();
    attribute_reusing(text, paras, quotes, toks, quote_tok, people, &mut buffers)
}

/// As [`attribute`], in the vectors `buffers` holds (each filled afresh).
pub fn attribute_reusing(
    text: &str,
    paras: &[Paragraph],
    quotes: &[Quote],
    toks: &[Tok],
    quote_tok: &[Option<usize>],
    people: &mut People,
    buffers: &mut Buffers,
) -> Vec<Option<Decision>> {
    let Buffers {
        chain,
        chain_len,
        chained,
        prev_speech,
        verbs,
        decided,
    } = buffers;
    chains_into(quotes, toks, quote_tok, chain);
    chain_len.clear();
    chain_len.resize(quotes.len(), 0);
    for &head in chain.iter() {
        chain_len[head] += 1;
    }
    // One vector for all chains, not one each: a chain's parts follow one
    // another among the top-level quotations, so each chain's members lie
    // together, and chains come in the order of their heads.
    chained.clear();
    chained.extend((0..quotes.len()).filter(|&q| chain_len[chain[q]] > 1));
    prev_speech.clear();
    prev_speech.resize(quotes.len(), None);
    let mut last = None;
    for q in 0..quotes.len() {
        prev_speech[q] = last;
        if quotes[q].is_top_level() && quotes[q].not_speech.is_none() && quote_tok[q].is_some() {
            last = Some(q);
        }
    }
    verbs.clear();
    verbs.resize(toks.len(), Cell::new(None));
    let mut decided = std::mem::take(decided);
    decided.clear();
    decided.resize(quotes.len(), None);
    for q in 0..quotes.len() {
        if quotes[q].not_speech.is_some() {
            continue;
        }
        let decision = if let Some(parent) = quotes[q].parent {
            nested::decide(text, quotes, q, decided[parent].as_ref(), people)
        } else {
            let found = {
                let cx = Context {
                    text,
                    paras,
                    quotes,
                    toks,
                    quote_tok,
                    people,
                    decided: &decided,
                    chain,
                    chained,
                    prev_speech,
                    verbs,
                    ranges: Default::default(),
                };
                SIEVES
                    .iter()
                    .find_map(|s| s.attribute(&cx, q).map(|a| (s.name(), a)))
            };
            found.map(|(rule, a)| {
                let at = quote_tok[q].unwrap_or(0);
                resolve(text, toks, people, quotes, q, at, rule, a)
            })
        };
        decided[q] = decision;
    }
    decided
}

/// Map a sieve's mention to a person of the table.
#[allow(clippy::too_many_arguments)]
fn resolve(
    text: &str,
    toks: &[Tok],
    people: &mut People,
    quotes: &[Quote],
    q: usize,
    at: usize,
    rule: &'static str,
    a: Attribution,
) -> Decision {
    let para = quotes[q].para;
    let (speaker, mention) = match &a.who {
        Who::Name {
            words,
            span,
            honorific,
        } => resolve_name(text, people, words, *span, *honorific),
        Who::Label { words, span } => resolve_name(text, people, words, *span, None),
        Who::Org { span } => (Some(people.organization(span.of(text))), Some(*span)),
        Who::Pronoun { tok } => {
            let word = toks[*tok].span.of(text);
            (
                people.resolve_pronoun(
                    *tok,
                    toks[*tok].para,
                    word,
                    people.named_before_comma(text, toks, *tok),
                ),
                Some(toks[*tok].span),
            )
        }
        Who::Description { head, span } => (
            people.resolve_description(*head, toks[*head].para, toks[*head].span.of(text)),
            Some(*span),
        ),
        Who::Unnamed { span } => (None, Some(*span)),
        Who::Entity { entity } => (Some(*entity), None),
    };
    if let Some(e) = speaker {
        people.spoke(at, para, e);
    }
    // Somebody unnamed spoke: a later `she said` may point back at them.
    let speaker = speaker.filter(|&e| !people.entities[e].unnamed);
    Decision {
        speaker,
        mention,
        cue: a.cue.map(|c| toks[c].span),
        addressee: a.addressee,
        rule,
    }
}

/// The person a name of `words` (at `span`, after `honorific`) names, and
/// the words that named them.
fn resolve_name(
    text: &str,
    people: &mut People,
    words: &[Span],
    span: Span,
    honorific: Option<Span>,
) -> (Option<usize>, Option<Span>) {
    let speaker = people.resolve_name(text, words, honorific);
    // `Drama Star Ola Pim teased`: the mention is the name it resolved to.
    // Its words are counted only as far as the mention's: a longer name
    // takes the whole mention all the same.
    let named = speaker.map_or(words.len(), |e| {
        count_words(&people.entities[e].name, words.len())
    });
    let start = if named < words.len() {
        words[words.len() - named].start
    } else {
        honorific.map_or(span.start, |h| h.start)
    };
    (speaker, Some(Span::new(start, span.end)))
}

/// Multi-paragraph chains: a quotation left open at its paragraph's end and
/// re-opened at the start of a later one continues the same utterance.
/// `chain` (emptied first) gets the first quotation of each one's chain.
fn chains_into(
    quotes: &[Quote],
    toks: &[Tok],
    quote_tok: &[Option<usize>],
    chain: &mut Vec<usize>,
) {
    chain.clear();
    chain.extend(0..quotes.len());
    let mut prev: Option<usize> = None;
    for q in 0..quotes.len() {
        if !quotes[q].is_top_level() || quotes[q].not_speech.is_some() {
            continue;
        }
        if let (Some(p), Some(t)) = (prev, quote_tok[q])
            && quotes[p].continues
            && (t == 0 || toks[t - 1].para != toks[t].para)
        {
            chain[q] = chain[p];
        }
        prev = Some(q);
    }
}

/// Whether a quotation is a transcript answer without marks.
pub fn is_unmarked(q: &Quote) -> bool {
    q.kind == Kind::Unmarked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vectors_an_earlier_document_left_are_filled_as_if_new() {
        // The first document has more quotations and tokens than the
        // second, a chain over three paragraphs, and titles in quotes.
        let first = "Ola Pim spoke. “One,” she said. “Two,\n\n“three,\n\n“four.” \
                     Pim wrote “Rain” and “Sun”. “Five,” Ivo Marr said, “six.”";
        let second = "“Springs wear out,” says Mara Quill, a fan of “Rain” and “Sun”.\n\n\
                      “Gears too,\n\n“and hands.”";
        let attribute_in = |text: &str, buffers: &mut Buffers| {
            let ex = crate::extract(text);
            let mut people = crate::people::People::build(text, &ex.tokens.toks);
            let decided = attribute_reusing(
                text,
                &ex.paragraphs,
                &ex.quotes,
                &ex.tokens.toks,
                &ex.tokens.quote_tok,
                &mut people,
                buffers,
            );
            buffers.decided = decided;
        };
        let mut used = Buffers::default();
        attribute_in(first, &mut used);
        assert!(used.chain_len.len() > 4 && used.chained.len() == 3);
        attribute_in(second, &mut used);
        let mut fresh = Buffers::default();
        attribute_in(second, &mut fresh);
        assert_eq!(used, fresh);
        assert_eq!(fresh.chained, [3, 4]);
        assert_eq!(
            fresh.decided[1..3],
            [None, None],
            "titles are nobody's speech"
        );
    }

    #[test]
    fn remembered_ranges_are_those_read_afresh() {
        let text =
            "Ola said, “One.” Then Ivo added: “Two,” he said. “Three?” asked Pim.\n\n“Four.”";
        let ex = crate::extract(text);
        let toks = &ex.tokens.toks;
        let verbs = vec![Cell::new(None); toks.len()];
        let chain: Vec<usize> = (0..ex.quotes.len()).collect();
        let prev_speech = vec![None; ex.quotes.len()];
        let cx = Context {
            text,
            paras: &ex.paragraphs,
            quotes: &ex.quotes,
            toks,
            quote_tok: &ex.tokens.quote_tok,
            people: &ex.people,
            decided: &ex.decisions,
            chain: &chain,
            chained: &[],
            prev_speech: &prev_speech,
            verbs: &verbs,
            ranges: Default::default(),
        };
        // Every token, asked about again after another: the memory answers
        // only for the token it was asked about.
        for t in 0..toks.len() {
            for u in [t, 0, t, t] {
                assert_eq!(cx.after(u), cx.read_after(u), "after {u}");
                assert_eq!(cx.before(u), cx.read_before(u), "before {u}");
                assert_eq!(
                    cx.sentence_before(u),
                    cx.read_sentence_before(u),
                    "sentence {u}"
                );
            }
        }
    }
}
