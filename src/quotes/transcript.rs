//! Transcript answers: interview turns written without quotation marks.
//!
//! In: the document and its paragraphs. Out: one `unmarked` quotation per
//! answer, with the label that names its speaker.
//!
//! A turn is a paragraph that opens with a name and a colon (`Kit Connor:`,
//! `MARIA LOPEZ:`, `ML:`, `Maria:`); it takes two such paragraphs to make a
//! transcript, so a dateline (`NEW DELHI: …`) is none. A turn that asks (it
//! ends in `?`) is the interviewer's and is not emitted. In a transcript, a
//! paragraph without a label that follows a question is the last answerer's
//! answer. A turn that opens with a quotation mark is left to the marked
//! quotation it holds.

use std::sync::LazyLock;

use regex::Regex;

use crate::lexicon;
use crate::span::Span;
use crate::text::Paragraph;

/// How many paragraphs apart two turns of one transcript may be (a question
/// and its answer may stand between them unlabelled).
const TURN_GAP: usize = 2;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Answer {
    pub para: usize,
    pub label: Span,
    pub content: Span,
}

/// The label and the text after it, for a paragraph that opens with `Name:`.
fn turn(text: &str, para: Span) -> Option<(Span, Span)> {
    let body = para.of(text);
    if !may_open_with_label(body) {
        return None;
    }
    let whole = label_match(body)?;
    let label_end = whole.as_str().find(':')?;
    let label = &body[..label_end];
    // `Transcript: …`, `Review: …`, `Update: …` head a section, not a turn;
    // `THE BIG ISSUE:` in capitals is a speaker's label all the same.
    let capitals = !label.chars().any(char::is_lowercase);
    if !capitals
        && label
            .split_whitespace()
            .any(|w| lexicon::is_non_name_word(w) || lexicon::is_title_noun(w))
    {
        return None;
    }
    let label = Span::new(para.start, para.start + label_end);
    let content = Span::new(para.start + whole.end(), para.end);
    Some((label, content))
}

/// The most words a label has: the pattern's first and three more.
const MAX_LABEL_WORDS: usize = 4;

/// `Name:` and the space after it, at the start of `body`.
fn label_match(body: &str) -> Option<regex::Match<'_>> {
    static LABEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?x)^
            (?P<label>
                \p{Lu}[\p{L}'’.-]*
                (?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|van|von|da|di|le|la)){0,3}
            )
            :\s+",
        )
        .expect("valid label pattern")
    });
    // `find`, not `captures`: the label is all of the match up to its first
    // colon (no label char is one), and a plain match runs on the regex's
    // DFA, where asking for a group takes its slower engines.
    LABEL.find(body)
}

/// Whether a paragraph can open with `Name:` at all: a label is at most
/// `MAX_LABEL_WORDS` words of letters and `'’.-`, the first starting with
/// a capital, right before its colon. So the reading stops at the first
/// other char (`,` `"` `“` a digit) or at a fifth word, and most
/// paragraphs are ruled out within their first few words without running
/// the label pattern. (Searching each paragraph for a colon first cost
/// some 5 instructions a byte of text, as most paragraphs have none.)
/// Alphabetic, uppercase and whitespace hold all that the pattern's
/// `\p{L}`, `\p{Lu}` and `\s` do.
fn may_open_with_label(body: &str) -> bool {
    let Some(first) = body.chars().next() else {
        return false;
    };
    if !(first.is_ascii_uppercase() || !first.is_ascii() && first.is_uppercase()) {
        return false;
    }
    let bytes = body.as_bytes();
    let mut words = 1;
    let mut after_space = false;
    // One more word: false when that is too many.
    let mut next_word = |after_space: &mut bool| {
        if std::mem::take(after_space) {
            words += 1;
        }
        words <= MAX_LABEL_WORDS
    };
    let mut i = first.len_utf8();
    // Bytes, not chars, through a table: only a non-ASCII char is decoded
    // on the way, and a word's letters cost a few instructions each.
    loop {
        if bytes
            .get(i)
            .is_some_and(|&b| LABEL_BYTE[usize::from(b)] == WORD)
        {
            if !next_word(&mut after_space) {
                return false;
            }
            while bytes
                .get(i)
                .is_some_and(|&b| LABEL_BYTE[usize::from(b)] == WORD)
            {
                i += 1;
            }
        }
        let Some(&b) = bytes.get(i) else {
            return false;
        };
        match LABEL_BYTE[usize::from(b)] {
            COLON => return true,
            SPACE => {
                after_space = true;
                i += 1;
            }
            OTHER => return false,
            _ => {
                let c = body[i..].chars().next().expect("i is a char boundary");
                if c.is_whitespace() {
                    after_space = true;
                } else if !((c.is_alphabetic() || c == '’') && next_word(&mut after_space)) {
                    return false;
                }
                i += c.len_utf8();
            }
        }
    }
}

/// What an ASCII byte is to a label ([`may_open_with_label`]); a byte of a
/// non-ASCII char is `DECODE`.
const WORD: u8 = 0;
const SPACE: u8 = 1;
const COLON: u8 = 2;
const OTHER: u8 = 3;
const DECODE: u8 = 4;
static LABEL_BYTE: [u8; 256] = {
    let mut table = [DECODE; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if c.is_ascii_alphabetic() || matches!(c, b'\'' | b'.' | b'-') {
            WORD
        } else if c.is_ascii_whitespace() || c == 0x0B {
            SPACE
        } else if c == b':' {
            COLON
        } else {
            OTHER
        };
        b += 1;
    }
    table
};

fn is_question(text: &str, span: Span) -> bool {
    span.of(text).trim_end().ends_with('?')
}

fn in_first_person(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .any(|w| {
            matches!(
                w,
                "I" | "I'm" | "I’m" | "me" | "my" | "My" | "we" | "We" | "our" | "Our"
            )
        })
}

fn starts_with_mark(text: &str, span: Span) -> bool {
    span.of(text).starts_with(['"', '“', '‘', '\'', '«', '„'])
}

/// The transcript answers of the document.
pub fn answers(text: &str, paras: &[Paragraph]) -> Vec<Answer> {
    // (paragraph, label, content) of each turn: most texts have none, and
    // then nothing is allocated.
    let mut turns: Vec<(usize, Span, Span)> = paras
        .iter()
        .enumerate()
        .filter_map(|(pi, p)| turn(text, p.span).map(|(label, content)| (pi, label, content)))
        .collect();
    if turns.len() < 2 {
        return Vec::new();
    }
    // Turns come in runs: a lone `Name:` far from any other (a headline
    // `Show Title: …`, a dateline) is no turn. The nearest other turn is
    // the one before or after in the list.
    let near: Vec<bool> = (0..turns.len())
        .map(|k| {
            let pi = turns[k].0;
            (k > 0 && pi - turns[k - 1].0 <= TURN_GAP)
                || turns.get(k + 1).is_some_and(|t| t.0 - pi <= TURN_GAP)
        })
        .collect();
    let mut near = near.into_iter();
    turns.retain(|_| near.next().expect("one flag a turn"));
    if turns.len() < 2 {
        return Vec::new();
    }
    let mut turns = turns.into_iter().peekable();
    let mut out = Vec::new();
    let mut in_transcript = false;
    let mut after_question = false;
    let mut after_answer = false;
    let mut answerer: Option<Span> = None;
    for (pi, para) in paras.iter().enumerate() {
        match turns
            .next_if(|t| t.0 == pi)
            .map(|(_, label, content)| (label, content))
        {
            Some((label, content)) => {
                in_transcript = true;
                // `Q:` is the interviewer's turn, whatever it ends with.
                after_question = is_question(text, content) || matches!(label.of(text), "Q" | "Q.");
                after_answer = false;
                if !after_question {
                    answerer = Some(label);
                    if !starts_with_mark(text, content) {
                        out.push(Answer {
                            para: pi,
                            label,
                            content,
                        });
                        after_answer = true;
                    }
                }
            }
            None if in_transcript => {
                let question = is_question(text, para.span);
                // An answer to a question, or an answer running on into a
                // paragraph of its own in the speaker's voice (`I mean that.`);
                // a closing line in the writer's voice ends the transcript.
                let answers = !question
                    && !starts_with_mark(text, para.span)
                    && (after_question || (after_answer && in_first_person(para.span.of(text))));
                match answerer.filter(|_| answers) {
                    Some(label) => {
                        out.push(Answer {
                            para: pi,
                            label,
                            content: para.span,
                        });
                        after_answer = true;
                    }
                    None => {
                        after_answer = false;
                        if !question {
                            in_transcript = false;
                        }
                    }
                }
                after_question = question;
            }
            None => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::paragraphs;

    fn found(text: &str) -> Vec<(&str, &str)> {
        answers(text, &paragraphs(text))
            .iter()
            .map(|a| (a.label.of(text), a.content.of(text)))
            .collect()
    }

    #[test]
    fn answers_follow_labels_and_questions() {
        let text =
            "Intro.\n\nPRESS: Why?\n\nOla Pim: Because.\n\nAnd then?\n\nWe left.\n\nThe end came.";
        assert_eq!(
            found(text),
            [("Ola Pim", "Because."), ("Ola Pim", "We left.")]
        );
    }

    #[test]
    fn an_answer_runs_on_in_the_first_person_and_stops_at_the_writers_voice() {
        let text =
            "PRESS: Any advice?\n\nOla Pim: Start early.\n\nI mean that.\n\nHer book is out now.";
        assert_eq!(
            found(text),
            [("Ola Pim", "Start early."), ("Ola Pim", "I mean that.")]
        );
    }

    #[test]
    fn a_section_heading_is_no_turn() {
        let text = "Transcript: The Loft, episode 4\n\nIvo: Hi.\n\nOla: Hello.";
        assert_eq!(found(text), [("Ivo", "Hi."), ("Ola", "Hello.")]);
    }

    #[test]
    fn q_turns_are_never_answers() {
        let text = "Q: Tell us about it.\n\nA: It was fun.\n\nQ: And then?\n\nA: We rested.";
        assert_eq!(found(text), [("A", "It was fun."), ("A", "We rested.")]);
    }

    #[test]
    fn a_single_label_is_no_transcript() {
        assert!(found("NEW DELHI: Actor Ola Pim says so.\n\nMore text.").is_empty());
    }

    #[test]
    fn a_headline_far_from_the_transcript_is_no_turn() {
        let text = "Show Title: Ola on Fame\n\nOne.\n\nTwo.\n\nThree.\n\nIvo: Hi.\n\nOla: Hello.";
        assert_eq!(found(text), [("Ivo", "Hi."), ("Ola", "Hello.")]);
    }

    #[test]
    fn labels_with_accents_and_odd_spaces_are_read() {
        let text = "Élodie: Hi.\n\nIvo\u{b}O'Neil-Pim: Hello.\n\nAnn Lee:\u{a0}Yes.";
        assert_eq!(
            found(text),
            [
                ("Élodie", "Hi."),
                ("Ivo\u{b}O'Neil-Pim", "Hello."),
                ("Ann Lee", "Yes.")
            ]
        );
        assert!(!may_open_with_label("ola: hi"));
        assert!(!may_open_with_label("Ola, 2: hi"));
        assert!(!may_open_with_label("“Ola: hi"));
        assert!(!may_open_with_label("Ola — Pim: hi"));
        assert!(may_open_with_label("Ola’s Pim: hi"));
    }

    #[test]
    fn label_pre_test_reads_up_to_the_first_colon_or_a_fifth_word() {
        // The plain reading: a capital, then label chars up to a colon, in
        // at most four words.
        let slow = |body: &str| {
            let Some(colon) = body.find(':') else {
                return false;
            };
            let mut chars = body[..colon].chars();
            chars.next().is_some_and(char::is_uppercase)
                && chars.all(|c| {
                    c.is_alphabetic() || c.is_whitespace() || matches!(c, '\'' | '.' | '-' | '’')
                })
                && body[..colon].split_whitespace().count() <= MAX_LABEL_WORDS
        };
        let long = "Ola Pim O’Neil-Lee de la Vega Junior Senior The Third";
        for body in [
            "",
            ":",
            "Ola",
            "Ola: hi",
            "ola: hi",
            "Ola Pim, 2: hi",
            "Ola Pim said so. Then: hi",
            "Élodie\u{a0}Ruiz: hi",
            "Ola — Pim: hi",
            "Ola ’tis: hi",
            "Ola\u{b}Pim:",
            "Ola: hi: there",
            "Ola 2 hi",
            "Ola de la Vega: hi",
            "Ola de la Vega Pim: hi",
            "Ola  de\u{a0}\u{a0}la \tVega:",
            "Ola de la Vega :",
            "Ola\u{a0}Élodie de la: hi",
            "Ola Élodie de la Vega: hi",
            "Élodie Élodie\u{2003}Élodie Élodie:",
            "Élodie Élodie\u{2003}Élodie Élodie Élodie:",
            "Ola’s ’Pim: hi",
            "Ola Pim \u{a0}:",
            &format!("{long}: hi"),
            &format!("{long}, hi: there"),
            &format!("{long} {long}"),
            &format!("{long}{}:", " x".repeat(40)),
            &format!("{long}{}:", " x".repeat(40) + "9"),
        ] {
            assert_eq!(may_open_with_label(body), slow(body), "{body:?}");
            // A pre-test: it never rules out a label the pattern reads.
            if label_match(body).is_some() {
                assert!(may_open_with_label(body), "{body:?}");
            }
        }
    }

    #[test]
    fn marked_turns_are_left_to_their_quotation() {
        assert_eq!(found("Ola: \"Hi.\"\n\nIvo: Hello."), [("Ivo", "Hello.")]);
    }
}
