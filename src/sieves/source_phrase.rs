//! # Source phrase
//!
//! **What it matches:** a phrase naming the source anywhere in the
//! quotation's sentence, before or after it: `According to Ola Pim, the
//! plan is “dead in the water.”`, `As Pim puts it, “…”`, `“…,” as Pim put
//! it.`
//!
//! **Leaves alone:** `according to the report` and other sources that are no
//! mention of a person or organization (`the report` is neither).
//!
//! **Why here in the order:** after the cues right beside the quotation,
//! before the sentence's subject, which it outranks: in `According to Pim,
//! Marr said …` the words are Marr's, so a reporting verb beside the
//! quotation wins first.

use super::{Attribution, Context, Sieve};

pub struct SourcePhrase;

impl Sieve for SourcePhrase {
    fn name(&self) -> &'static str {
        "source_phrase"
    }

    fn attribute(&self, cx: &Context<'_>, q: usize) -> Option<Attribution> {
        let t = cx.tok_of(q)?;
        let before = cx.sentence_before(t);
        let after = cx.after(t);
        before.chain(after).find_map(|k| source_at(cx, k))
    }
}

/// `according to X` or `as X put(s) it` starting at token `k`.
fn source_at(cx: &Context<'_>, k: usize) -> Option<Attribution> {
    // Every token of the sentence is asked: its length in bytes (2 for
    // `as`, 9 for `according`, in any case) rules out nearly all of them
    // before their text is cut out and compared.
    if !matches!(cx.toks.get(k)?.span.len(), 2 | 9) {
        return None;
    }
    let w = cx.word(k)?;
    if w.eq_ignore_ascii_case("according") && cx.word(k + 1) == Some("to") {
        let (who, _) = cx.mention_after(k + 1)?;
        return Some(Attribution {
            who,
            cue: None,
            addressee: None,
        });
    }
    if w.eq_ignore_ascii_case("as") {
        let run = cx.people.run_at(k + 1)?;
        let verb = run.toks.end;
        if matches!(cx.word(verb), Some("puts" | "put")) && cx.word(verb + 1) == Some("it") {
            return Some(Attribution {
                who: super::Who::name(run),
                cue: Some(verb),
                addressee: None,
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_no_rule, assert_speaker};

    #[test]
    fn reads_according_to_before_the_quote() {
        let text = "According to Ola Pim, the plan is “dead in the water.”";
        assert_speaker(text, "dead in the water.", Some("Ola Pim"), "source_phrase");
    }

    #[test]
    fn reads_as_x_puts_it_after_the_quote() {
        let text = "Ola Pim ran. “We never stop,” as Pim puts it.";
        assert_speaker(text, "We never stop,", Some("Ola Pim"), "source_phrase");
        // Before the quotation the verb itself is the cue.
        let text = "Ola Pim ran. As Pim puts it, “We never stop.”";
        assert_speaker(text, "We never stop.", Some("Ola Pim"), "leading_cue");
    }

    // Negatives
    #[test]
    fn leaves_a_source_that_is_no_mention_alone() {
        assert_no_rule(
            "According to the report, the plan is “dead in the water.”",
            "dead in the water.",
        );
    }
}
