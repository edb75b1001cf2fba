//! # Multi-paragraph
//!
//! **What it matches:** a quotation that runs over several paragraphs, each
//! re-opened with a mark and none closed until the last. It is one
//! utterance: every part takes the speaker found for any part, earlier
//! parts first. `Oseman said: “…` ¶ `“…”`; `“…` ¶ `“…,” the actor told
//! reporters.`
//!
//! **Leaves alone:** a quotation that was closed before the next one opened.
//!
//! **Why here in the order:** after every cue of the part itself, before any
//! guess from the surrounding text.

use super::colon_intro::ColonIntro;
use super::leading_cue::LeadingCue;
use super::trailing_cue::TrailingCue;
use super::{Attribution, Context, Sieve, Who};

pub struct MultiParagraph;

impl Sieve for MultiParagraph {
    fn name(&self) -> &'static str {
        "multi_paragraph"
    }

    fn attribute(&self, cx: &Context<'_>, q: usize) -> Option<Attribution> {
        let members = cx.chain_members(q);
        if members.len() < 2 {
            return None;
        }
        // The nearest earlier part already carries the chain's speaker.
        let at = members.partition_point(|&m| m < q);
        if let Some(entity) = at
            .checked_sub(1)
            .and_then(|i| cx.decided[members[i]].as_ref())
            .and_then(|d| d.speaker)
        {
            return Some(Attribution {
                who: Who::Entity { entity },
                cue: None,
                addressee: None,
            });
        }
        // Else a cue in one of the next parts; a few only, so that a chain of
        // thousands of cue-less parts costs no more than its length.
        let cues: [&dyn Sieve; 3] = [&TrailingCue, &LeadingCue, &ColonIntro];
        members[at..]
            .iter()
            .filter(|&&m| m > q)
            .take(LOOKAHEAD)
            .find_map(|&m| cues.iter().find_map(|s| s.attribute(cx, m)))
            .map(|a| Attribution {
                who: a.who,
                cue: None,
                addressee: None,
            })
    }
}

/// How many later parts of a chain are searched for its cue.
const LOOKAHEAD: usize = 8;

#[cfg(test)]
mod tests {
    use crate::testing::assert_speaker;

    #[test]
    fn later_parts_take_the_first_parts_speaker() {
        let text = "Tess Lamb said: “First part.\n\n“Second part.\n\n“Third part.”";
        assert_speaker(text, "Second part.", Some("Tess Lamb"), "multi_paragraph");
        assert_speaker(text, "Third part.", Some("Tess Lamb"), "multi_paragraph");
    }

    #[test]
    fn earlier_parts_take_a_later_cue() {
        let text =
            "Ivo Marr spoke.\n\n\"It was long.\n\n\"It was good,\" the director told reporters.";
        assert_speaker(text, "It was long.", Some("Ivo Marr"), "multi_paragraph");
    }
}
