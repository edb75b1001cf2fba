//! # Leading cue
//!
//! **What it matches:** a speaker and reporting verb right before the
//! quotation, ending in a comma, a colon or nothing: `Joe Locke adds, “…”`,
//! `Charlie responds with, "…"`, `David corrects him: “Glasgow,”`, `He says
//! further: “…”`, `Speaking to Variety, Bailey said: “…”`, `a message from
//! Nick that says "hi"` (the message belongs to whoever sent it), and
//! `She added …, saying: “…”` (the clause's subject).
//!
//! **Leaves alone:** a verb followed by a clause of its own (`Bill told me I
//! "…"`: that is the sentence-subject rule's), and anything more than a
//! few words before the quotation.
//!
//! **Why here in the order:** as local as a trailing cue, but a trailing cue
//! is read first because `“…,” he said, “…”` hands its second half here too.

use super::{Attribution, Context, Sieve, Who};
use crate::lexicon;

pub struct LeadingCue;

impl Sieve for LeadingCue {
    fn name(&self) -> &'static str {
        "leading_cue"
    }

    fn attribute(&self, cx: &Context<'_>, q: usize) -> Option<Attribution> {
        let t = cx.tok_of(q)?;
        let range = cx.before(t);
        leading(cx, range.start, range.end)
    }
}

/// Words that may stand between a verb and its quotation.
const TAIL: &[&str] = &[
    "with",
    "further",
    "also",
    "simply",
    "then",
    "again",
    "later",
    "in",
    "a",
    "an",
    "the",
    "on",
    "to",
    "statement",
    "interview",
    "post",
    "tweet",
    "message",
    "note",
    "afterwards",
    "once",
    "recently",
];

/// The cue in tokens `floor..end` that introduces what follows them.
pub fn leading(cx: &Context<'_>, floor: usize, end: usize) -> Option<Attribution> {
    if end <= floor {
        return None;
    }
    let mut e = end;
    if matches!(cx.punct(e - 1), Some(":" | "," | "—" | "–")) {
        e -= 1;
    }
    let lowest = floor.max(e.saturating_sub(7));
    let v = (lowest..e).rev().find(|&v| cx.is_verb(v))?;
    let addressee = cx.addressee_after(v);
    // What stands between the verb and the quotation must be an addressee
    // or a few words of manner, never a clause of its own.
    let addressee_end = addressee.map(|a| {
        (v + 1..e)
            .find(|&k| cx.toks[k].span.end >= a.end)
            .map_or(v + 1, |k| k + 1)
    });
    let tail_start = addressee_end.unwrap_or(v + 1);
    let mut prev_ok = false;
    for k in tail_start..e {
        let w = cx.word(k)?;
        let capital =
            w.chars().next().is_some_and(char::is_uppercase) && lexicon::pronoun(w).is_none();
        // `said on Instagram:` — a name only after a word of the tail.
        prev_ok = TAIL.contains(&w) || (capital && prev_ok);
        if !prev_ok {
            return None;
        }
    }
    let word = cx.word(v)?;
    // `…, saying: “…”`: the participle's subject is the clause's.
    if word.ends_with("ing") && v > floor && cx.punct(v - 1) == Some(",") {
        let entity = cx.people.sentence_subject(cx.toks, v)?;
        return Some(Attribution {
            who: Who::Entity { entity },
            cue: Some(v),
            addressee,
        });
    }
    let who = match cx.mention_before(v, floor) {
        Some((who, _)) => who,
        None => relative_antecedent(cx, v, floor)?,
    };
    Some(Attribution {
        who,
        cue: Some(v),
        addressee,
    })
}

/// `a text from Nick that says`, `Ola, who said`: the name the relative
/// pronoun before the verb at `v` stands for.
fn relative_antecedent(cx: &Context<'_>, v: usize, floor: usize) -> Option<Who> {
    let rel = v.checked_sub(1)?;
    if !matches!(cx.word(rel), Some("that" | "which" | "who")) {
        return None;
    }
    let mut k = rel;
    if cx.punct(k - 1) == Some(",") {
        k -= 1;
    }
    let run = cx.people.run_ending(k).filter(|r| r.toks.start >= floor)?;
    let from = run.toks.start.checked_sub(1).and_then(|p| cx.word(p));
    let comma_who = cx.word(rel) == Some("who");
    (comma_who
        || from.is_some_and(|w| w == "from" || w == "by")
        || lexicon::person_noun(from.unwrap_or("")).is_some())
    .then(|| Who::name(run))
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_no_rule, assert_speaker, record};

    #[test]
    fn attributes_name_and_verb_before_quote() {
        assert_speaker(
            "Ola Pim won. Later, Tess Lamb adds, “We’re like family.”",
            "We’re like family.",
            Some("Tess Lamb"),
            "leading_cue",
        );
    }

    #[test]
    fn reads_colon_and_object_pronoun() {
        let r = record(
            "“Go to Porto,” Ivo says. Bram corrects him: “Lisbon,” which is close.",
            "Lisbon,",
        );
        assert_eq!(r.speaker.as_deref(), Some("Bram"));
        assert_eq!(r.rule.as_deref(), Some("leading_cue"));
        assert_eq!(r.addressee.as_deref(), Some("him"));
        assert_eq!(r.cue.as_deref(), Some("corrects"));
    }

    #[test]
    fn a_message_belongs_to_its_sender() {
        assert_speaker(
            "Ivo (Tess Lamb) wakes up to a text from Bram that says \"hey\" with a heart.",
            "hey",
            Some("Bram"),
            "leading_cue",
        );
    }

    #[test]
    fn participle_takes_the_clause_subject() {
        assert_speaker(
            "Ola Pim sat down. She added that it is hard, saying: “It is.”",
            "It is.",
            Some("Ola Pim"),
            "leading_cue",
        );
    }

    #[test]
    fn second_half_of_a_split_quote() {
        assert_speaker(
            "Ola Pim paused. “That,” Pim sighs, “was the point.”",
            "That,",
            Some("Ola Pim"),
            "trailing_cue",
        );
        assert_speaker(
            "Ola Pim paused. “That,” Pim sighs, “was the point.”",
            "was the point.",
            Some("Ola Pim"),
            "leading_cue",
        );
    }

    // Negatives
    #[test]
    fn leaves_verb_with_its_own_clause_to_the_sentence_rule() {
        let r = record(
            "Ivo Marr told me I \"should stay\" but I left.",
            "should stay",
        );
        assert_eq!(r.rule.as_deref(), Some("sentence_subject"));
    }

    #[test]
    fn leaves_verb_far_before_the_quote_alone() {
        let r = record(
            "Ivo Marr said that this long sentence with many words would end in “Yes, sure thing.”",
            "Yes, sure thing.",
        );
        assert_ne!(r.rule.as_deref(), Some("leading_cue"));
    }

    #[test]
    fn leaves_a_sentence_without_a_cue_alone() {
        assert_no_rule(
            "The long day would end in “Yes, sure thing.”",
            "Yes, sure thing.",
        );
    }
}
