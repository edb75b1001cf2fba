//! # Nested cue
//!
//! **What it matches:** a quotation inside another whose own cue stands in
//! the outer quotation, read on the outer quotation's words as the writer's
//! sentence rules read the writer's:
//! - `“I just said, ‘Sit down,’” she recalls`: `I` is the outer speaker;
//! - `“Ivo Marr rang me and said, ‘Come,’”`: a name, also across `and`;
//! - `“Ola kept saying, ‘No,’”`, `“Ola sent a note that said, ‘Go,’”`: the
//!   note's sender.
//!
//! **Leaves alone:** `he`/`she` inside a quotation: the cue is recorded,
//! the speaker left null (whom the speaker means by them is the speaker's
//! secret). An inner quotation with no cue gets no rule at all.
//!
//! **Why here:** inner quotations are decided after their outer one, apart
//! from the sieves, which read the writer's text only.

use super::Decision;
use crate::lexicon;
use crate::people::{People, names};
use crate::quotes::Quote;
use crate::span::Span;
use crate::text::tokens::{QuoteSpan, tokenize};
use crate::text::{Paragraph, Tok, TokKind};

pub fn decide(
    text: &str,
    quotes: &[Quote],
    q: usize,
    outer: Option<&Decision>,
    people: &mut People,
) -> Option<Decision> {
    let parent = quotes[q].parent?;
    // The cue stands a few words before the inner quotation: read a bounded
    // window, so that deep or many nestings cost no more than their size.
    let mut from = quotes[parent]
        .content
        .start
        .max(quotes[q].outer.start.saturating_sub(WINDOW_BYTES));
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let region = Span::new(from, quotes[q].outer.start);
    let inner: Vec<QuoteSpan> = (0..q)
        .rev()
        .take_while(|&i| quotes[i].outer.start >= region.start)
        .filter(|&i| quotes[i].parent == Some(parent) && region.contains(quotes[i].outer))
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .enumerate()
        .map(|(id, i)| QuoteSpan {
            id,
            outer: quotes[i].outer,
            ends_sentence: false,
        })
        .collect();
    let toks = tokenize(text, &[Paragraph { span: region }], &inner, inner.len()).toks;
    let runs = names::runs(text, &toks);
    let n = toks.len();
    let sent = toks.last()?.sent;
    let word = |k: usize| {
        toks.get(k)
            .filter(|t| t.kind == TokKind::Word)
            .map(|t| t.span.of(text))
    };
    let is_verb = |k: usize| {
        word(k).is_some_and(|w| {
            lexicon::is_reporting_verb(w) && w.chars().next().is_some_and(char::is_lowercase)
        })
    };
    // The cue: the nearest reporting verb of the last sentence, a few words at most before the quotation.
    let v = (n.saturating_sub(8)..n)
        .rev()
        .take_while(|&k| toks[k].sent == sent)
        .find(|&k| is_verb(k))?;
    let cue = Some(toks[v].span);
    let mut k = v.checked_sub(1)?;
    while k > 0
        && word(k)
            .is_some_and(|w| lexicon::is_adverb(w) || w.ends_with("ly") || lexicon::is_keep_word(w))
    {
        k -= 1;
    }
    let sentence_start = (0..=k)
        .rev()
        .take_while(|&j| toks[j].sent == sent)
        .last()
        .unwrap_or(k);
    let subject_at = match word(k) {
        // `rang me and said`, `a note that said`: the clause's own subject.
        Some("and") => sentence_start,
        Some("that" | "which") if k > 0 && word(k - 1).is_some_and(lexicon::is_message_noun) => {
            sentence_start
        }
        _ => k,
    };
    let (speaker, mention) = subject(
        text,
        &toks,
        &runs,
        subject_at,
        subject_at == k,
        outer,
        people,
    )?;
    Some(Decision {
        speaker,
        mention: Some(mention),
        cue,
        addressee: None,
        rule: "nested_cue",
    })
}

/// How far before an inner quotation its cue is looked for.
const WINDOW_BYTES: usize = 300;

/// Who stands at token `at`: the word before the verb (`ending`) or the
/// first of the clause.
fn subject(
    text: &str,
    toks: &[Tok],
    runs: &[names::NameRun],
    at: usize,
    ending: bool,
    outer: Option<&Decision>,
    people: &mut People,
) -> Option<(Option<usize>, Span)> {
    let tok = toks.get(at)?;
    let w = tok.span.of(text);
    if matches!(w, "I" | "we" | "We") {
        return Some((outer?.speaker, tok.span));
    }
    // `My partner, Jude, kept saying`: the name in apposition.
    if ending && w == "," {
        let run = runs.iter().find(|r| r.toks.end == at)?;
        return Some((
            people.resolve_name(text, &run.words, run.honorific_span),
            run.span,
        ));
    }
    // `Dad always said`, `Grandad leaned down and said`: whoever the article
    // gave that role.
    let family = crate::people::is_kin_word(w);
    if (lexicon::person_noun(w).is_some() || family)
        && w.chars().next().is_some_and(char::is_uppercase)
    {
        return Some((people.entity_with_role(w), tok.span));
    }
    if lexicon::pronoun(w).is_some() {
        return Some((None, tok.span));
    }
    let run = if ending {
        runs.iter().find(|r| r.toks.end == at + 1)
    } else {
        runs.iter().find(|r| r.toks.start == at)
    }?;
    if run.possessive {
        return None;
    }
    Some((
        people.resolve_name(text, &run.words, run.honorific_span),
        run.span,
    ))
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_speaker, record};

    #[test]
    fn first_person_inside_a_quote_is_the_outer_speaker() {
        let text = "“I just said, ‘Let me help,’” Tess Lamb recalls.";
        assert_speaker(text, "Let me help,", Some("Tess Lamb"), "nested_cue");
    }

    #[test]
    fn a_name_across_and_is_the_inner_speaker() {
        let text = "Ana Ruiz spoke. “Ivo Marr rang me on a Tuesday and said, ‘Come now,’ so I went,” Ruiz says.";
        assert_speaker(text, "Come now,", Some("Ivo Marr"), "nested_cue");
    }

    #[test]
    fn a_message_belongs_to_its_sender() {
        let text = "“Ivo Marr sent me a note that just said, ‘You are hired,’” Ana Ruiz says.";
        assert_speaker(text, "You are hired,", Some("Ivo Marr"), "nested_cue");
    }

    #[test]
    fn a_family_word_is_whoever_has_that_role() {
        let text = "Her father, Edmund Toll, fished. “Dad always said, ‘The sea does not care,’” Ana Toll says.";
        assert_speaker(
            text,
            "The sea does not care,",
            Some("Edmund Toll"),
            "nested_cue",
        );
    }

    #[test]
    fn a_name_in_apposition_inside_a_quote() {
        let text = "“My partner, Jude, kept saying, ‘Just give it a year,’” Ana Ruiz says.";
        assert_speaker(text, "Just give it a year,", Some("Jude"), "nested_cue");
    }

    #[test]
    fn kept_saying_is_a_cue() {
        let text = "“Ivo kept saying, ‘She would never forgive her,’” Ana Ruiz says.";
        assert_speaker(
            text,
            "She would never forgive her,",
            Some("Ivo"),
            "nested_cue",
        );
    }

    // Negatives
    #[test]
    fn a_pronoun_inside_a_quote_is_not_resolved() {
        let r = record(
            "“Then he told me, ‘Enough to give it,’ and left,” Ana Ruiz says.",
            "Enough to give it,",
        );
        assert_eq!((r.speaker, r.rule.as_deref()), (None, Some("nested_cue")));
    }

    #[test]
    fn inner_quote_without_cue_has_no_speaker() {
        let r = record(
            "“It was ‘fine by me, really’ then,” Tess Lamb says.",
            "fine by me, really",
        );
        assert_eq!(r.speaker, None);
        assert_eq!(r.rule, None);
    }
}
