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

/// The most words of manner between a verb and its quotation.
const MAX_TAIL: usize = 6;

/// Whether tokens `from..to` are words of manner or place (`with a grin`,
/// `further`, `in a statement on Instagram`), not a clause of their own
/// (`me I`, `that they`, `Ivo Marr`).
fn is_manner_tail(cx: &Context<'_>, from: usize, to: usize) -> bool {
    if to.saturating_sub(from) > MAX_TAIL {
        return false;
    }
    // Inside a phrase opened by a preposition or a determiner (`to her
    // squabbling family`, `in a statement on Instagram`) any noun may
    // follow; outside one only adverbs may (`further`, `thoughtfully`):
    // `teased filming “…”` has an object, no manner.
    let mut in_phrase = false;
    for k in from..to {
        if cx.punct(k) == Some(",") {
            in_phrase = false; // `says, to nobody in particular,`
            continue;
        }
        let Some(w) = cx.word(k) else { return false };
        let lower = w.to_lowercase();
        let verb = cx.is_verb(k) || (lexicon::is_cognition_verb(&lower) && !cx.after_determiner(k));
        if lexicon::pronoun(w).is_some_and(|p| p.case == lexicon::Case::Subject)
            || lexicon::is_clause_opener(&lower)
            || lexicon::is_auxiliary(&lower)
            || verb
        {
            return false;
        }
        let opener = lexicon::is_place_preposition(&lower) || lexicon::is_phrase_determiner(&lower);
        let adverb =
            (lower.ends_with("ly") && lower.len() > 3) || lexicon::is_manner_adverb(&lower);
        if !(opener || adverb || in_phrase) {
            return false;
        }
        in_phrase = opener || in_phrase;
    }
    true
}

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
    // `put it simply:` — `it` belongs to the verb.
    let verb_end = if matches!(cx.word(v), Some("put" | "puts")) {
        v + 2
    } else {
        v + 1
    };
    let tail_start = addressee_end.unwrap_or(verb_end);
    // `Added Priya:`, `said Mr Lyn,`: the speaker stands after the verb.
    // `Added Priya:` — always with its colon or comma; without one, `said
    // the firm “…”` makes the firm the object of what is said.
    if tail_start < e
        && e < end
        && let Some((who, end)) = cx.mention_after(v)
        && end == e
        && !matches!(who, Who::Pronoun { .. })
    {
        return Some(Attribution {
            who,
            cue: Some(v),
            addressee: None,
        });
    }
    if !is_manner_tail(cx, tail_start, e) {
        return None;
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
    if k.checked_sub(1).and_then(|p| cx.punct(p)) == Some(",") {
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
    fn manner_words_may_stand_between_verb_and_quote() {
        assert_speaker(
            "Ola Pim smiled. Pim adds with a grin: “We did it.”",
            "We did it.",
            Some("Ola Pim"),
            "leading_cue",
        );
        assert_speaker(
            "Ola Pim smiled. Pim said on Instagram: “We did it.”",
            "We did it.",
            Some("Ola Pim"),
            "leading_cue",
        );
    }

    #[test]
    fn an_object_after_the_verb_is_no_manner() {
        let r = record(
            "Ola Pim teased filming \"a big scene\" for the finale.",
            "a big scene",
        );
        assert_eq!(r.rule.as_deref(), Some("sentence_subject"));
    }

    #[test]
    fn a_role_or_school_year_before_the_name_is_passed_over() {
        assert_speaker(
            "Junior Maya Okafor said: “We won.”",
            "We won.",
            Some("Maya Okafor"),
            "leading_cue",
        );
        assert_speaker(
            "Later, showrunner Dana Wolfe said: “We wait.”",
            "We wait.",
            Some("Dana Wolfe"),
            "leading_cue",
        );
    }

    #[test]
    fn an_attribution_set_inside_the_sentence() {
        let text = "Tia Lamb and Ivo Marr met. Marr, she said, “rang me at eleven at night.”";
        assert_speaker(
            text,
            "rang me at eleven at night.",
            Some("Tia Lamb"),
            "leading_cue",
        );
    }

    #[test]
    fn an_introductory_phrase_before_the_speaker() {
        let text = "Speaking to Daily Lens about the film, Ola Pim said: “It took years.”";
        assert_speaker(text, "It took years.", Some("Ola Pim"), "leading_cue");
    }

    #[test]
    fn a_second_verb_of_the_clause_speaks_for_its_subject() {
        let text = "Ines Varga (Ana Ruiz) stands at the end of a jetty and says, to nobody in particular, “This place eats people.”";
        assert_speaker(
            text,
            "This place eats people.",
            Some("Ines Varga"),
            "leading_cue",
        );
    }

    #[test]
    fn a_noun_phrase_after_a_preposition_is_manner() {
        let text =
            "When Nan Whitlock announces to her squabbling family, “I am selling the orchard.”";
        assert_speaker(
            text,
            "I am selling the orchard.",
            Some("Nan Whitlock"),
            "leading_cue",
        );
    }

    #[test]
    fn a_relative_pronoun_opening_the_text_is_no_antecedent() {
        crate::testing::assert_no_rule("who says \"hi there\" to me.", "hi there");
    }

    #[test]
    fn inverted_order_before_the_quote() {
        assert_speaker(
            "Ola Pim and Ivo Marr met. Added Pim: “We did it.”",
            "We did it.",
            Some("Ola Pim"),
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
