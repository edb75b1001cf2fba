//! # Transcript label
//!
//! **What it matches:** an interview turn that opens with the speaker's name
//! and a colon: `Partridge: "…"`, `MARIA LOPEZ: …`, `Maria: …`, marked or
//! unmarked (an unmarked answer carries its label from the quote stage).
//!
//! **Leaves alone:** a colon after anything but a bare name at the start of
//! the paragraph (`Editor’s note: …`).
//!
//! **Why here in the order:** first: a label is the text saying outright who
//! speaks.

use super::{Attribution, Context, Sieve, Who};

pub struct TranscriptLabel;

impl Sieve for TranscriptLabel {
    fn name(&self) -> &'static str {
        "transcript_label"
    }

    fn attribute(&self, cx: &Context<'_>, q: usize) -> Option<Attribution> {
        if let Some(label) = cx.quotes[q].label {
            // `A:` answers for whoever the interview is with: the person the
            // article names most.
            if matches!(label.of(cx.text), "A" | "A.") {
                let entity = cx.people.main_person()?;
                return Some(Attribution {
                    who: Who::Entity { entity },
                    cue: None,
                    addressee: None,
                });
            }
            let words = cx.text[label.start..label.end]
                .split_whitespace()
                .map(|w| {
                    let start = label.start
                        + (w.as_ptr() as usize - cx.text[label.start..].as_ptr() as usize);
                    crate::span::Span::new(start, start + w.len())
                })
                .collect();
            return Some(Attribution {
                who: Who::Label { words, span: label },
                cue: None,
                addressee: None,
            });
        }
        let t = cx.tok_of(q)?;
        let colon = t.checked_sub(1)?;
        if cx.punct(colon) != Some(":") {
            return None;
        }
        let run = cx.people.run_ending(colon)?;
        let start = run.descriptor_start;
        cx.opens_paragraph(start).then(|| Attribution {
            who: Who::name(run),
            cue: None,
            addressee: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{assert_speaker, record};

    #[test]
    fn attributes_marked_answer_to_its_label() {
        let text = "Ivo Marr met Tess Lamb.\n\nBrand: \"Hi there, how are you?\"\n\nLamb: \"Fine, thanks.\"";
        assert_speaker(text, "Fine, thanks.", Some("Tess Lamb"), "transcript_label");
    }

    #[test]
    fn first_name_labels_resolve_to_the_full_name() {
        let text = "An interview with Maria Lopez.\n\nSuzy: How was it?\n\nMaria: It was fun.\n\nSuzy: And then?\n\nMaria: We rested.";
        assert_speaker(text, "It was fun.", Some("Maria Lopez"), "transcript_label");
    }

    #[test]
    fn a_answers_for_the_person_the_article_is_about() {
        let text = "Tamsin Rook makes pots. Rook lives in Leeds.\n\nQ: How did it start?\n\nA: By accident.\n\nQ: And now?\n\nA: Still by accident.";
        assert_speaker(
            text,
            "By accident.",
            Some("Tamsin Rook"),
            "transcript_label",
        );
    }

    #[test]
    fn a_label_may_carry_a_role() {
        let text = "Chef Ola Pim: ‘I burned the first loaves’\n\nOla Pim bakes.";
        assert_speaker(
            text,
            "I burned the first loaves",
            Some("Ola Pim"),
            "transcript_label",
        );
    }

    #[test]
    fn attributes_unmarked_answers_and_skips_questions() {
        let text = "INTERVIEWER: What was it like?\n\nTESS LAMB: It was fun. Really.\n\nAnd after?\n\nI slept.";
        let r = record(text, "It was fun. Really.");
        assert_eq!(r.speaker.as_deref(), Some("Tess Lamb"));
        assert_eq!(r.kind, "unmarked");
        assert_eq!(
            record(text, "I slept.").speaker.as_deref(),
            Some("Tess Lamb")
        );
        assert!(crate::testing::find(text, "What was it like?").is_none());
    }
}
