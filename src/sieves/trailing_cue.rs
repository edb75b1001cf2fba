//! # Trailing cue
//!
//! **What it matches:** a reporting verb and its speaker right after the
//! quotation, in either order, before the writer's sentence ends:
//! `“…,” Connor says.`, `“…,” he says.`, `"…," Nick says to Charlie.`,
//! `"…," Locke previously shared about …`, `"…," said 31-year-old Lambert.`,
//! `"…" insists Burton.`, `“…,” the actor told reporters.`, `“…,” one viewer
//! wrote.` (somebody unnamed: no speaker).
//!
//! **Leaves alone:** `“…,” compared to season 1` (no reporting verb), and a
//! verb whose subject does not start right after the quotation.
//!
//! **Why here in the order:** the commonest pattern of the press and the most
//! local evidence; it wins over everything but a transcript label.

use super::{Attribution, Context, Sieve, Who};
use crate::lexicon;

pub struct TrailingCue;

impl Sieve for TrailingCue {
    fn name(&self) -> &'static str {
        "trailing_cue"
    }

    fn attribute(&self, cx: &Context<'_>, q: usize) -> Option<Attribution> {
        let t = cx.tok_of(q)?;
        trailing(cx, t)
    }
}

/// The cue after quotation token `t`, if there is one.
pub fn trailing(cx: &Context<'_>, t: usize) -> Option<Attribution> {
    let range = cx.after(t);
    // A headline: `“I still get stage fright”: Ola Pim on her return`.
    if cx.opens_paragraph(t)
        && cx.punct(range.start) == Some(":")
        && let Some(run) = cx.people.run_at(range.start + 1).or_else(|| {
            let skip = range.start + 2;
            cx.word(range.start + 1)
                .filter(|w| lexicon::person_noun(w).is_some() || lexicon::honorific(w).is_some())
                .and_then(|_| cx.people.run_at(skip))
        })
        && !run.possessive
        && cx
            .word(run.toks.end)
            .is_none_or(|w| matches!(w, "on" | "about" | "says" | "talks"))
    {
        return Some(Attribution {
            who: Who::name(run),
            cue: None,
            addressee: None,
        });
    }
    let mut i = range.start;
    let mut dash = false;
    while i < range.end && matches!(cx.punct(i), Some("," | ";" | "—" | "–" | "-")) {
        dash |= cx.punct(i) != Some(",") && cx.punct(i) != Some(";");
        i += 1;
    }
    if i >= range.end {
        return None;
    }
    // A byline after a dash, and nothing else: `“…” —Commissioner Ana Ruiz`.
    if dash {
        let start = cx
            .word(i)
            .filter(|w| lexicon::honorific(w).is_some() || lexicon::person_noun(w).is_some())
            .map_or(i, |_| i + 1);
        if let Some(run) = cx.people.run_at(start)
            && run.toks.end == range.end
        {
            return Some(Attribution {
                who: Who::name(run),
                cue: None,
                addressee: None,
            });
        }
    }
    // `…, according to Ola Pim.`
    if cx
        .word(i)
        .is_some_and(|w| w.eq_ignore_ascii_case("according"))
        && cx.word(i + 1) == Some("to")
    {
        let (who, _) = cx.mention_after(i + 1)?;
        return Some(Attribution {
            who,
            cue: None,
            addressee: None,
        });
    }
    if cx.is_verb(i) {
        let (who, _) = cx.mention_after(i)?;
        return Some(Attribution {
            who,
            cue: Some(i),
            addressee: cx.addressee_after(i),
        });
    }
    // Subject first: the verb within a few words.
    let limit = range.end.min(i + 9);
    let v = (i + 1..limit).find(|&v| cx.is_verb(v))?;
    let (who, start) = cx.mention_before(v, i)?;
    (start == i).then(|| Attribution {
        who,
        cue: Some(v),
        addressee: cx.addressee_after(v),
    })
}

#[cfg(test)]
mod tests {
    use crate::testing::assert_speaker;

    #[test]
    fn attributes_name_after_quote() {
        assert_speaker(
            "Ola Pim won. “It was hard,” Pim says.",
            "It was hard,",
            Some("Ola Pim"),
            "trailing_cue",
        );
    }

    #[test]
    fn attributes_inverted_verb_and_honorific() {
        assert_speaker(
            "Ivo Marr spoke. \"We tried,\" said Mr Marr.",
            "We tried,",
            Some("Ivo Marr"),
            "trailing_cue",
        );
        assert_speaker(
            "\"I won,\" said 31-year-old Tess Lamb.",
            "I won,",
            Some("Tess Lamb"),
            "trailing_cue",
        );
    }

    #[test]
    fn resolves_pronoun_to_last_subject() {
        assert_speaker(
            "Ola Pim sat down. “It was hard,” she says.",
            "It was hard,",
            Some("Ola Pim"),
            "trailing_cue",
        );
    }

    #[test]
    fn reads_addressee_and_adverb() {
        let r = crate::testing::record(
            "Ola Pim smiled. “Yes,” Pim tells Daily Lens. “No,” Pim later told her sister.",
            "Yes,",
        );
        assert_eq!(r.addressee.as_deref(), Some("Daily Lens"));
        assert_eq!(r.cue.as_deref(), Some("tells"));
        let r = crate::testing::record("Ola Pim smiled. “No,” Pim later told her sister.", "No,");
        assert_eq!(r.addressee.as_deref(), Some("her sister"));
    }

    #[test]
    fn unnamed_speaker_is_nobody() {
        assert_speaker(
            "Ola Pim sang. “Great show,” one viewer wrote.",
            "Great show,",
            None,
            "trailing_cue",
        );
    }

    #[test]
    fn pronoun_without_antecedent_is_nobody() {
        assert_speaker("“Hello,” he said.", "Hello,", None, "trailing_cue");
    }

    #[test]
    fn attributes_a_headline_quote_to_the_name_after_its_colon() {
        let text = "“I still get stage fright”: Ola Pim on her return\n\nOla Pim is back.";
        assert_speaker(
            text,
            "I still get stage fright",
            Some("Ola Pim"),
            "trailing_cue",
        );
    }

    #[test]
    fn attributes_a_byline_after_a_dash() {
        assert_speaker(
            "“We agree on this.” -Commissioner Ana Ruiz",
            "We agree on this.",
            Some("Ana Ruiz"),
            "trailing_cue",
        );
    }

    #[test]
    fn keeps_the_honorific_of_a_bare_surname() {
        assert_speaker(
            "\"Hello\"--said Mr. Quillby",
            "Hello",
            Some("Mr. Quillby"),
            "trailing_cue",
        );
    }

    #[test]
    fn reads_according_to() {
        assert_speaker(
            "“Sales fell,” according to Ola Pim.",
            "Sales fell,",
            Some("Ola Pim"),
            "trailing_cue",
        );
    }

    #[test]
    fn reads_went_on_to_say() {
        assert_speaker(
            "Ola Pim sat. “Sales fell,” Pim went on to say.",
            "Sales fell,",
            Some("Ola Pim"),
            "trailing_cue",
        );
    }

    #[test]
    fn a_description_after_an_inverted_name_is_passed_over() {
        let text = "Rates rose. \"It will bite,\" said Tom Reyes, an economist at Halden Bank.";
        assert_speaker(text, "It will bite,", Some("Tom Reyes"), "trailing_cue");
    }

    #[test]
    fn reporting_verbs_well_beyond_say_with_manner_words() {
        for verb in [
            "explains",
            "notes thoughtfully",
            "continues",
            "concludes",
            "replies",
            "jokes",
            "recalls",
            "admits",
            "insists",
            "tweeted",
            "posted",
            "wrote",
            "stated",
            "stressed",
            "adds with a grin",
        ] {
            let text = format!("Ola Pim paused. “It is done,” Pim {verb}.");
            assert_speaker(&text, "It is done,", Some("Ola Pim"), "trailing_cue");
        }
    }

    #[test]
    fn reads_a_publication_as_addressee() {
        let r = crate::testing::record("Ola Pim smiled. “We won,” Pim told The Times.", "We won,");
        assert_eq!(r.addressee.as_deref(), Some("The Times"));
    }

    // Negatives
    #[test]
    fn the_sentence_after_a_full_stop_is_no_cue() {
        crate::testing::assert_no_rule("“We are done.” The girl smiled and left.", "We are done.");
    }

    #[test]
    fn leaves_quote_without_verb_alone() {
        crate::testing::assert_no_rule("“We felt it,” compared to last year.", "We felt it,");
    }
}
