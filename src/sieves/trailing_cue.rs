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

use super::{Attribution, Context, Sieve};

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
    let mut i = range.start;
    while i < range.end && matches!(cx.punct(i), Some("," | ";" | "—" | "–" | "-")) {
        i += 1;
    }
    if i >= range.end {
        return None;
    }
    if cx.is_verb(i) {
        let who = cx.mention_after(i)?;
        return Some(Attribution { who, cue: Some(i), addressee: cx.addressee_after(i) });
    }
    // Subject first: the verb within a few words.
    let limit = range.end.min(i + 9);
    let v = (i + 1..limit).find(|&v| cx.is_verb(v))?;
    let (who, start) = cx.mention_before(v, i)?;
    (start == i).then(|| Attribution { who, cue: Some(v), addressee: cx.addressee_after(v) })
}

#[cfg(test)]
mod tests {
    use crate::testing::assert_speaker;

    #[test]
    fn attributes_name_after_quote() {
        assert_speaker("Ola Pim won. “It was hard,” Pim says.", "It was hard,", Some("Ola Pim"), "trailing_cue");
    }

    #[test]
    fn attributes_inverted_verb_and_honorific() {
        assert_speaker("Ivo Brand spoke. \"We tried,\" said Mr Brand.", "We tried,", Some("Ivo Brand"), "trailing_cue");
        assert_speaker("\"I won,\" said 31-year-old Tess Lamb.", "I won,", Some("Tess Lamb"), "trailing_cue");
    }

    #[test]
    fn resolves_pronoun_to_last_subject() {
        assert_speaker("Ola Pim sat down. “It was hard,” she says.", "It was hard,", Some("Ola Pim"), "trailing_cue");
    }

    #[test]
    fn reads_addressee_and_adverb() {
        let r = crate::testing::record("Ola Pim smiled. “Yes,” Pim tells Daily Lens. “No,” Pim later told her sister.", "Yes,");
        assert_eq!(r.addressee.as_deref(), Some("Daily Lens"));
        assert_eq!(r.cue.as_deref(), Some("tells"));
        let r = crate::testing::record("Ola Pim smiled. “No,” Pim later told her sister.", "No,");
        assert_eq!(r.addressee.as_deref(), Some("her sister"));
    }

    #[test]
    fn unnamed_speaker_is_nobody() {
        assert_speaker("Ola Pim sang. “Great show,” one viewer wrote.", "Great show,", None, "trailing_cue");
    }

    #[test]
    fn pronoun_without_antecedent_is_nobody() {
        assert_speaker("“Hello,” he said.", "Hello,", None, "trailing_cue");
    }

    // Negatives
    #[test]
    fn leaves_quote_without_verb_alone() {
        crate::testing::assert_no_rule("“We felt it,” compared to last year.", "We felt it,");
    }
}
