//! # Continuation
//!
//! **What it matches:** a quotation with no cue of its own that goes on from
//! a speaker already established:
//! - `SameParagraph`: an earlier quotation of the same paragraph was
//!   attributed, and nobody else is named between them:
//!   `“I see it,” Ola says. “I see a man.”`
//! - `SubjectBefore`: no quotation yet in the paragraph, but an earlier
//!   sentence of it has a person as its subject: `Ola found the dinner
//!   hard. “We spent the whole day on it.”`
//! - `PreviousParagraph`: the quotation opens its paragraph and the paragraph
//!   before (page clutter such as `Read more` skipped) ended with a
//!   quotation of a known speaker, or, holding no speech, was about a person:
//!   `Ola said all films should matter.` ¶ `“They push you.”`
//!
//! **Leaves alone:** a quotation after someone else was named as a subject in
//! between; a paragraph before whose last quotation has no known speaker
//! (a dialogue of unnamed voices stays unnamed).
//!
//! **Why here in the order:** last: it carries a speaker over instead of
//! reading one, so any cue of the quotation's own wins.

use super::{Attribution, Context, Sieve, Who};
use crate::text::TokKind;

pub struct SameParagraph;

impl Sieve for SameParagraph {
    fn name(&self) -> &'static str {
        "same_paragraph"
    }

    fn attribute(&self, cx: &Context<'_>, q: usize) -> Option<Attribution> {
        let t = cx.tok_of(q)?;
        let p = cx.previous_speech(q)?;
        let pt = cx.tok_of(p)?;
        if cx.toks[pt].para != cx.toks[t].para {
            return None;
        }
        let entity = cx.decided[p].as_ref()?.speaker?;
        let mut between = cx.people.subjects_between(pt + 1, t);
        let someone_else = between.any(|e| e != entity && cx.people.entities[e].is_person_like());
        (!someone_else).then_some(Attribution {
            who: Who::Entity { entity },
            cue: None,
            addressee: None,
        })
    }
}

pub struct SubjectBefore;

impl Sieve for SubjectBefore {
    fn name(&self) -> &'static str {
        "subject_before"
    }

    fn attribute(&self, cx: &Context<'_>, q: usize) -> Option<Attribution> {
        let t = cx.tok_of(q)?;
        let para = cx.toks[t].para;
        // Only before the paragraph's first quotation: after one, a new
        // subject may as well be a new speaker as somebody talked about.
        if cx
            .previous_speech(q)
            .is_some_and(|p| cx.quotes[p].para == para)
        {
            return None;
        }
        let (_, entity) = cx.people.subject_before(t, para)?;
        Some(Attribution {
            who: Who::Entity { entity },
            cue: None,
            addressee: None,
        })
    }
}

pub struct PreviousParagraph;

/// Paragraphs of page clutter a continuation may skip: `Read more`, a subheading.
const CLUTTER_SKIP: usize = 2;

impl Sieve for PreviousParagraph {
    fn name(&self) -> &'static str {
        "previous_paragraph"
    }

    fn attribute(&self, cx: &Context<'_>, q: usize) -> Option<Attribution> {
        let t = cx.tok_of(q)?;
        if !cx.opens_paragraph(t) {
            return None;
        }
        let para = cx.toks[t].para;
        let mut pp = para.checked_sub(1)?;
        for _ in 0..CLUTTER_SKIP {
            if !is_clutter(cx, pp) {
                break;
            }
            pp = pp.checked_sub(1)?;
        }
        // The last speech quotation of that paragraph, if any.
        if let Some(p) = cx.previous_speech(q)
            && cx.quotes[p].para == pp
        {
            let entity = cx.decided[p].as_ref()?.speaker?;
            return Some(Attribution {
                who: Who::Entity { entity },
                cue: None,
                addressee: None,
            });
        }
        // The latest speech quotation is not in that paragraph, so none is:
        // it held no speech.
        let entity = cx.people.paragraph_subject(cx.toks, pp)?;
        Some(Attribution {
            who: Who::Entity { entity },
            cue: None,
            addressee: None,
        })
    }
}

/// A short line with no sentence in it: `GREATER SUCCESS`, `Advertisement`.
fn is_clutter(cx: &Context<'_>, para: usize) -> bool {
    let span = cx.paras[para].span.of(cx.text);
    let words = span.split_whitespace().take(7).count();
    let ends = span
        .trim_end()
        .ends_with(['.', '!', '?', '"', '”', '’', ':']);
    // Short, so its tokens are few: find them from the paragraph's start.
    let first = cx
        .toks
        .partition_point(|t| t.span.start < cx.paras[para].span.start);
    let holds_quote = cx.toks[first..]
        .iter()
        .take_while(|t| t.para == para)
        .any(|t| matches!(t.kind, TokKind::Quote(_)));
    words <= 6 && !ends && !holds_quote
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_no_rule, assert_speaker};

    #[test]
    fn carries_speaker_within_a_paragraph() {
        assert_speaker(
            "“I see it,” Ola Pim says. “I see a man.”",
            "I see a man.",
            Some("Ola Pim"),
            "same_paragraph",
        );
    }

    #[test]
    fn takes_the_subject_of_an_earlier_sentence() {
        assert_speaker(
            "Ola Pim found the dinner hard. “We spent all day on it.”",
            "We spent all day on it.",
            Some("Ola Pim"),
            "subject_before",
        );
    }

    #[test]
    fn carries_speaker_to_the_next_paragraph() {
        assert_speaker(
            "“I see it,” Ola Pim says.\n\n“I see a man.”",
            "I see a man.",
            Some("Ola Pim"),
            "previous_paragraph",
        );
    }

    #[test]
    fn skips_page_clutter_between_paragraphs() {
        assert_speaker(
            "“I see it,” Ola Pim says.\n\nREAD MORE\n\n“I see a man.”",
            "I see a man.",
            Some("Ola Pim"),
            "previous_paragraph",
        );
    }

    #[test]
    fn takes_the_person_a_paragraph_was_about() {
        assert_speaker(
            "Ivo Marr said all films should matter.\n\n“They push you.”",
            "They push you.",
            Some("Ivo Marr"),
            "previous_paragraph",
        );
    }

    #[test]
    fn a_pronoun_in_between_names_nobody_new() {
        let text = "Pennine Fire and Rescue Service area manager Tom Hale spoke. “Water floats cars,” he said. “Turn around.”";
        assert_speaker(text, "Turn around.", Some("Tom Hale"), "same_paragraph");
    }

    // Negatives
    #[test]
    fn leaves_a_dialogue_of_unnamed_voices_alone() {
        assert_no_rule("“Where?”\n\n“Behind you!”", "Behind you!");
    }

    #[test]
    fn stops_when_someone_else_is_named_in_between() {
        assert_no_rule(
            "“I see it,” Ola Pim says. Ivo Marr disagreed loudly. “I see a man.”",
            "I see a man.",
        );
    }
}
