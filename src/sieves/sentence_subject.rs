//! # Sentence subject
//!
//! **What it matches:** a quotation inside a sentence whose subject says,
//! writes or thinks it, the verb anywhere before the quotation:
//! `Connor says he has “no clue” what he’s doing`, `Kit Connor teased
//! filming "quite a steamy scene"`, `the actress said that it’s “daunting”`,
//! `Bill told me I "shouldn't" …`, `Ola felt that Ivo is the “golden boy,”`.
//!
//! **Leaves alone:** a sentence with no reporting or thinking verb before the
//! quotation; a verb whose subject is no mention (`It gives him “time”`).
//!
//! **Why here in the order:** after the cues right beside the quotation,
//! which are nearer evidence; before carrying a speaker over from another
//! quotation.

use super::{Attribution, Context, Sieve};
use crate::lexicon;

pub struct SentenceSubject;

impl Sieve for SentenceSubject {
    fn name(&self) -> &'static str {
        "sentence_subject"
    }

    fn attribute(&self, cx: &Context<'_>, q: usize) -> Option<Attribution> {
        let t = cx.tok_of(q)?;
        let range = cx.sentence_before(t);
        // `She says they love it, “…”`: the saying outranks a nearer thinking.
        let thinking = |v: usize| {
            cx.word(v).is_some_and(|w| {
                lexicon::is_cognition_verb(w) && w.chars().next().is_some_and(char::is_lowercase)
            })
        };
        for reporting in [true, false] {
            for v in range.clone().rev() {
                let fits = if reporting {
                    cx.is_verb(v)
                } else {
                    thinking(v)
                };
                if !fits {
                    continue;
                }
                let Some((who, _)) = cx.mention_before(v, range.start) else {
                    continue;
                };
                // `It speaks to how …`: an expletive `it` says nothing.
                if let super::Who::Pronoun { tok } = who
                    && lexicon::pronoun(cx.toks[tok].span.of(cx.text))
                        .is_some_and(|p| p.gender == lexicon::Gender::Neuter)
                {
                    continue;
                }
                let addressee = if reporting {
                    cx.addressee_after(v)
                } else {
                    None
                };
                return Some(Attribution {
                    who,
                    cue: reporting.then_some(v),
                    addressee,
                });
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_no_rule, assert_speaker};

    #[test]
    fn attributes_fragment_to_the_subject_who_says_it() {
        assert_speaker(
            "Ola Pim says she has “no clue” what comes next.",
            "no clue",
            Some("Ola Pim"),
            "sentence_subject",
        );
    }

    #[test]
    fn attributes_fragment_after_a_thinking_verb() {
        assert_speaker(
            "Ivo Marr felt that Bram is the “golden boy,” and left.",
            "golden boy,",
            Some("Ivo Marr"),
            "sentence_subject",
        );
    }

    #[test]
    fn reads_the_first_of_two_fragments_too() {
        let text =
            "Tess Lamb teased that she had filmed \"a big scene\" that involved \"running a lot.\"";
        assert_speaker(text, "a big scene", Some("Tess Lamb"), "sentence_subject");
        assert_speaker(
            text,
            "running a lot.",
            Some("Tess Lamb"),
            "sentence_subject",
        );
    }

    #[test]
    fn takes_the_nearest_subject_through_modal_verbs() {
        let text = "Ola Pim thinks Ivo Marr might have realized it is not as simple as “Oh, she hates me.”";
        assert_speaker(
            text,
            "Oh, she hates me.",
            Some("Ivo Marr"),
            "sentence_subject",
        );
    }

    #[test]
    fn saying_outranks_a_nearer_thinking() {
        assert_speaker(
            "Ola Pim says they love the place, “It is home.”",
            "It is home.",
            Some("Ola Pim"),
            "sentence_subject",
        );
    }

    // Negatives
    #[test]
    fn an_expletive_it_is_no_speaker() {
        let text = "It speaks to how Ivo Marr thinks Ola might have realized it is not as simple as “Oh, she hates me.”";
        assert_speaker(text, "Oh, she hates me.", Some("Ola"), "sentence_subject");
    }

    #[test]
    fn leaves_sentence_without_a_speaking_subject_alone() {
        assert_no_rule(
            "It gives her two hours a day to “chill out, forget it” every week.",
            "chill out, forget it",
        );
    }
}
