//! Word lists the rules consult: reporting and cognition verbs, honorifics,
//! pronouns, person and organization nouns, title nouns, naming words, and
//! capitalized words that never start a person's name.
//!
//! In: one word (a token as it appears in text, any case). Out: whether it is
//! in a list, or what the list says about it (gender, number, case). Lookups
//! lowercase the word first; `honorific` also strips one trailing '.'.
//!
//! The lists live next to this file as `*.txt`, bundled with `include_str!`
//! and parsed once on first use. Format: one entry a line; lines starting
//! with '#' are comments, blank lines are ignored; columns are separated by
//! a TAB; words are lowercase, unique and sorted with `LC_ALL=C sort`.
//!
//! | file                  | columns                        |
//! |-----------------------|--------------------------------|
//! | `reporting_verbs.txt` | word                           |
//! | `cognition_verbs.txt` | word                           |
//! | `honorifics.txt`      | word, gender                   |
//! | `pronouns.txt`        | word, gender, number, case     |
//! | `person_nouns.txt`    | word, gender                   |
//! | `org_nouns.txt`       | word                           |
//! | `title_nouns.txt`     | word                           |
//! | `naming_words.txt`    | word                           |
//! | `non_name_words.txt`  | word                           |
//! | `first_names.txt`     | word, gender                   |
//! | `place_nouns.txt`     | word                           |
//!
//! gender: `m`, `f`, `n` (neuter), `-` (unknown); number: `sg`, `pl`;
//! case: `subj`, `obj`, `poss`. The data is bundled, so malformed lines panic
//! (naming file and line) and the tests below keep every file valid.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    Male,
    Female,
    Neuter,
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Number {
    Singular,
    Plural,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    Subject,
    Object,
    Possessive,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pronoun {
    pub gender: Gender,
    pub number: Number,
    pub case: Case,
    pub first_or_second_person: bool,
}

/// A bundled list: its file name (for error messages) and its text.
type Source = (&'static str, &'static str);

const REPORTING_VERBS: Source = ("reporting_verbs.txt", include_str!("reporting_verbs.txt"));
const COGNITION_VERBS: Source = ("cognition_verbs.txt", include_str!("cognition_verbs.txt"));
const HONORIFICS: Source = ("honorifics.txt", include_str!("honorifics.txt"));
const PRONOUNS: Source = ("pronouns.txt", include_str!("pronouns.txt"));
const PERSON_NOUNS: Source = ("person_nouns.txt", include_str!("person_nouns.txt"));
const ORG_NOUNS: Source = ("org_nouns.txt", include_str!("org_nouns.txt"));
const TITLE_NOUNS: Source = ("title_nouns.txt", include_str!("title_nouns.txt"));
const NAMING_WORDS: Source = ("naming_words.txt", include_str!("naming_words.txt"));
const NON_NAME_WORDS: Source = ("non_name_words.txt", include_str!("non_name_words.txt"));
const FIRST_NAMES: Source = ("first_names.txt", include_str!("first_names.txt"));
const PLACE_NOUNS: Source = ("place_nouns.txt", include_str!("place_nouns.txt"));

/// First- and second-person forms. Kept here rather than as a fifth column so
/// `pronouns.txt` stays word/gender/number/case; a test checks each is listed.
const FIRST_OR_SECOND_PERSON: &[&str] = &[
    "i",
    "me",
    "my",
    "mine",
    "myself",
    "we",
    "us",
    "our",
    "ours",
    "ourselves",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

// Built from the file's rows, not the set, so the order never depends on hashing.
static REPORTING_SORTED: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut words: Vec<_> = single_words(REPORTING_VERBS).collect();
    words.sort_unstable();
    words.dedup();
    words
});
static REPORTING_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| REPORTING_SORTED.iter().copied().collect());
static COGNITION_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(COGNITION_VERBS));
static HONORIFIC_MAP: LazyLock<HashMap<&'static str, Gender>> =
    LazyLock::new(|| gender_map(HONORIFICS));
static PRONOUN_MAP: LazyLock<HashMap<&'static str, Pronoun>> = LazyLock::new(pronoun_map);
static PERSON_MAP: LazyLock<HashMap<&'static str, Gender>> =
    LazyLock::new(|| gender_map(PERSON_NOUNS));
static ORG_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(ORG_NOUNS));
static TITLE_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(TITLE_NOUNS));
static NAMING_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(NAMING_WORDS));
static NON_NAME_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(NON_NAME_WORDS));
static PLACE_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| word_set(PLACE_NOUNS));
static FIRST_NAME_MAP: LazyLock<HashMap<&'static str, Gender>> =
    LazyLock::new(|| gender_map(FIRST_NAMES));

pub fn is_reporting_verb(word: &str) -> bool {
    REPORTING_SET.contains(&*lower(word))
}

pub fn is_cognition_verb(word: &str) -> bool {
    COGNITION_SET.contains(&*lower(word))
}

/// "Mr." / "mr" -> `Some(Male)`; a title that does not tell gender -> `Some(Unknown)`.
pub fn honorific(word: &str) -> Option<Gender> {
    let word = lower(word);
    let word = word.strip_suffix('.').unwrap_or(&word);
    HONORIFIC_MAP.get(word).copied()
}

/// A contraction counts as its pronoun: `she’s`, `he'd`, `they’ll` (news
/// prose writes `she’s revealed` as often as `she revealed`).
pub fn pronoun(word: &str) -> Option<Pronoun> {
    let word = lower(word);
    if let Some(&p) = PRONOUN_MAP.get(&*word) {
        return Some(p);
    }
    const CONTRACTIONS: &[&str] = &[
        "’s", "'s", "’d", "'d", "’ll", "'ll", "’ve", "'ve", "’re", "'re",
    ];
    let stem = CONTRACTIONS.iter().find_map(|c| word.strip_suffix(c))?;
    PRONOUN_MAP
        .get(stem)
        .copied()
        .filter(|p| p.case == Case::Subject)
}

/// "actress" -> `Some(Female)`, "actor" -> `Some(Unknown)`, "table" -> `None`.
pub fn person_noun(word: &str) -> Option<Gender> {
    PERSON_MAP.get(&*lower(word)).copied()
}

pub fn is_org_noun(word: &str) -> bool {
    ORG_SET.contains(&*lower(word))
}

pub fn is_title_noun(word: &str) -> bool {
    TITLE_SET.contains(&*lower(word))
}

pub fn is_naming_word(word: &str) -> bool {
    NAMING_SET.contains(&*lower(word))
}

pub fn is_non_name_word(word: &str) -> bool {
    NON_NAME_SET.contains(&*lower(word))
}

/// `street`, `park`, `station`: a word that ends a place's name.
pub fn is_place_noun(word: &str) -> bool {
    PLACE_SET.contains(&*lower(word))
}

/// The gender a first name usually goes with: "Margaret" -> `Some(Female)`;
/// `None` for a name not listed or common to both.
pub fn first_name_gender(word: &str) -> Option<Gender> {
    FIRST_NAME_MAP.get(&*lower(word)).copied()
}

/// All reporting verb forms, sorted: for building regex alternations (callers escape them).
pub fn reporting_verbs() -> &'static [&'static str] {
    &REPORTING_SORTED
}

/// Lowercase without allocating in the common already-lowercase case.
fn lower(word: &str) -> Cow<'_, str> {
    if word.chars().any(char::is_uppercase) {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

/// Data lines of a list as (1-based line number, columns).
fn rows((file, text): Source) -> impl Iterator<Item = (usize, Vec<&'static str>)> {
    text.lines()
        .enumerate()
        .map(|(i, line)| (i + 1, line.trim_end_matches('\r')))
        .filter(|(_, line)| !line.trim().is_empty() && !line.starts_with('#'))
        .map(move |(n, line)| {
            let cols: Vec<&'static str> = line.split('\t').collect();
            assert!(
                cols.iter().all(|c| !c.is_empty() && c.trim() == *c),
                "{file}:{n}: empty column or stray whitespace: {line:?}"
            );
            (n, cols)
        })
}

fn expect_columns(file: &str, n: usize, cols: &[&str], want: usize) {
    assert!(
        cols.len() == want,
        "{file}:{n}: expected {want} tab-separated column(s), found {}: {cols:?}",
        cols.len()
    );
}

fn single_words(src: Source) -> impl Iterator<Item = &'static str> {
    rows(src).map(move |(n, cols)| {
        expect_columns(src.0, n, &cols, 1);
        cols[0]
    })
}

fn word_set(src: Source) -> HashSet<&'static str> {
    single_words(src).collect()
}

fn gender_map(src: Source) -> HashMap<&'static str, Gender> {
    rows(src)
        .map(|(n, cols)| {
            expect_columns(src.0, n, &cols, 2);
            (cols[0], parse_gender(src.0, n, cols[1]))
        })
        .collect()
}

fn pronoun_map() -> HashMap<&'static str, Pronoun> {
    let file = PRONOUNS.0;
    rows(PRONOUNS)
        .map(|(n, cols)| {
            expect_columns(file, n, &cols, 4);
            let number = match cols[2] {
                "sg" => Number::Singular,
                "pl" => Number::Plural,
                other => panic!("{file}:{n}: unknown number {other:?} (want sg or pl)"),
            };
            let case = match cols[3] {
                "subj" => Case::Subject,
                "obj" => Case::Object,
                "poss" => Case::Possessive,
                other => panic!("{file}:{n}: unknown case {other:?} (want subj, obj or poss)"),
            };
            let pronoun = Pronoun {
                gender: parse_gender(file, n, cols[1]),
                number,
                case,
                first_or_second_person: FIRST_OR_SECOND_PERSON.contains(&cols[0]),
            };
            (cols[0], pronoun)
        })
        .collect()
}

fn parse_gender(file: &str, n: usize, letter: &str) -> Gender {
    match letter {
        "m" => Gender::Male,
        "f" => Gender::Female,
        "n" => Gender::Neuter,
        "-" => Gender::Unknown,
        other => panic!("{file}:{n}: unknown gender {other:?} (want m, f, n or -)"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [Source; 11] = [
        FIRST_NAMES,
        PLACE_NOUNS,
        REPORTING_VERBS,
        COGNITION_VERBS,
        HONORIFICS,
        PRONOUNS,
        PERSON_NOUNS,
        ORG_NOUNS,
        TITLE_NOUNS,
        NAMING_WORDS,
        NON_NAME_WORDS,
    ];

    fn words(src: Source) -> Vec<&'static str> {
        rows(src).map(|(_, cols)| cols[0]).collect()
    }

    #[test]
    fn contraction_is_its_pronoun() {
        assert_eq!(pronoun("she’s").map(|p| p.gender), Some(Gender::Female));
        assert_eq!(pronoun("He'd").map(|p| p.gender), Some(Gender::Male));
        assert_eq!(pronoun("his's"), None);
    }

    #[test]
    fn every_file_parses() {
        assert!(!REPORTING_SET.is_empty());
        assert!(!COGNITION_SET.is_empty());
        assert!(!HONORIFIC_MAP.is_empty());
        assert!(!PRONOUN_MAP.is_empty());
        assert!(!PERSON_MAP.is_empty());
        assert!(!ORG_SET.is_empty());
        assert!(!TITLE_SET.is_empty());
        assert!(!NAMING_SET.is_empty());
        assert!(!NON_NAME_SET.is_empty());
        assert!(!FIRST_NAME_MAP.is_empty());
        assert!(!PLACE_SET.is_empty());
    }

    #[test]
    fn first_names_tell_gender_and_leave_shared_names_out() {
        assert_eq!(first_name_gender("Margaret"), Some(Gender::Female));
        assert_eq!(first_name_gender("colin"), Some(Gender::Male));
        assert_eq!(first_name_gender("Alex"), None);
    }

    #[test]
    fn every_file_is_sorted_by_word_in_byte_order() {
        for src in ALL {
            let words = words(src);
            for pair in words.windows(2) {
                assert!(
                    pair[0] < pair[1],
                    "{}: {:?} before {:?}",
                    src.0,
                    pair[0],
                    pair[1]
                );
            }
        }
    }

    #[test]
    fn no_file_has_duplicates() {
        for src in ALL {
            let words = words(src);
            let unique: HashSet<_> = words.iter().collect();
            assert_eq!(unique.len(), words.len(), "{} has duplicate words", src.0);
        }
    }

    #[test]
    fn every_entry_is_one_lowercase_word() {
        for src in ALL {
            for word in words(src) {
                assert_eq!(
                    word,
                    word.to_lowercase(),
                    "{}: {word:?} is not lowercase",
                    src.0
                );
                assert!(
                    !word.contains(char::is_whitespace),
                    "{}: {word:?} is multiword",
                    src.0
                );
            }
        }
    }

    #[test]
    fn comments_stay_at_the_top_of_each_file() {
        for (file, text) in ALL {
            let first_data = text.lines().position(|l| !l.starts_with('#')).unwrap_or(0);
            let late = text.lines().skip(first_data).any(|l| l.starts_with('#'));
            assert!(!late, "{file}: comment after the first entry");
        }
    }

    #[test]
    fn honorifics_are_listed_without_dots() {
        assert!(words(HONORIFICS).iter().all(|w| !w.ends_with('.')));
    }

    #[test]
    fn every_first_or_second_person_form_is_in_pronouns_file() {
        for word in FIRST_OR_SECOND_PERSON {
            assert!(
                PRONOUN_MAP.contains_key(word),
                "{word:?} missing from pronouns.txt"
            );
        }
    }

    #[test]
    fn reporting_verbs_slice_is_sorted_and_complete() {
        let verbs = reporting_verbs();
        assert!(verbs.windows(2).all(|p| p[0] < p[1]));
        assert_eq!(verbs.len(), REPORTING_SET.len());
    }

    #[test]
    fn reporting_verb_lookup_ignores_case() {
        assert!(is_reporting_verb("Says"));
        assert!(is_reporting_verb("SAID"));
        assert!(is_reporting_verb("written"));
        assert!(is_reporting_verb("emphasised"));
        assert!(is_reporting_verb("emphasized"));
    }

    #[test]
    fn table_is_not_a_reporting_verb() {
        assert!(!is_reporting_verb("table"));
    }

    #[test]
    fn cognition_verbs_cover_irregular_forms() {
        assert!(is_cognition_verb("Thought"));
        assert!(is_cognition_verb("worried"));
        assert!(!is_cognition_verb("said"));
    }

    #[test]
    fn honorific_strips_one_trailing_dot() {
        assert_eq!(honorific("Mr."), Some(Gender::Male));
        assert_eq!(honorific("mr"), Some(Gender::Male));
        assert_eq!(honorific("Mrs."), Some(Gender::Female));
        assert_eq!(honorific("Dr."), Some(Gender::Unknown));
        assert_eq!(honorific("Mr.."), None);
        assert_eq!(honorific("Table"), None);
    }

    #[test]
    fn she_is_a_female_singular_third_person_subject() {
        let she = pronoun("She").expect("she is a pronoun");
        assert_eq!(she.gender, Gender::Female);
        assert_eq!(she.number, Number::Singular);
        assert_eq!(she.case, Case::Subject);
        assert!(!she.first_or_second_person);
    }

    #[test]
    fn first_and_second_person_pronouns_are_flagged() {
        assert!(pronoun("I").unwrap().first_or_second_person);
        assert!(pronoun("our").unwrap().first_or_second_person);
        assert!(!pronoun("their").unwrap().first_or_second_person);
        assert_eq!(pronoun("its").unwrap().gender, Gender::Neuter);
        assert_eq!(pronoun("them").unwrap().number, Number::Plural);
        assert_eq!(pronoun("the"), None);
    }

    #[test]
    fn person_noun_tells_gender_when_the_noun_does() {
        assert_eq!(person_noun("actress"), Some(Gender::Female));
        assert_eq!(person_noun("Actor"), Some(Gender::Unknown));
        assert_eq!(person_noun("spokesmen"), Some(Gender::Male));
        assert_eq!(person_noun("table"), None);
    }

    #[test]
    fn other_lists_answer_lookups() {
        assert!(is_org_noun("Company"));
        assert!(is_title_noun("films"));
        assert!(is_naming_word("dubbed"));
        assert!(is_non_name_word("The"));
        assert!(!is_non_name_word("Connor"));
    }
}
