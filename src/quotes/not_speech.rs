//! Not speech: quoted text that nobody said — titles of works, names and
//! nicknames, words held up as words. Such quotations are never emitted.
//!
//! In: the quoted text and the text just before and after it. Out: the
//! reason it is not speech, or `None`.
//!
//! What it matches:
//! - a naming word before it: `an album called ’21’`, `the word “cheat”`;
//! - a title noun beside a capitalised quotation: `the film “Lanterns”`,
//!   `(“Lanterns” films)`, `'Lanterns' Season 2`;
//! - a nickname between two capitalised words: `Mara “The Hawk” Quill`;
//! - Title Case text that does not end a sentence, `"I Want To Leave"`,
//!   `‘Lanterns’`, unless a colon or a cue marks it as speech: `Ola
//!   corrects him: “Lisbon,”`, `"Lisbon," she said.`
//!
//! - a few lower-case words where nobody in the sentence says or thinks
//!   anything: a scare quote (`never “difficult”`, `from "hold."`);
//! - slogans (`slogan – “Hold less.” –`) and text in capitals throughout.
//!
//! Leaves alone: a few words somebody says or thinks (`Ola thinks cats are
//! “cuties”`, `said it was "baffling"`), and any quotation that is a
//! sentence of its own (`“Bob.”`).

use std::cell::OnceCell;

use serde::Serialize;

use super::kind::{count_words, first_word, last_word, starts_with_cue};
use crate::lexicon;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NotSpeech {
    /// Named by the word before it: called, titled, the word, the name.
    NamedAs,
    /// A title noun stands beside it: film, series, song, album.
    Title,
    /// Between two capitalised words: a nickname inside a name.
    Nickname,
    /// Title Case, not a sentence, no cue: a title or proper name.
    TitleCase,
    /// A few lower-case words in a sentence where nobody says or thinks
    /// anything: a scare quote (`never “difficult”`) or a word held up.
    ScareQuote,
    /// No letters or digits at all.
    Empty,
}

/// `closed`: whether the quotation has its closing mark. One left open at
/// its paragraph's end runs on into the next, and a title never does.
pub fn classify(content: &str, before: &str, after: &str, closed: bool) -> Option<NotSpeech> {
    let trimmed = content.trim().trim_end_matches([',', ';', ':']).trim_end();
    if !trimmed.chars().any(char::is_alphanumeric) {
        return Some(NotSpeech::Empty);
    }
    if !closed {
        return None;
    }
    // Trimmed once: most rules read the text before up to its last word.
    let before_end = before.trim_end();
    let prev = last_word(before_end);
    let prev_adjacent = prev.is_some() && before.ends_with(|c: char| c.is_whitespace());
    // `an album called ’21’` names; `that she called “the lightest thing”`
    // is her speech: a naming verb with its own subject reports words.
    let characterising = prev.is_some_and(lexicon::is_characterising_verb);
    let named_by_someone = prev_adjacent
        && characterising
        && last_word(before_end.strip_suffix(prev.unwrap_or("")).unwrap_or(""))
            .is_some_and(|w| lexicon::pronoun(w).is_some_and(|p| p.case == lexicon::Case::Subject));
    if prev_adjacent && prev.is_some_and(is_naming) && !named_by_someone {
        return Some(NotSpeech::NamedAs);
    }
    // `uses that word, 'cheat', again`, `its slogan – “Hold less.” –`
    let before_mark = before_end.trim_end_matches([',', ':', '–', '—', '-']);
    if before_mark.len() < before_end.len() && last_word(before_mark).is_some_and(is_naming) {
        return Some(NotSpeech::NamedAs);
    }
    // Counted once, and only for a quotation that gets as far as a rule
    // that asks: most are ruled on by cheaper tests first.
    let word_count = OnceCell::new();
    let words = || *word_count.get_or_init(|| count_words(trimmed, WORDS_COUNTED));
    // Asked by several rules, answered once.
    let ends = OnceCell::new();
    let ends_sentence = || *ends.get_or_init(|| ends_sentence(trimmed));
    // `SLOW IS THE NEW LOUD`: capitals throughout are a slogan or a sign.
    let letters = trimmed.chars().filter(|c| c.is_alphabetic());
    if letters.clone().all(char::is_uppercase)
        && letters.clone().nth(3).is_some() // more than three
        && words() >= 2
    {
        return Some(NotSpeech::TitleCase);
    }
    if before_end.ends_with(" known as") || before_end.ends_with(" aka") {
        return Some(NotSpeech::NamedAs);
    }
    let starts_capital = trimmed
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_numeric());
    let next = Some(after)
        .filter(|a| a.starts_with(char::is_whitespace))
        .and_then(first_word);
    if starts_capital
        && (prev
            .filter(|_| prev_adjacent)
            .is_some_and(lexicon::is_title_noun)
            || next.is_some_and(lexicon::is_title_noun))
        && !ends_sentence()
    {
        return Some(NotSpeech::Title);
    }
    let capitalised =
        |w: Option<&str>| w.is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
    if prev_adjacent && capitalised(prev) && capitalised(next) && words() <= 3 && !ends_sentence() {
        return Some(NotSpeech::Nickname);
    }
    if is_scare_quote(trimmed, words, ends_sentence, before) && !starts_with_cue(after) {
        return Some(NotSpeech::ScareQuote);
    }
    // The cheap test first: a sentence is never a title here.
    if !ends_sentence() && is_title_case(trimmed) {
        // `David corrects him: “Glasgow,”` is speech; `Review: ‘Lanterns’` is not.
        let colon_before =
            before_end.ends_with(':') && sentence_has_verb(before_end.trim_end_matches(':'));
        // `says only, “Oh,”`: a verb a word or two before.
        let verb_before = words() == 1 && verb_within(before, 3);
        if !(colon_before || verb_before || starts_with_cue(after)) {
            return Some(NotSpeech::TitleCase);
        }
    }
    None
}

/// Whether one of the last `n` words of `before` is a reporting verb.
fn verb_within(before: &str, n: usize) -> bool {
    before
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .rev()
        .take(n)
        .any(|w| w.chars().next().is_some_and(char::is_lowercase) && lexicon::is_reporting_verb(w))
}

/// The most words a scare quote has.
const SCARE_WORDS: usize = 3;

/// `never “difficult”`, `that’s “having a day”`: a few lower-case words, no
/// sentence of their own, where the writer's sentence has nobody saying or
/// thinking anything before them. `words`: the word count of `trimmed`;
/// `ends_sentence`: whether `trimmed` ends a sentence.
fn is_scare_quote(
    trimmed: &str,
    words: impl FnOnce() -> usize,
    ends_sentence: impl FnOnce() -> bool,
    before: &str,
) -> bool {
    // Inside the writer's sentence (a word before it), where US style puts
    // the sentence's stop inside the marks: `from "hold."`.
    let inside = before.trim_end().ends_with(|c: char| c.is_alphanumeric());
    // Asked last: it reads the whole quotation.
    let stop_inside = || {
        trimmed
            .strip_suffix('.')
            .is_some_and(|t| !t.contains(['.', '!', '?']))
    };
    inside
        && trimmed.chars().next().is_some_and(char::is_lowercase)
        && words() <= SCARE_WORDS
        && (!ends_sentence() || stop_inside())
        && !trimmed.contains(',')
        && !sentence_has_verb(before)
}

/// Whether the sentence that `before` ends in has a reporting or thinking
/// verb (`says`, `told`, `thinks`).
fn sentence_has_verb(before: &str) -> bool {
    let start = before
        .char_indices()
        .rev()
        .find(|&(i, c)| {
            matches!(c, '.' | '!' | '?') && before[i + 1..].starts_with(char::is_whitespace)
        })
        .map_or(0, |(i, _)| i + 1);
    before[start..]
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’' && c != '-')
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .any(|w| lexicon::is_reporting_verb(w) || lexicon::is_cognition_verb(w))
}

fn is_naming(word: &str) -> bool {
    lexicon::is_naming_word(word)
}

/// Whether quoted text ends a sentence: `.`, `!`, `?` or `…`, closing
/// marks and brackets aside.
pub fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(['"', '”', '’', '\'', ')'])
        .ends_with(['.', '!', '?', '…'])
}

/// Where the word count stops: "more than three". No rule asks about more
/// than three words (a nickname, a scare quote).
const WORDS_COUNTED: usize = 4;
const _: () = assert!(SCARE_WORDS < WORDS_COUNTED);

/// Every major word capitalised (or a number), at most ten words.
fn is_title_case(text: &str) -> bool {
    let words = text
        .split(|c: char| c.is_whitespace() || c == '-' || c == '—' || c == '–' || c == '/')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty());
    // Read word by word, no list: most quotations fail at their first or
    // second word.
    let mut count = 0;
    for (i, w) in words.enumerate() {
        if i == 10 {
            return false; // more than ten words
        }
        let first = w.chars().next().expect("words are non-empty");
        let major = first.is_uppercase() || first.is_numeric();
        if !(major || (i > 0 && lexicon::is_minor_title_word(w))) {
            return false;
        }
        count += 1;
    }
    count > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leaves_title_in_running_text_out() {
        assert_eq!(
            classify(
                "I Want To Leave",
                "Ivo said ",
                " is based on a true story.",
                true
            ),
            Some(NotSpeech::TitleCase)
        );
        assert_eq!(
            classify("Lanterns,", "You started ", " right?", true),
            Some(NotSpeech::TitleCase)
        );
    }

    #[test]
    fn leaves_title_beside_a_title_noun_out() {
        assert_eq!(
            classify("Mara Quill", "(", " films)", true),
            Some(NotSpeech::Title)
        );
        assert_eq!(
            classify("Lanterns", "the series ", " returns", true),
            Some(NotSpeech::Title)
        );
    }

    #[test]
    fn leaves_named_words_out() {
        assert_eq!(
            classify("cheat", "the word ", " was", true),
            Some(NotSpeech::NamedAs)
        );
        assert_eq!(
            classify("21", "an album called ", ".", true),
            Some(NotSpeech::NamedAs)
        );
        assert_eq!(
            classify("Shorty.", "goes by the name ", "", true),
            Some(NotSpeech::NamedAs)
        );
    }

    #[test]
    fn leaves_nickname_inside_a_name_out() {
        assert_eq!(
            classify("The Hawk", "Mara ", " Quill said", true),
            Some(NotSpeech::Nickname)
        );
    }

    #[test]
    fn keeps_one_word_answer_after_a_colon() {
        assert_eq!(
            classify("Lisbon,", "Ola corrects him: ", " which is close.", true),
            None
        );
    }

    #[test]
    fn keeps_capitalised_word_with_a_cue() {
        assert_eq!(classify("Hello,", "", " he said.", true), None);
    }

    #[test]
    fn keeps_a_quotation_left_open_at_its_paragraphs_end() {
        assert_eq!(classify("Hello,", "Words blah ", "", false), None);
    }

    #[test]
    fn leaves_scare_quotes_and_words_held_up_out() {
        assert_eq!(
            classify("difficult", "Her patients are never ", "; they rest.", true),
            Some(NotSpeech::ScareQuote)
        );
        assert_eq!(
            classify("cheat", "she uses that word, ", ", often", true),
            Some(NotSpeech::NamedAs)
        );
        assert_eq!(
            classify("harbour", "whether we'd spelt ", " right", true),
            Some(NotSpeech::NamedAs)
        );
    }

    #[test]
    fn a_naming_verb_with_its_own_subject_reports_speech() {
        assert_eq!(
            classify(
                "the lightest thing we made",
                "a tablet that she called ",
                ".",
                true
            ),
            None
        );
        assert_eq!(
            classify("Mira", "a tablet called ", ".", true),
            Some(NotSpeech::NamedAs)
        );
    }

    #[test]
    fn leaves_slogans_out() {
        assert_eq!(
            classify(
                "Hold less. See more.",
                "Its marketing slogan – ",
                " – was shown",
                true
            ),
            Some(NotSpeech::NamedAs)
        );
        assert_eq!(
            classify("SLOW IS THE NEW LOUD", "the opening look: ", ".", true),
            Some(NotSpeech::TitleCase)
        );
    }

    #[test]
    fn keeps_a_one_word_exclamation_after_its_verb() {
        assert_eq!(
            classify("Oh,", "she says only, ", " and he laughs", true),
            None
        );
    }

    #[test]
    fn a_us_style_stop_inside_a_scare_quote() {
        assert_eq!(
            classify("hold.", "downgraded it to \"sell\" from ", "", true),
            Some(NotSpeech::ScareQuote)
        );
        assert_eq!(classify("Bob.", "", "", true), None);
    }

    #[test]
    fn keeps_a_few_words_that_someone_says() {
        assert_eq!(
            classify("baffling", "Amy Fielding said the timing was ", ".", true),
            None
        );
        assert_eq!(
            classify("no clue", "Ola says she has ", " what", true),
            None
        );
    }

    #[test]
    fn leaves_a_title_after_a_section_label_out() {
        assert_eq!(
            classify("Lanterns", "Review: ", " is a small film", true),
            Some(NotSpeech::TitleCase)
        );
    }

    #[test]
    fn keeps_sentences_and_lower_case_speech() {
        assert_eq!(classify("Bob.", "", "", true), None);
        assert_eq!(classify("hi", "a text that says ", "", true), None);
        assert_eq!(
            classify("cuties", "Ola thinks that cats are ", ".", true),
            None
        );
    }
}
