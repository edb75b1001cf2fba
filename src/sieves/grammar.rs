//! The small grammar the cue sieves share: who is named next to a reporting
//! verb, and to whom it was said.
//!
//! In: the token stream, name runs, and a verb's position. Out: a `Who` (a
//! name, a pronoun, a description such as `the actor`, or somebody
//! unnamed such as `a crew member`) and the tokens it covers.

use super::{Context, Who};
use crate::lexicon;
use crate::span::Span;
use crate::text::TokKind;

impl Context<'_> {
    pub fn word(&self, k: usize) -> Option<&str> {
        self.toks
            .get(k)
            .filter(|t| t.kind == TokKind::Word)
            .map(|t| t.span.of(self.text))
    }

    pub fn punct(&self, k: usize) -> Option<&str> {
        self.toks
            .get(k)
            .filter(|t| t.kind == TokKind::Punct)
            .map(|t| t.span.of(self.text))
    }

    /// A reporting verb used as a verb: lower case, or capitalised only where
    /// it opens its sentence (`Added Pim: “…”`); never after a determiner,
    /// where its form is a noun (`with a grin`, `in a statement`).
    pub fn is_verb(&self, k: usize) -> bool {
        let Some(known) = self.verbs.get(k) else {
            return false; // no token
        };
        known.get().unwrap_or_else(|| {
            let verb = self.reads_as_verb(k);
            known.set(Some(verb));
            verb
        })
    }

    /// [`Context::is_verb`], not remembered.
    fn reads_as_verb(&self, k: usize) -> bool {
        let Some(w) = self.word(k) else {
            return false;
        };
        // `put it simply:`, `as she puts it`
        if matches!(w, "put" | "puts") && self.word(k + 1) == Some("it") {
            return true;
        }
        // The case first: it costs no look-up.
        (w.chars().next().is_some_and(char::is_lowercase)
            || k == 0
            || self.toks[k - 1].sent != self.toks[k].sent)
            && lexicon::is_reporting_verb(w)
            && !self.after_determiner(k)
    }

    /// Whether token `k` follows `a`, `the`, `his` and the like.
    pub fn after_determiner(&self, k: usize) -> bool {
        k > 0 && self.word(k - 1).is_some_and(lexicon::is_determiner)
    }

    fn is_adverb(&self, k: usize) -> bool {
        self.word(k).is_some_and(|w| {
            (w.ends_with("ly") && w.len() > 3 && w != "only") || lexicon::is_adverb(w)
        })
    }

    fn span(&self, first: usize, last: usize) -> Span {
        Span::new(self.toks[first].span.start, self.toks[last].span.end)
    }

    /// Who is named right before the verb at `verb` (not before token `floor`):
    /// `Connor says`, `he says`, `Locke previously shared`, `the actor told`,
    /// `one viewer wrote`, `Richmond police said`.
    pub fn mention_before(&self, verb: usize, floor: usize) -> Option<(Who, usize)> {
        let mut k = verb.checked_sub(1)?;
        while k > floor && self.is_adverb(k) {
            k -= 1;
        }
        if k < floor || self.toks[k].para != self.toks[verb].para {
            return None;
        }
        if self.punct(k) == Some(",") {
            return self.appositive_before(k, floor);
        }
        let w = self.word(k)?;
        // `Ines Varga stands at the end of the jetty and says`: a second verb
        // of the clause speaks for its subject.
        if matches!(w, "and" | "then") {
            let entity = self.people.sentence_subject(self.toks, k)?;
            return Some((Who::Entity { entity }, k));
        }
        if let Some(p) = lexicon::pronoun(w) {
            return (p.case == lexicon::Case::Subject).then_some((Who::Pronoun { tok: k }, k));
        }
        if let Some(run) = self.people.run_ending(k + 1)
            && run.toks.start >= floor
        {
            // `Nia's reply`: a possessive owns the noun, it does not speak.
            if run.possessive {
                return None;
            }
            // `A spokesperson for Terravance said`: the name belongs to a
            // phrase after the noun that speaks.
            let d = run.descriptor_start;
            if d >= floor + 2
                && self
                    .word(d - 1)
                    .is_some_and(|w| matches!(w, "for" | "of" | "at" | "from" | "with"))
                && self
                    .word(d - 2)
                    .is_some_and(|n| lexicon::person_noun(n).is_some() || lexicon::is_org_noun(n))
            {
                return self.noun_phrase_before(d - 2, floor);
            }
            return Some((Who::name(run), run.descriptor_start.max(floor)));
        }
        let lower = w.to_lowercase();
        if lexicon::is_org_noun(&lower)
            && let Some(run) = self.people.run_ending(k)
            && run.toks.start >= floor
        {
            let span = Span::new(run.span.start, self.toks[k].span.end);
            return Some((Who::Org { span }, run.toks.start));
        }
        if lexicon::is_nobody_word(&lower) {
            return Some((
                Who::Unnamed {
                    span: self.toks[k].span,
                },
                k,
            ));
        }
        self.noun_phrase_before(k, floor)
    }

    /// A noun phrase ending at token `k`: `the 46-year-old actress`
    /// (definite: a description), `one viewer`, `a crew member` (nobody in
    /// particular), `fans` (a bare plural: nobody in particular).
    fn noun_phrase_before(&self, k: usize, floor: usize) -> Option<(Who, usize)> {
        let lower = self.word(k)?.to_lowercase();
        if !(lexicon::person_noun(&lower).is_some()
            || lexicon::is_org_noun(&lower)
            || is_age(&lower))
        {
            return None;
        }
        // Walk back over adjectives to a determiner: `the 46-year-old actress`.
        let mut d = k;
        for _ in 0..4 {
            if d == floor || d == 0 {
                break;
            }
            d -= 1;
            let Some(dw) = self.word(d) else { break };
            if lexicon::is_definite_determiner(dw) {
                return Some((
                    Who::Description {
                        head: k,
                        span: self.span(d, k),
                    },
                    d,
                ));
            }
            if lexicon::is_indefinite_determiner(dw) {
                return Some((
                    Who::Unnamed {
                        span: self.span(d, k),
                    },
                    d,
                ));
            }
        }
        if lower.ends_with('s') {
            return Some((
                Who::Unnamed {
                    span: self.toks[k].span,
                },
                k,
            )); // `fans wrote`
        }
        None
    }

    /// `Hugh Hill, a doctor, said`, `Petr Dolan, who drafted it, stressed`,
    /// `her son, the writer Tobias Fell, said`: the mention before an
    /// appositive that ends at the comma `close`. A name inside the
    /// appositive wins over a description before it.
    fn appositive_before(&self, close: usize, floor: usize) -> Option<(Who, usize)> {
        const MAX_APPOSITIVE: usize = 12;
        let sent = self.toks[close].sent;
        let open = (close.saturating_sub(MAX_APPOSITIVE).max(floor)..close)
            .rev()
            .take_while(|&p| self.toks[p].sent == sent && self.toks[p].quote().is_none())
            .find(|&p| self.punct(p) == Some(","))?;
        let head = self.mention_before(open, floor);
        // `Theo Haskett, who plays Ollie, told`: a name in a relative clause
        // is its object; only a noun phrase (`the writer Tobias Fell`) renames.
        let relative = self.word(open + 1).is_some_and(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "who" | "whom" | "whose" | "which" | "that" | "where" | "when"
            )
        });
        // `her son, the writer Tobias Fell,` renames; in `Ana Ruiz, a principal
        // analyst at Brightline Research,` the name is her employer's.
        if !relative
            && let Some(run) = self.people.run_ending(close)
            && run.toks.start > open
            && run.descriptor_start == open + 1
            && !run.possessive
        {
            let start = head.as_ref().map_or(run.descriptor_start, |h| h.1);
            return Some((Who::name(run), start));
        }
        head
    }

    /// Who is named right after an inverted verb at `verb`: `said Mr Lyn`,
    /// `said 31-year-old Lambert`, `added little Amy`, `said a homeless man`.
    /// Also returns the token after the mention.
    pub fn mention_after(&self, verb: usize) -> Option<(Who, usize)> {
        let para = self.toks[verb].para;
        let mut k = verb + 1;
        let w = self.word(k)?;
        if let Some(p) = lexicon::pronoun(w) {
            return (p.case == lexicon::Case::Subject).then_some((Who::Pronoun { tok: k }, k + 1));
        }
        let definite = lexicon::is_definite_determiner(w);
        let indefinite = lexicon::is_indefinite_determiner(w);
        // Up to three describing words before a name or a head noun.
        for _ in 0..4 {
            let tok = self.toks.get(k)?;
            if tok.para != para {
                return None;
            }
            if let Some(run) = self.people.run_at(k) {
                // `said the Rovers manager`: the name modifies the noun that speaks.
                let noun = run.toks.end;
                if self.word(noun).is_some_and(|n| {
                    n.chars().next().is_some_and(char::is_lowercase)
                        && (lexicon::person_noun(n).is_some() || lexicon::is_org_noun(n))
                }) && (definite || indefinite)
                {
                    let span = self.span(verb + 1, noun);
                    let who = if definite {
                        Who::Description { head: noun, span }
                    } else {
                        Who::Unnamed { span }
                    };
                    return Some((who, noun + 1));
                }
                let unknown_single =
                    run.words.len() == 1 && self.people.lookup(self.text, &run.words).is_none();
                if definite && unknown_single {
                    let span = self.span(verb + 1, run.toks.end - 1);
                    return Some((
                        Who::Description {
                            head: run.toks.start,
                            span,
                        },
                        run.toks.end,
                    ));
                }
                return Some((Who::name(run), run.toks.end));
            }
            let w = self.word(k)?;
            if lexicon::honorific(w).is_some() {
                k += 1;
                if self.punct(k) == Some(".") {
                    k += 1;
                }
                return self
                    .people
                    .run_at(k)
                    .map(|run| (Who::name(run), run.toks.end));
            }
            let lower = w.to_lowercase();
            let noun = lexicon::person_noun(&lower).is_some()
                || lexicon::is_org_noun(&lower)
                || is_age(&lower);
            let next_is_word = self
                .word(k + 1)
                .is_some_and(|n| n.chars().next().is_some_and(char::is_lowercase));
            if noun
                && !(next_is_word && lexicon::person_noun(self.word(k + 1).unwrap_or("")).is_some())
            {
                let span = self.span(verb + 1, k);
                if definite {
                    return Some((Who::Description { head: k, span }, k + 1));
                }
                if indefinite || lower.ends_with('s') {
                    return Some((Who::Unnamed { span }, k + 1));
                }
            }
            // Describing words are lower case or numbers: `31-year-old`,
            // `little`; a preposition starts a phrase of place or medium
            // (`said on Instagram`), not a description of the speaker.
            if !w
                .chars()
                .next()
                .is_some_and(|c| c.is_lowercase() || c.is_numeric())
                || lexicon::is_non_describing_word(w)
            {
                return None;
            }
            k += 1;
        }
        None
    }

    /// Whom the verb at `verb` addressed: `tells Teen Vogue`, `tells his
    /// sister`, `says to Charlie`, `corrects him`, `told reporters`.
    pub fn addressee_after(&self, verb: usize) -> Option<Span> {
        let v = self.word(verb)?;
        let mut k = verb + 1;
        if matches!(self.word(k), Some("to")) {
            k += 1;
        } else if !lexicon::is_telling_verb(v) {
            return None;
        }
        let first = k;
        let w = self.word(k)?;
        if let Some(p) = lexicon::pronoun(w) {
            // `his sister`, `her mother`: a possessive and its noun.
            let noun = self.word(k + 1).filter(|n| {
                n.chars().next().is_some_and(char::is_lowercase)
                    && !lexicon::is_addressee_stop(n)
                    && !n.ends_with("ly")
            });
            if matches!(w, "his" | "her" | "their" | "my" | "our" | "your") && noun.is_some() {
                return Some(self.span(k, k + 1));
            }
            return (p.case == lexicon::Case::Object).then(|| self.toks[k].span);
        }
        if lexicon::is_addressee_word(w) {
            return Some(self.toks[k].span);
        }
        let lower = w.to_lowercase();
        if lexicon::is_definite_determiner(&lower) || matches!(lower.as_str(), "a" | "an") {
            k += 1;
        }
        if let Some(run) = self.people.run_at(k) {
            return Some(self.span(first, run.toks.end - 1));
        }
        // `his sister`, `the press`
        let noun = self.word(k)?;
        if k > first && noun.chars().next().is_some_and(char::is_lowercase) {
            return Some(self.span(first, k));
        }
        // `Teen Vogue`: capitalised words up to punctuation.
        let mut end = k;
        while self
            .word(end)
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
        {
            end += 1;
        }
        (end > k).then(|| self.span(first, end - 1))
    }
}

/// `24-year-old`: an age that stands for a person (`the 24-year-old said`).
pub fn is_age(word: &str) -> bool {
    word.strip_suffix("-year-old")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}
