//! # Colon intro
//!
//! **What it matches:** a paragraph that ends by introducing a quotation with
//! a colon, the quotation opening the next paragraph: `Oseman said:` ¶
//! `“…”`, `And from Chairwoman Rosenworcel:` ¶ `“…”`, and `from NAME:` in
//! the same sentence.
//!
//! **Leaves alone:** a colon after anything but a cue or `from NAME`
//! (`Here's a look at the exchange:` names nobody).
//!
//! **Why here in the order:** after the cues of the quotation's own
//! paragraph, which are closer evidence.

use super::leading_cue::leading;
use super::{Attribution, Context, Sieve, Who};

pub struct ColonIntro;

impl Sieve for ColonIntro {
    fn name(&self) -> &'static str {
        "colon_intro"
    }

    fn attribute(&self, cx: &Context<'_>, q: usize) -> Option<Attribution> {
        let t = cx.tok_of(q)?;
        let colon = if cx.opens_paragraph(t) {
            t.checked_sub(1)?
        } else {
            let before = cx.before(t);
            (before.end > before.start).then(|| t - 1)?
        };
        if cx.punct(colon) != Some(":") {
            return None;
        }
        let sentence = cx.sentence_before(colon);
        if cx.opens_paragraph(t)
            && let Some(a) = leading(cx, sentence.start, colon + 1)
        {
            return Some(a);
        }
        // `from Chairwoman Rosenworcel:`
        let run = cx.people.run_ending(colon)?;
        let first = run.honorific.or(run.role).unwrap_or(run.toks.start);
        (first > 0
            && cx
                .word(first - 1)
                .is_some_and(|w| w.eq_ignore_ascii_case("from")))
        .then(|| Attribution {
            who: Who::name(run),
            cue: None,
            addressee: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_no_rule, assert_speaker};

    #[test]
    fn attributes_quote_after_a_paragraph_ending_in_a_cue() {
        assert_speaker(
            "Asked about it, Tess Lamb said:\n\n“It was fun.”",
            "It was fun.",
            Some("Tess Lamb"),
            "colon_intro",
        );
    }

    #[test]
    fn attributes_from_name_colon() {
        assert_speaker(
            "And from Senator Ivo Marr:\n\n“We agree.”",
            "We agree.",
            Some("Ivo Marr"),
            "colon_intro",
        );
    }

    // Negatives
    #[test]
    fn leaves_a_colon_that_names_nobody_alone() {
        assert_no_rule(
            "Here is a look at the exchange:\n\n“It was fun.”",
            "It was fun.",
        );
    }
}
