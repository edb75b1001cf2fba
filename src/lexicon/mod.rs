//! Word lists the rules consult: reporting and cognition verbs, honorifics,
//! pronouns, person and organization nouns, title nouns, naming words,
//! capitalized words that never start a person's name, and the small closed
//! classes the cue rules read (determiners, prepositions, auxiliaries,
//! adverbs of manner, family words, months, abbreviations).
//!
//! In: one word (a token as it appears in text, any case). Out: whether it is
//! in a list, or what the list says about it (gender, number, case). Lookups
//! lowercase the word first unless their doc says *exact case*: those match
//! the listed lowercase forms only (`then`, not `Then`), or, for `is_month`
//! and `is_number_word`, the capitalised form only (`March`, not `march`),
//! because their callers tell a capital from a small letter. `honorific`
//! strips one trailing '.', `is_courtesy_title` every trailing '.'.
//!
//! The lists live next to this file as `*.txt`, bundled with `include_str!`
//! and parsed once on first use. Format: one entry a line; lines starting
//! with '#' are comments, blank lines are ignored; columns are separated by
//! a TAB; words are lowercase, unique and sorted with `LC_ALL=C sort`.
//!
//! | file                          | columns                        |
//! |-------------------------------|--------------------------------|
//! | `reporting_verbs.txt`         | word                           |
//! | `cognition_verbs.txt`         | word                           |
//! | `honorifics.txt`              | word, gender, kind             |
//! | `pronouns.txt`                | word, gender, number, case     |
//! | `person_nouns.txt`            | word, gender                   |
//! | `org_nouns.txt`               | word                           |
//! | `title_nouns.txt`             | word                           |
//! | `naming_words.txt`            | word                           |
//! | `non_name_words.txt`          | word                           |
//! | `first_names.txt`             | word, gender                   |
//! | `place_nouns.txt`             | word                           |
//! | `kin_words.txt`               | word, relation                 |
//! | `abbreviations.txt`           | word (without its stop)        |
//! | `adverbs.txt`                 | word                           |
//! | `addressee_stops.txt`         | word                           |
//! | `addressee_words.txt`         | word                           |
//! | `auxiliaries.txt`             | word                           |
//! | `characterising_verbs.txt`    | word                           |
//! | `clause_openers.txt`          | word                           |
//! | `definite_determiners.txt`    | word                           |
//! | `determiners.txt`             | word                           |
//! | `elisions.txt`                | word                           |
//! | `governing_prepositions.txt`  | word                           |
//! | `indefinite_determiners.txt`  | word                           |
//! | `keep_words.txt`              | word                           |
//! | `manner_adverbs.txt`          | word                           |
//! | `message_nouns.txt`           | word                           |
//! | `months.txt`                  | word                           |
//! | `name_particles.txt`          | word                           |
//! | `nobody_words.txt`            | word                           |
//! | `non_describing_words.txt`    | word                           |
//! | `number_words.txt`            | word                           |
//! | `phrase_determiners.txt`      | word                           |
//! | `place_prepositions.txt`      | word                           |
//! | `role_determiners.txt`        | word                           |
//! | `role_stops.txt`              | word                           |
//! | `telling_verb_stems.txt`      | stem (matched as a prefix)     |
//! | `title_minor_words.txt`       | word                           |
//!
//! gender: `m`, `f`, `n` (neuter), `-` (unknown); number: `sg`, `pl`;
//! case: `subj`, `obj`, `poss`; kind (of an honorific): `courtesy`, `title`.
//! Several small lists overlap (the determiner and preposition lists): each
//! is what one rule reads, and merging them would change what it matches.
//! The data is bundled, so malformed lines panic (naming file and line) and
//! the tests below keep every file valid.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Deref;
use std::sync::LazyLock;

/// The word lists are looked up for nearly every word of every article, so
/// they hash with a multiply-rotate hash (the one rustc uses) instead of
/// SipHash: several times faster on short words. SipHash guards tables that
/// grow from untrusted input; these are fixed at start-up.
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    fn write_u8(&mut self, b: u8) {
        self.write(&[b]);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type WordSet = HashSet<&'static str, BuildHasherDefault<WordHasher>>;
type WordMap<V> = HashMap<&'static str, V, BuildHasherDefault<WordHasher>>;

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

/// `source!("x.txt")`: the list `x.txt` next to this file, as a `Source`.
macro_rules! source {
    ($file:literal) => {
        ($file, include_str!($file))
    };
}

const REPORTING_VERBS: Source = source!("reporting_verbs.txt");
const COGNITION_VERBS: Source = source!("cognition_verbs.txt");
const HONORIFICS: Source = source!("honorifics.txt");
const PRONOUNS: Source = source!("pronouns.txt");
const PERSON_NOUNS: Source = source!("person_nouns.txt");
const ORG_NOUNS: Source = source!("org_nouns.txt");
const TITLE_NOUNS: Source = source!("title_nouns.txt");
const NAMING_WORDS: Source = source!("naming_words.txt");
const NON_NAME_WORDS: Source = source!("non_name_words.txt");
const FIRST_NAMES: Source = source!("first_names.txt");
const PLACE_NOUNS: Source = source!("place_nouns.txt");
const KIN_WORDS: Source = source!("kin_words.txt");
const ABBREVIATIONS: Source = source!("abbreviations.txt");
const ADVERBS: Source = source!("adverbs.txt");
const ADDRESSEE_STOPS: Source = source!("addressee_stops.txt");
const ADDRESSEE_WORDS: Source = source!("addressee_words.txt");
const AUXILIARIES: Source = source!("auxiliaries.txt");
const CHARACTERISING_VERBS: Source = source!("characterising_verbs.txt");
const CLAUSE_OPENERS: Source = source!("clause_openers.txt");
const DEFINITE_DETERMINERS: Source = source!("definite_determiners.txt");
const DETERMINERS: Source = source!("determiners.txt");
const ELISIONS: Source = source!("elisions.txt");
const GOVERNING_PREPOSITIONS: Source = source!("governing_prepositions.txt");
const INDEFINITE_DETERMINERS: Source = source!("indefinite_determiners.txt");
const KEEP_WORDS: Source = source!("keep_words.txt");
const MANNER_ADVERBS: Source = source!("manner_adverbs.txt");
const MESSAGE_NOUNS: Source = source!("message_nouns.txt");
const MONTHS: Source = source!("months.txt");
const NAME_PARTICLES: Source = source!("name_particles.txt");
const NOBODY_WORDS: Source = source!("nobody_words.txt");
const NON_DESCRIBING_WORDS: Source = source!("non_describing_words.txt");
const NUMBER_WORDS: Source = source!("number_words.txt");
const PHRASE_DETERMINERS: Source = source!("phrase_determiners.txt");
const PLACE_PREPOSITIONS: Source = source!("place_prepositions.txt");
const ROLE_DETERMINERS: Source = source!("role_determiners.txt");
const ROLE_STOPS: Source = source!("role_stops.txt");
const TELLING_VERB_STEMS: Source = source!("telling_verb_stems.txt");
const TITLE_MINOR_WORDS: Source = source!("title_minor_words.txt");

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
static REPORTING_SET: LazyLock<WordSet> =
    LazyLock::new(|| REPORTING_SORTED.iter().copied().collect());
static COGNITION_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(COGNITION_VERBS));
static HONORIFIC_MAP: LazyLock<WordMap<Honorific>> = LazyLock::new(honorific_map);
static PRONOUN_MAP: LazyLock<WordMap<Pronoun>> = LazyLock::new(pronoun_map);
static PERSON_MAP: LazyLock<WordMap<Gender>> = LazyLock::new(|| gender_map(PERSON_NOUNS));
static ORG_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(ORG_NOUNS));
static TITLE_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(TITLE_NOUNS));
static NAMING_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(NAMING_WORDS));
static NON_NAME_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(NON_NAME_WORDS));
static PLACE_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(PLACE_NOUNS));
static FIRST_NAME_MAP: LazyLock<WordMap<Gender>> = LazyLock::new(|| gender_map(FIRST_NAMES));
static ABBREVIATIONS_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(ABBREVIATIONS));
static ADVERBS_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(ADVERBS));
static ADDRESSEE_STOPS_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(ADDRESSEE_STOPS));
static ADDRESSEE_WORDS_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(ADDRESSEE_WORDS));
static AUXILIARIES_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(AUXILIARIES));
static CHARACTERISING_VERBS_SET: LazyLock<WordSet> =
    LazyLock::new(|| word_set(CHARACTERISING_VERBS));
static CLAUSE_OPENERS_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(CLAUSE_OPENERS));
static DEFINITE_DETERMINERS_SET: LazyLock<WordSet> =
    LazyLock::new(|| word_set(DEFINITE_DETERMINERS));
static DETERMINERS_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(DETERMINERS));
static ELISIONS_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(ELISIONS));
static GOVERNING_PREPOSITIONS_SET: LazyLock<WordSet> =
    LazyLock::new(|| word_set(GOVERNING_PREPOSITIONS));
static INDEFINITE_DETERMINERS_SET: LazyLock<WordSet> =
    LazyLock::new(|| word_set(INDEFINITE_DETERMINERS));
static KEEP_WORDS_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(KEEP_WORDS));
static MANNER_ADVERBS_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(MANNER_ADVERBS));
static MESSAGE_NOUNS_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(MESSAGE_NOUNS));
static NAME_PARTICLES_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(NAME_PARTICLES));
static NOBODY_WORDS_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(NOBODY_WORDS));
static NON_DESCRIBING_WORDS_SET: LazyLock<WordSet> =
    LazyLock::new(|| word_set(NON_DESCRIBING_WORDS));
static PHRASE_DETERMINERS_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(PHRASE_DETERMINERS));
static PLACE_PREPOSITIONS_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(PLACE_PREPOSITIONS));
static ROLE_DETERMINERS_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(ROLE_DETERMINERS));
static ROLE_STOPS_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(ROLE_STOPS));
static TITLE_MINOR_WORDS_SET: LazyLock<WordSet> = LazyLock::new(|| word_set(TITLE_MINOR_WORDS));
static KIN_MAP: LazyLock<WordMap<&'static str>> = LazyLock::new(kin_map);
static MONTH_SET: LazyLock<HashSet<String>> = LazyLock::new(|| capitalised_set(MONTHS));
static NUMBER_WORD_SET: LazyLock<HashSet<String>> = LazyLock::new(|| capitalised_set(NUMBER_WORDS));
static TELLING_VERB_STEM_LIST: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| single_words(TELLING_VERB_STEMS).collect());

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
    HONORIFIC_MAP.get(word).map(|h| h.gender)
}

/// A title of courtesy (`Mr`, `Dr.`, `Sir`), which stays with a surname the
/// article gives no first name for; `Judge`, `Mayor` are titles but not
/// courtesy titles. Every trailing '.' is stripped.
pub fn is_courtesy_title(word: &str) -> bool {
    HONORIFIC_MAP
        .get(&*lower(word.trim_end_matches('.')))
        .is_some_and(|h| h.courtesy)
}

/// A contraction counts as its pronoun: `she’s`, `he'd`, `they’ll` (news
/// prose writes `she’s revealed` as often as `she revealed`).
pub fn pronoun(word: &str) -> Option<Pronoun> {
    let word = lower(word);
    if let Some(&p) = PRONOUN_MAP.get(&*word) {
        return Some(p);
    }
    if !word.contains(['\'', '’']) {
        return None; // no contraction: most words end here
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

/// `Dad`'s relation: exact case, `"dad"` -> `Some("father")`, `"Dad"` -> `None`
/// (callers lowercase where they mean any case). One word per relation, so
/// `dad`, `papa` and `father` name one role.
pub fn kin_relation(word: &str) -> Option<&'static str> {
    KIN_MAP.get(word).copied()
}

/// A word that ends with a full stop without ending the sentence (`Mr`,
/// `etc`, `e.g`), given without its stop. Single letters are not listed.
pub fn is_abbreviation(word: &str) -> bool {
    ABBREVIATIONS_SET.contains(&*lower(word))
}

/// Exact case. A word that may stand between a subject and its verb:
/// `previously`, `has`, `went on to`.
pub fn is_adverb(word: &str) -> bool {
    ADVERBS_SET.contains(word)
}

/// Exact case. A lowercase word that is not the noun of a possessive
/// addressee (`told her about`).
pub fn is_addressee_stop(word: &str) -> bool {
    ADDRESSEE_STOPS_SET.contains(word)
}

/// Exact case. A word naming an audience addressed: `told reporters`.
pub fn is_addressee_word(word: &str) -> bool {
    ADDRESSEE_WORDS_SET.contains(word)
}

/// A finite auxiliary: `was`, `has`, `will`.
pub fn is_auxiliary(word: &str) -> bool {
    AUXILIARIES_SET.contains(&*lower(word))
}

/// Exact case. A naming verb that characterises: `called`, `dubbed`, `branded`.
pub fn is_characterising_verb(word: &str) -> bool {
    CHARACTERISING_VERBS_SET.contains(word)
}

/// A word that opens a clause of its own: `that`, `whether`, `because`.
pub fn is_clause_opener(word: &str) -> bool {
    CLAUSE_OPENERS_SET.contains(&*lower(word))
}

/// A determiner of a description somebody can be named by: `the`, `his`, `that`.
pub fn is_definite_determiner(word: &str) -> bool {
    DEFINITE_DETERMINERS_SET.contains(&*lower(word))
}

/// A determiner after which a reporting verb's form is a noun: `a`, `the`, `his`.
pub fn is_determiner(word: &str) -> bool {
    DETERMINERS_SET.contains(&*lower(word))
}

/// A word a leading apostrophe shortens: `tis`, `em`, `n`.
pub fn is_elided_word(word: &str) -> bool {
    ELISIONS_SET.contains(&*lower(word))
}

/// A word after which a name is an object, not a subject: `with`, `than`.
pub fn is_governing_preposition(word: &str) -> bool {
    GOVERNING_PREPOSITIONS_SET.contains(&*lower(word))
}

/// A determiner of somebody unnamed: `a`, `one`, `several`.
pub fn is_indefinite_determiner(word: &str) -> bool {
    INDEFINITE_DETERMINERS_SET.contains(&*lower(word))
}

/// Exact case. `kept`, `keeps`, `just`: before the verb of a nested cue.
pub fn is_keep_word(word: &str) -> bool {
    KEEP_WORDS_SET.contains(word)
}

/// An adverb of time or manner after a reporting verb: `further`, `later`.
pub fn is_manner_adverb(word: &str) -> bool {
    MANNER_ADVERBS_SET.contains(&*lower(word))
}

/// A noun for a written message: `note`, `text`, `tweet`.
pub fn is_message_noun(word: &str) -> bool {
    MESSAGE_NOUNS_SET.contains(&*lower(word))
}

/// Exact case, capitalised: `March` is a month, `march` and `MARCH` are not.
pub fn is_month(word: &str) -> bool {
    MONTH_SET.contains(word)
}

/// Exact case. A lowercase particle inside a name: `de`, `van`, `bin`.
pub fn is_name_particle(word: &str) -> bool {
    NAME_PARTICLES_SET.contains(word)
}

/// A word for nobody in particular: `someone`, `fans`, `critics`.
pub fn is_nobody_word(word: &str) -> bool {
    NOBODY_WORDS_SET.contains(&*lower(word))
}

/// Exact case. A lowercase word that never describes a speaker: `on`, `it`.
pub fn is_non_describing_word(word: &str) -> bool {
    NON_DESCRIBING_WORDS_SET.contains(word)
}

/// Exact case, capitalised: `One` continues a name (`Beacon One`), `one` does not.
pub fn is_number_word(word: &str) -> bool {
    NUMBER_WORD_SET.contains(word)
}

/// A word that opens a noun phrase of manner or place: `a`, `his`, `nobody`.
pub fn is_phrase_determiner(word: &str) -> bool {
    PHRASE_DETERMINERS_SET.contains(&*lower(word))
}

/// A preposition before a place or a medium: `on`, `in`, `via`.
pub fn is_place_preposition(word: &str) -> bool {
    PLACE_PREPOSITIONS_SET.contains(&*lower(word))
}

/// A determiner that may open the description of a role: `the`, `her`.
pub fn is_role_determiner(word: &str) -> bool {
    ROLE_DETERMINERS_SET.contains(&*lower(word))
}

/// A word that never describes a role: `and`, `of`, `who`.
pub fn is_role_stop(word: &str) -> bool {
    ROLE_STOPS_SET.contains(&*lower(word))
}

/// A verb whose object is the person addressed: starts with a listed stem
/// (`tell`, `told`, `remind`, `urg`), so every inflection counts.
pub fn is_telling_verb(word: &str) -> bool {
    let word = lower(word);
    TELLING_VERB_STEM_LIST.iter().any(|s| word.starts_with(s))
}

/// A minor word a title in title case leaves lowercase: `and`, `of`, `the`.
pub fn is_minor_title_word(word: &str) -> bool {
    TITLE_MINOR_WORDS_SET.contains(&*lower(word))
}

/// All reporting verb forms, sorted: for building regex alternations (callers escape them).
pub fn reporting_verbs() -> &'static [&'static str] {
    &REPORTING_SORTED
}

/// Lowercase without allocating: already-lowercase words are borrowed,
/// short ASCII ones lowered on the stack. (`to_lowercase` on every word was
/// a tenth of the run time.)
fn lower(word: &str) -> Lower<'_> {
    if word.is_ascii() {
        if !word.bytes().any(|b| b.is_ascii_uppercase()) {
            return Lower::Borrowed(word);
        }
        if word.len() <= INLINE {
            let mut buf = [0u8; INLINE];
            for (to, from) in buf.iter_mut().zip(word.bytes()) {
                *to = from.to_ascii_lowercase();
            }
            return Lower::Inline(buf, word.len());
        }
        return Lower::Owned(word.to_ascii_lowercase());
    }
    if word.chars().any(char::is_uppercase) {
        Lower::Owned(word.to_lowercase())
    } else {
        Lower::Borrowed(word)
    }
}

const INLINE: usize = 32;

/// A word in lowercase, wherever it is kept.
enum Lower<'a> {
    Borrowed(&'a str),
    /// ASCII only, so always valid UTF-8.
    Inline([u8; INLINE], usize),
    Owned(String),
}

impl Deref for Lower<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            Lower::Borrowed(word) => word,
            Lower::Inline(buf, len) => std::str::from_utf8(&buf[..*len]).unwrap_or_default(),
            Lower::Owned(word) => word,
        }
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

fn word_set(src: Source) -> WordSet {
    single_words(src).collect()
}

fn gender_map(src: Source) -> WordMap<Gender> {
    rows(src)
        .map(|(n, cols)| {
            expect_columns(src.0, n, &cols, 2);
            (cols[0], parse_gender(src.0, n, cols[1]))
        })
        .collect()
}

/// What `honorifics.txt` says of a title.
#[derive(Debug, Clone, Copy)]
struct Honorific {
    gender: Gender,
    courtesy: bool,
}

fn honorific_map() -> WordMap<Honorific> {
    let file = HONORIFICS.0;
    rows(HONORIFICS)
        .map(|(n, cols)| {
            expect_columns(file, n, &cols, 3);
            let courtesy = match cols[2] {
                "courtesy" => true,
                "title" => false,
                other => panic!("{file}:{n}: unknown kind {other:?} (want courtesy or title)"),
            };
            let honorific = Honorific {
                gender: parse_gender(file, n, cols[1]),
                courtesy,
            };
            (cols[0], honorific)
        })
        .collect()
}

fn kin_map() -> WordMap<&'static str> {
    rows(KIN_WORDS)
        .map(|(n, cols)| {
            expect_columns(KIN_WORDS.0, n, &cols, 2);
            (cols[0], cols[1])
        })
        .collect()
}

/// A list of lowercase words as the capitalised forms the text writes: `May`.
fn capitalised_set(src: Source) -> HashSet<String> {
    single_words(src)
        .map(|w| {
            let mut chars = w.chars();
            chars
                .next()
                .map(|first| first.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        })
        .collect()
}

fn pronoun_map() -> WordMap<Pronoun> {
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

    const ALL: [Source; 38] = [
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
        KIN_WORDS,
        ABBREVIATIONS,
        ADVERBS,
        ADDRESSEE_STOPS,
        ADDRESSEE_WORDS,
        AUXILIARIES,
        CHARACTERISING_VERBS,
        CLAUSE_OPENERS,
        DEFINITE_DETERMINERS,
        DETERMINERS,
        ELISIONS,
        GOVERNING_PREPOSITIONS,
        INDEFINITE_DETERMINERS,
        KEEP_WORDS,
        MANNER_ADVERBS,
        MESSAGE_NOUNS,
        MONTHS,
        NAME_PARTICLES,
        NOBODY_WORDS,
        NON_DESCRIBING_WORDS,
        NUMBER_WORDS,
        PHRASE_DETERMINERS,
        PLACE_PREPOSITIONS,
        ROLE_DETERMINERS,
        ROLE_STOPS,
        TELLING_VERB_STEMS,
        TITLE_MINOR_WORDS,
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
        assert!(!KIN_MAP.is_empty());
        assert!(!ABBREVIATIONS_SET.is_empty());
        assert!(!ADVERBS_SET.is_empty());
        assert!(!ADDRESSEE_STOPS_SET.is_empty());
        assert!(!ADDRESSEE_WORDS_SET.is_empty());
        assert!(!AUXILIARIES_SET.is_empty());
        assert!(!CHARACTERISING_VERBS_SET.is_empty());
        assert!(!CLAUSE_OPENERS_SET.is_empty());
        assert!(!DEFINITE_DETERMINERS_SET.is_empty());
        assert!(!DETERMINERS_SET.is_empty());
        assert!(!ELISIONS_SET.is_empty());
        assert!(!GOVERNING_PREPOSITIONS_SET.is_empty());
        assert!(!INDEFINITE_DETERMINERS_SET.is_empty());
        assert!(!KEEP_WORDS_SET.is_empty());
        assert!(!MANNER_ADVERBS_SET.is_empty());
        assert!(!MESSAGE_NOUNS_SET.is_empty());
        assert!(!MONTH_SET.is_empty());
        assert!(!NAME_PARTICLES_SET.is_empty());
        assert!(!NOBODY_WORDS_SET.is_empty());
        assert!(!NON_DESCRIBING_WORDS_SET.is_empty());
        assert!(!NUMBER_WORD_SET.is_empty());
        assert!(!PHRASE_DETERMINERS_SET.is_empty());
        assert!(!PLACE_PREPOSITIONS_SET.is_empty());
        assert!(!ROLE_DETERMINERS_SET.is_empty());
        assert!(!ROLE_STOPS_SET.is_empty());
        assert!(!TELLING_VERB_STEM_LIST.is_empty());
        assert!(!TITLE_MINOR_WORDS_SET.is_empty());
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
    fn courtesy_titles_are_the_honorifics_marked_so() {
        assert!(is_courtesy_title("Mr."));
        assert!(is_courtesy_title("dr"));
        assert!(is_courtesy_title("Sir"));
        assert!(is_courtesy_title("Mrs.."));
        assert!(!is_courtesy_title("Judge"));
        assert!(!is_courtesy_title("Table"));
        assert_eq!(honorific("Judge"), Some(Gender::Unknown));
    }

    #[test]
    fn kin_words_name_another_word_than_their_own() {
        // `is_kin_word` relies on it: a listed word always maps elsewhere.
        for (_, cols) in rows(KIN_WORDS) {
            assert_ne!(
                cols[0], cols[1],
                "kin_words.txt: {:?} maps to itself",
                cols[0]
            );
        }
        assert_eq!(kin_relation("nan"), Some("grandmother"));
        assert_eq!(kin_relation("Dad"), None);
        assert_eq!(kin_relation("father"), None);
    }

    #[test]
    fn exact_case_lookups_leave_capitalised_words_out() {
        assert!(is_adverb("then") && !is_adverb("Then"));
        assert!(is_keep_word("kept") && !is_keep_word("Kept"));
        assert!(is_name_particle("de") && !is_name_particle("De"));
        assert!(is_non_describing_word("on") && !is_non_describing_word("On"));
        assert!(is_addressee_stop("about") && !is_addressee_stop("About"));
        assert!(is_addressee_word("reporters") && !is_addressee_word("Reporters"));
        assert!(is_characterising_verb("dubbed") && !is_characterising_verb("Dubbed"));
    }

    #[test]
    fn months_and_number_words_match_only_capitalised() {
        assert!(is_month("March") && is_month("May"));
        assert!(!is_month("march") && !is_month("MARCH"));
        assert!(is_number_word("One") && is_number_word("Five"));
        assert!(!is_number_word("one") && !is_number_word("Six"));
    }

    #[test]
    fn other_small_lists_ignore_case() {
        assert!(is_abbreviation("Mr") && is_abbreviation("e.g") && !is_abbreviation("m"));
        assert!(is_determiner("The") && !is_determiner("this"));
        assert!(is_definite_determiner("That") && !is_definite_determiner("a"));
        assert!(is_indefinite_determiner("Several"));
        assert!(is_phrase_determiner("Nobody") && !is_role_determiner("your"));
        assert!(is_governing_preposition("Than") && is_place_preposition("Via"));
        assert!(is_elided_word("Tis") && is_message_noun("Tweet"));
        assert!(is_minor_title_word("Of") && is_role_stop("Who"));
        assert!(is_auxiliary("Was") && is_clause_opener("Whether"));
        assert!(is_manner_adverb("Further") && is_nobody_word("Critics"));
    }

    #[test]
    fn telling_verbs_match_by_stem() {
        assert!(is_telling_verb("told") && is_telling_verb("Reassured"));
        assert!(is_telling_verb("urging") && is_telling_verb("promises"));
        assert!(!is_telling_verb("said") && !is_telling_verb("retold"));
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
