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
//! and parsed once on first use into one table (lowercase word -> what
//! every list says of it), so a word costs one lookup however many lists a
//! rule asks; each thread also remembers the answers for words it saw
//! lately. Format: one entry a line; lines starting
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

use std::cell::RefCell;
use std::collections::HashMap;
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

impl Pronoun {
    /// `he`, `she`, `it`: a subject that stands for someone the article
    /// has named, one person or thing.
    pub fn is_third_person_singular_subject(&self) -> bool {
        self.case == Case::Subject
            && !self.first_or_second_person
            && self.number == Number::Singular
    }
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

// Built from the file's rows, not a set, so the order never depends on hashing.
static REPORTING_SORTED: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut words: Vec<_> = single_words(REPORTING_VERBS).collect();
    words.sort_unstable();
    words.dedup();
    words
});
static TELLING_VERB_STEM_LIST: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| single_words(TELLING_VERB_STEMS).collect());

/// The lists that only say yes or no: one bit each in an [`Entry`].
#[derive(Clone, Copy, Debug)]
enum List {
    Reporting,
    Cognition,
    Org,
    Title,
    Naming,
    NonName,
    Place,
    Abbreviation,
    Adverb,
    AddresseeStop,
    AddresseeWord,
    Auxiliary,
    Characterising,
    ClauseOpener,
    DefiniteDeterminer,
    Determiner,
    Elision,
    GoverningPreposition,
    IndefiniteDeterminer,
    Keep,
    MannerAdverb,
    MessageNoun,
    NameParticle,
    Nobody,
    NonDescribing,
    PhraseDeterminer,
    PlacePreposition,
    RoleDeterminer,
    RoleStop,
    TitleMinor,
    Month,
    NumberWord,
}

/// Each yes-or-no list and the file it is read from.
const FLAG_LISTS: [(List, Source); 32] = [
    (List::Reporting, REPORTING_VERBS),
    (List::Cognition, COGNITION_VERBS),
    (List::Org, ORG_NOUNS),
    (List::Title, TITLE_NOUNS),
    (List::Naming, NAMING_WORDS),
    (List::NonName, NON_NAME_WORDS),
    (List::Place, PLACE_NOUNS),
    (List::Abbreviation, ABBREVIATIONS),
    (List::Adverb, ADVERBS),
    (List::AddresseeStop, ADDRESSEE_STOPS),
    (List::AddresseeWord, ADDRESSEE_WORDS),
    (List::Auxiliary, AUXILIARIES),
    (List::Characterising, CHARACTERISING_VERBS),
    (List::ClauseOpener, CLAUSE_OPENERS),
    (List::DefiniteDeterminer, DEFINITE_DETERMINERS),
    (List::Determiner, DETERMINERS),
    (List::Elision, ELISIONS),
    (List::GoverningPreposition, GOVERNING_PREPOSITIONS),
    (List::IndefiniteDeterminer, INDEFINITE_DETERMINERS),
    (List::Keep, KEEP_WORDS),
    (List::MannerAdverb, MANNER_ADVERBS),
    (List::MessageNoun, MESSAGE_NOUNS),
    (List::NameParticle, NAME_PARTICLES),
    (List::Nobody, NOBODY_WORDS),
    (List::NonDescribing, NON_DESCRIBING_WORDS),
    (List::PhraseDeterminer, PHRASE_DETERMINERS),
    (List::PlacePreposition, PLACE_PREPOSITIONS),
    (List::RoleDeterminer, ROLE_DETERMINERS),
    (List::RoleStop, ROLE_STOPS),
    (List::TitleMinor, TITLE_MINOR_WORDS),
    (List::Month, MONTHS),
    (List::NumberWord, NUMBER_WORDS),
];

/// Everything the lists say of one lowercase word. The rules ask several
/// lists about the same word (is `Connor` a pronoun, an honorific, a role
/// noun…?), so all lists are one table and a word is looked up once.
#[derive(Clone, Copy, Debug)]
struct Entry {
    /// Bit `List as u32` is set when the word is in that list.
    lists: u32,
    honorific: Option<Honorific>,
    pronoun: Option<Pronoun>,
    person: Option<Gender>,
    first_name: Option<Gender>,
    kin: Option<&'static str>,
}

impl Entry {
    const NONE: Entry = Entry {
        lists: 0,
        honorific: None,
        pronoun: None,
        person: None,
        first_name: None,
        kin: None,
    };

    fn has(&self, list: List) -> bool {
        self.lists & (1 << list as u32) != 0
    }
}

static TABLE: LazyLock<WordMap<Entry>> = LazyLock::new(table);

/// Chars in the longest word of the table.
static LONGEST: LazyLock<usize> =
    LazyLock::new(|| TABLE.keys().map(|w| w.chars().count()).max().unwrap_or(0));

/// Chars a lookup may strip before it asks the table: a stop (`Mr.`) or a
/// contraction (`they’ll`).
const MOST_STRIPPED: usize = 3;

fn table() -> WordMap<Entry> {
    let mut table: WordMap<Entry> = WordMap::default();
    for (list, src) in FLAG_LISTS {
        for word in single_words(src) {
            table.entry(word).or_insert(Entry::NONE).lists |= 1 << list as u32;
        }
    }
    for (word, h) in honorific_rows() {
        table.entry(word).or_insert(Entry::NONE).honorific = Some(h);
    }
    for (word, p) in pronoun_rows() {
        table.entry(word).or_insert(Entry::NONE).pronoun = Some(p);
    }
    for (word, g) in gender_rows(PERSON_NOUNS) {
        table.entry(word).or_insert(Entry::NONE).person = Some(g);
    }
    for (word, g) in gender_rows(FIRST_NAMES) {
        table.entry(word).or_insert(Entry::NONE).first_name = Some(g);
    }
    for (word, relation) in kin_rows() {
        table.entry(word).or_insert(Entry::NONE).kin = Some(relation);
    }
    table
}

/// What the lists say of a word as the text writes it: the lowercase
/// entry, and the answers that depend on its spelling. Small, so that many
/// fit in the memo.
#[derive(Clone, Copy, Debug)]
struct Seen {
    lists: u32,
    person: Option<Gender>,
    first_name: Option<Gender>,
    /// Written in lowercase: the lists of exact case see the entry too.
    lowercase: bool,
    /// Written with a capital and then lowercase (`March`), for the lists
    /// that match only that form.
    capitalised: bool,
    /// Lowercased with one trailing '.' stripped (`Mr.`).
    honorific: Option<Honorific>,
    /// Contractions included (`she’s`).
    pronoun: Option<Pronoun>,
}

impl Seen {
    fn has(&self, list: List) -> bool {
        self.lists & (1 << list as u32) != 0
    }
}

fn get(lowered: &str) -> Entry {
    TABLE.get(lowered).copied().unwrap_or(Entry::NONE)
}

fn look_up(word: &str) -> Seen {
    let lowered = lower(word);
    let lowered: &str = &lowered;
    let entry = get(lowered);
    let honorific = match lowered.strip_suffix('.') {
        Some(stem) => get(stem).honorific,
        None => entry.honorific,
    };
    Seen {
        lists: entry.lists,
        person: entry.person,
        first_name: entry.first_name,
        lowercase: lowered == word,
        capitalised: (entry.has(List::Month) || entry.has(List::NumberWord))
            && capitalised(lowered) == word,
        honorific,
        pronoun: entry.pronoun.or_else(|| contraction(lowered)),
    }
}

/// Endings that make a subject pronoun a contraction.
const CONTRACTIONS: &[&str] = &[
    "’s", "'s", "’d", "'d", "’ll", "'ll", "’ve", "'ve", "’re", "'re",
];

/// `she’s` -> the pronoun `she`: a contraction of a subject pronoun.
fn contraction(lowered: &str) -> Option<Pronoun> {
    if !lowered.contains(['\'', '’']) {
        return None; // no contraction: most words end here
    }
    let stem = CONTRACTIONS.iter().find_map(|c| lowered.strip_suffix(c))?;
    TABLE
        .get(stem)
        .and_then(|e| e.pronoun)
        .filter(|p| p.case == Case::Subject)
}

/// Words up to this many bytes are remembered (nearly all words are shorter).
const MEMO_WORD: usize = 15;
/// Sets of two slots in each thread's memo of recent words (32 bytes a
/// slot): enough for the common vocabulary of news, small enough to stay
/// in the L2 cache. A quarter of the slots ran 26M more instructions on
/// 3 MB, and 3% slower on 10 MB.
const MEMO_SETS: usize = 2048;

/// A remembered word and what the lists say of it.
#[derive(Clone, Copy)]
struct Slot {
    /// The word's bytes, zero-padded, with its length in the last byte (so
    /// words that differ only by trailing NULs differ), as one number that
    /// compares in one instruction.
    key: u128,
    seen: Seen,
}

impl Slot {
    /// No word has this length byte.
    const EMPTY: Slot = Slot {
        key: u128::MAX,
        seen: Seen {
            lists: 0,
            person: None,
            first_name: None,
            lowercase: false,
            capitalised: false,
            honorific: None,
            pronoun: None,
        },
    };
}

thread_local! {
    /// The rules ask about the same word many times over (each name word is
    /// checked against six lists, each cue word against several), and a
    /// text repeats its words. Lowercasing and hashing into the table cost
    /// more than checking a small memo of words seen lately (two-way: with
    /// one slot a word, words that shared it kept pushing each other out).
    static MEMO: RefCell<[[Slot; 2]; MEMO_SETS]> =
        const { RefCell::new([[Slot::EMPTY; 2]; MEMO_SETS]) };
}

/// What the lists say of `word`, remembered per thread.
fn seen(word: &str) -> Seen {
    let bytes = word.as_bytes();
    if bytes.len() > MEMO_WORD {
        // A quotation is one token, and rules ask about the token before a
        // name: lowercasing a whole quotation to find it in no list cost 4%
        // of the run. Lowercasing never makes fewer chars.
        if word.chars().count() > *LONGEST + MOST_STRIPPED {
            return Slot::EMPTY.seen;
        }
        return look_up(word);
    }
    let key = pack(bytes);
    // Multiply-rotate as in `WordHasher`; the multiply leaves its
    // best-mixed bits at the top.
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mixed = ((key as u64) ^ ((key >> 64) as u64).rotate_left(23)).wrapping_mul(K);
    let set = (mixed >> (64 - MEMO_SETS.trailing_zeros())) as usize;
    MEMO.with(|memo| {
        let mut memo = memo.borrow_mut();
        let ways = &mut memo[set];
        if ways[0].key == key {
            return ways[0].seen;
        }
        // The word last asked about in a set goes first; a new word pushes
        // the older out, so two common words that share a set both stay.
        if ways[1].key != key {
            ways[1] = Slot {
                key,
                seen: look_up(word),
            };
        }
        ways.swap(0, 1);
        ways[0].seen
    })
}

/// A word of at most 15 bytes as one number: its bytes zero-padded, little
/// endian, with its length in the top byte. Read with a few loads straight
/// from the word: copying the bytes into a buffer and reading the buffer
/// back made every lookup wait for the copy.
fn pack(bytes: &[u8]) -> u128 {
    let n = bytes.len();
    debug_assert!(n <= MEMO_WORD);
    let len = (n as u128) << 120;
    let u64_at = |i: usize| {
        let mut b = [0u8; 8];
        b.copy_from_slice(&bytes[i..i + 8]);
        u64::from_le_bytes(b)
    };
    let u32_at = |i: usize| {
        let mut b = [0u8; 4];
        b.copy_from_slice(&bytes[i..i + 4]);
        u64::from(u32::from_le_bytes(b))
    };
    if n >= 8 {
        // The last eight bytes, shifted down past those the first eight hold.
        let tail = u64_at(n - 8).checked_shr(8 * (16 - n) as u32).unwrap_or(0);
        return u128::from(u64_at(0)) | (u128::from(tail) << 64) | len;
    }
    if n >= 4 {
        let tail = u32_at(n - 4) >> (8 * (8 - n));
        return u128::from(u32_at(0) | (tail << 32)) | len;
    }
    let mut low = 0u128;
    for (i, &b) in bytes.iter().enumerate() {
        low |= u128::from(b) << (8 * i);
    }
    low | len
}

/// In the list, in any case.
fn listed(word: &str, list: List) -> bool {
    seen(word).has(list)
}

/// In the list exactly as written: lowercase only.
fn listed_exactly(word: &str, list: List) -> bool {
    seen(word).has_exactly(list)
}

impl Seen {
    /// In the list as a capital and then lowercase: `March`, not `march`.
    fn has_capitalised(&self, list: List) -> bool {
        self.capitalised && self.has(list)
    }

    fn has_exactly(&self, list: List) -> bool {
        self.lowercase && self.has(list)
    }
}

/// What the lists say of one word, looked up once, for a rule that asks
/// one word several questions: the word after a name may be another name
/// word, a month (`Jo March`) or a particle (`de`), the word before it an
/// honorific or a role. Each answer is the one the function of the same
/// name gives.
#[derive(Clone, Copy)]
pub struct Word(Seen);

pub fn word(word: &str) -> Word {
    Word(seen(word))
}

impl Word {
    pub fn blocks_name(&self) -> bool {
        let seen = &self.0;
        seen.has(List::NonName)
            || seen.honorific.is_some()
            || seen.person.is_some()
            || seen.has(List::Title)
            || seen.pronoun.is_some()
            || seen.has(List::Reporting)
    }

    pub fn is_month(&self) -> bool {
        self.0.has_capitalised(List::Month)
    }

    pub fn is_number_word(&self) -> bool {
        self.0.has_capitalised(List::NumberWord)
    }

    pub fn is_name_particle(&self) -> bool {
        self.0.has_exactly(List::NameParticle)
    }

    pub fn honorific(&self) -> Option<Gender> {
        self.0.honorific.map(|h| h.gender)
    }

    pub fn person_noun(&self) -> Option<Gender> {
        self.0.person
    }

    pub fn is_reporting_verb(&self) -> bool {
        self.0.has(List::Reporting)
    }

    pub fn is_org_noun(&self) -> bool {
        self.0.has(List::Org)
    }

    pub fn is_adverb(&self) -> bool {
        self.0.has_exactly(List::Adverb)
    }

    pub fn is_place_noun(&self) -> bool {
        self.0.has(List::Place)
    }
}

pub fn is_reporting_verb(word: &str) -> bool {
    self::word(word).is_reporting_verb()
}

pub fn is_cognition_verb(word: &str) -> bool {
    listed(word, List::Cognition)
}

/// "Mr." / "mr" -> `Some(Male)`; a title that does not tell gender -> `Some(Unknown)`.
pub fn honorific(word: &str) -> Option<Gender> {
    self::word(word).honorific()
}

/// A title of courtesy (`Mr`, `Dr.`, `Sir`), which stays with a surname the
/// article gives no first name for; `Judge`, `Mayor` are titles but not
/// courtesy titles. Every trailing '.' is stripped.
pub fn is_courtesy_title(word: &str) -> bool {
    get(&lower(word.trim_end_matches('.')))
        .honorific
        .is_some_and(|h| h.courtesy)
}

/// A contraction counts as its pronoun: `she’s`, `he'd`, `they’ll` (news
/// prose writes `she’s revealed` as often as `she revealed`).
pub fn pronoun(word: &str) -> Option<Pronoun> {
    // Asked of every word of an article: most cannot be one by their first
    // letter and length alone (`the`, `was`, `of`), as the lowercased word,
    // or the stem of a contraction, starts with the lowercased first byte.
    // Lowercasing keeps an ASCII word's length.
    if !PRONOUN_SHAPES.admits(word.as_bytes()) {
        return None;
    }
    seen(word).pronoun
}

/// For each ASCII byte, the lengths in bytes of the listed pronouns that
/// start with it and of their contractions (`she’s`): bit `n` for `n`
/// bytes, the top bit for any longer.
static PRONOUN_SHAPES: LazyLock<Shapes> = LazyLock::new(|| Shapes::of_pronouns(|_| true));

/// Words of a few kinds by their first letter and length: for each ASCII
/// byte, the lengths in bytes of the words that start with it, bit `n` for
/// `n` bytes, the top bit for any longer. A word that does not fit is
/// surely none of them; one that fits may be. Lowercasing keeps an ASCII
/// word's length; a word of other letters is judged by its first byte.
pub struct Shapes([u16; 128]);

impl Shapes {
    /// The listed pronouns `keep` keeps, with their contractions if they
    /// are subjects (`she’s`).
    pub fn of_pronouns(keep: impl Fn(&Pronoun) -> bool) -> Shapes {
        // Bits are or-ed together: the order of the table does not matter.
        let mut shapes = Shapes([0; 128]);
        TABLE
            .iter()
            .filter_map(|(w, e)| Some((w, e.pronoun.filter(|p| keep(p))?)))
            .for_each(|(w, p)| {
                shapes.add(w.len(), w.as_bytes());
                if p.case == Case::Subject {
                    for c in CONTRACTIONS {
                        shapes.add(w.len() + c.len(), w.as_bytes());
                    }
                }
            });
        shapes
    }

    /// These words too, in any case.
    pub fn with_words<'w>(mut self, words: impl IntoIterator<Item = &'w str>) -> Shapes {
        for w in words {
            self.add(w.len(), w.as_bytes());
        }
        self
    }

    fn add(&mut self, len: usize, word: &[u8]) {
        if let Some(&b) = word.first()
            && b.is_ascii()
        {
            self.0[usize::from(b.to_ascii_lowercase())] |= length_bit(len);
        }
    }

    /// Whether `word` (its bytes) may be one of the words.
    pub fn admits(&self, word: &[u8]) -> bool {
        let Some(&b) = word.first() else {
            return false;
        };
        if !b.is_ascii() {
            return true;
        }
        let lengths = self.0[usize::from(b.to_ascii_lowercase())];
        lengths != 0 && (lengths & length_bit(word.len()) != 0 || !word.is_ascii())
    }
}

fn length_bit(len: usize) -> u16 {
    1 << len.min(15)
}

/// A capitalised word that still starts no name: a word listed as never
/// starting one (`The`, `Season`), an honorific, a person or title noun, a
/// pronoun or a reporting verb. One lookup for the six lists, as every
/// capitalised word of an article is asked.
pub fn blocks_name(word: &str) -> bool {
    self::word(word).blocks_name()
}

/// "actress" -> `Some(Female)`, "actor" -> `Some(Unknown)`, "table" -> `None`.
pub fn person_noun(word: &str) -> Option<Gender> {
    self::word(word).person_noun()
}

pub fn is_org_noun(word: &str) -> bool {
    self::word(word).is_org_noun()
}

pub fn is_title_noun(word: &str) -> bool {
    listed(word, List::Title)
}

pub fn is_naming_word(word: &str) -> bool {
    listed(word, List::Naming)
}

pub fn is_non_name_word(word: &str) -> bool {
    listed(word, List::NonName)
}

/// `street`, `park`, `station`: a word that ends a place's name.
pub fn is_place_noun(word: &str) -> bool {
    self::word(word).is_place_noun()
}

/// The gender a first name usually goes with: "Margaret" -> `Some(Female)`;
/// `None` for a name not listed or common to both.
pub fn first_name_gender(word: &str) -> Option<Gender> {
    seen(word).first_name
}

/// `Dad`'s relation: exact case, `"dad"` -> `Some("father")`, `"Dad"` -> `None`
/// (callers lowercase where they mean any case). One word per relation, so
/// `dad`, `papa` and `father` name one role.
pub fn kin_relation(word: &str) -> Option<&'static str> {
    TABLE.get(word).and_then(|e| e.kin)
}

/// A word that ends with a full stop without ending the sentence (`Mr`,
/// `etc`, `e.g`), given without its stop. Single letters are not listed.
pub fn is_abbreviation(word: &str) -> bool {
    listed(word, List::Abbreviation)
}

/// Exact case. A word that may stand between a subject and its verb:
/// `previously`, `has`, `went on to`.
pub fn is_adverb(word: &str) -> bool {
    self::word(word).is_adverb()
}

/// Exact case. A lowercase word that is not the noun of a possessive
/// addressee (`told her about`).
pub fn is_addressee_stop(word: &str) -> bool {
    listed_exactly(word, List::AddresseeStop)
}

/// Exact case. A word naming an audience addressed: `told reporters`.
pub fn is_addressee_word(word: &str) -> bool {
    listed_exactly(word, List::AddresseeWord)
}

/// A finite auxiliary: `was`, `has`, `will`.
pub fn is_auxiliary(word: &str) -> bool {
    listed(word, List::Auxiliary)
}

/// Exact case. A naming verb that characterises: `called`, `dubbed`, `branded`.
pub fn is_characterising_verb(word: &str) -> bool {
    listed_exactly(word, List::Characterising)
}

/// A word that opens a clause of its own: `that`, `whether`, `because`.
pub fn is_clause_opener(word: &str) -> bool {
    listed(word, List::ClauseOpener)
}

/// A determiner of a description somebody can be named by: `the`, `his`, `that`.
pub fn is_definite_determiner(word: &str) -> bool {
    listed(word, List::DefiniteDeterminer)
}

/// A determiner after which a reporting verb's form is a noun: `a`, `the`, `his`.
pub fn is_determiner(word: &str) -> bool {
    listed(word, List::Determiner)
}

/// A word a leading apostrophe shortens: `tis`, `em`, `n`.
pub fn is_elided_word(word: &str) -> bool {
    listed(word, List::Elision)
}

/// A word after which a name is an object, not a subject: `with`, `than`.
pub fn is_governing_preposition(word: &str) -> bool {
    listed(word, List::GoverningPreposition)
}

/// A determiner of somebody unnamed: `a`, `one`, `several`.
pub fn is_indefinite_determiner(word: &str) -> bool {
    listed(word, List::IndefiniteDeterminer)
}

/// Exact case. `kept`, `keeps`, `just`: before the verb of a nested cue.
pub fn is_keep_word(word: &str) -> bool {
    listed_exactly(word, List::Keep)
}

/// An adverb of time or manner after a reporting verb: `further`, `later`.
pub fn is_manner_adverb(word: &str) -> bool {
    listed(word, List::MannerAdverb)
}

/// A noun for a written message: `note`, `text`, `tweet`.
pub fn is_message_noun(word: &str) -> bool {
    listed(word, List::MessageNoun)
}

/// Exact case, capitalised: `March` is a month, `march` and `MARCH` are not.
pub fn is_month(word: &str) -> bool {
    self::word(word).is_month()
}

/// Exact case. A lowercase particle inside a name: `de`, `van`, `bin`.
pub fn is_name_particle(word: &str) -> bool {
    self::word(word).is_name_particle()
}

/// A word for nobody in particular: `someone`, `fans`, `critics`.
pub fn is_nobody_word(word: &str) -> bool {
    listed(word, List::Nobody)
}

/// Exact case. A lowercase word that never describes a speaker: `on`, `it`.
pub fn is_non_describing_word(word: &str) -> bool {
    listed_exactly(word, List::NonDescribing)
}

/// Exact case, capitalised: `One` continues a name (`Beacon One`), `one` does not.
pub fn is_number_word(word: &str) -> bool {
    self::word(word).is_number_word()
}

/// A word that opens a noun phrase of manner or place: `a`, `his`, `nobody`.
pub fn is_phrase_determiner(word: &str) -> bool {
    listed(word, List::PhraseDeterminer)
}

/// A preposition before a place or a medium: `on`, `in`, `via`.
pub fn is_place_preposition(word: &str) -> bool {
    listed(word, List::PlacePreposition)
}

/// A determiner that may open the description of a role: `the`, `her`.
pub fn is_role_determiner(word: &str) -> bool {
    listed(word, List::RoleDeterminer)
}

/// A word that never describes a role: `and`, `of`, `who`.
pub fn is_role_stop(word: &str) -> bool {
    listed(word, List::RoleStop)
}

/// A verb whose object is the person addressed: starts with a listed stem
/// (`tell`, `told`, `remind`, `urg`), so every inflection counts.
pub fn is_telling_verb(word: &str) -> bool {
    let word = lower(word);
    // Only the stems that begin with the word's first byte are compared:
    // comparing all thirteen cost some 270 instructions a call.
    let Some(&first) = word.as_bytes().first() else {
        return false;
    };
    TELLING_VERB_STEM_LIST
        .iter()
        .any(|s| s.as_bytes().first() == Some(&first) && word.starts_with(s))
}

/// A minor word a title in title case leaves lowercase: `and`, `of`, `the`.
pub fn is_minor_title_word(word: &str) -> bool {
    listed(word, List::TitleMinor)
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

fn gender_rows(src: Source) -> impl Iterator<Item = (&'static str, Gender)> {
    rows(src).map(move |(n, cols)| {
        expect_columns(src.0, n, &cols, 2);
        (cols[0], parse_gender(src.0, n, cols[1]))
    })
}

/// What `honorifics.txt` says of a title.
#[derive(Debug, Clone, Copy)]
struct Honorific {
    gender: Gender,
    courtesy: bool,
}

fn honorific_rows() -> impl Iterator<Item = (&'static str, Honorific)> {
    let file = HONORIFICS.0;
    rows(HONORIFICS).map(move |(n, cols)| {
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
}

fn kin_rows() -> impl Iterator<Item = (&'static str, &'static str)> {
    rows(KIN_WORDS).map(|(n, cols)| {
        expect_columns(KIN_WORDS.0, n, &cols, 2);
        (cols[0], cols[1])
    })
}

/// A lowercase word as the capitalised form the text writes: `May`.
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn pronoun_rows() -> impl Iterator<Item = (&'static str, Pronoun)> {
    let file = PRONOUNS.0;
    rows(PRONOUNS).map(move |(n, cols)| {
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
    use std::collections::HashSet;

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
        for (list, src) in FLAG_LISTS {
            let listed = TABLE.values().filter(|e| e.lists & (1 << list as u32) != 0);
            assert_eq!(listed.count(), words(src).len(), "{}", src.0);
        }
        let count = |field: fn(&Entry) -> bool| TABLE.values().filter(|e| field(e)).count();
        assert_eq!(count(|e| e.honorific.is_some()), words(HONORIFICS).len());
        assert_eq!(count(|e| e.pronoun.is_some()), words(PRONOUNS).len());
        assert_eq!(count(|e| e.person.is_some()), words(PERSON_NOUNS).len());
        assert_eq!(count(|e| e.first_name.is_some()), words(FIRST_NAMES).len());
        assert_eq!(count(|e| e.kin.is_some()), words(KIN_WORDS).len());
        assert!(!TELLING_VERB_STEM_LIST.is_empty());
    }

    #[test]
    fn one_table_answers_as_each_list_would() {
        let sets: HashMap<&str, HashSet<&str>> = ALL
            .iter()
            .map(|&src| (src.0, words(src).into_iter().collect()))
            .collect();
        let exact = |src: Source, w: &str| sets[src.0].contains(w);
        let any_case = |src: Source, w: &str| exact(src, &w.to_lowercase());
        let capitalised_set =
            |src: Source| -> HashSet<String> { words(src).into_iter().map(capitalised).collect() };
        let (months, numbers) = (capitalised_set(MONTHS), capitalised_set(NUMBER_WORDS));
        let mut spellings = Vec::new();
        for src in ALL {
            for w in words(src) {
                let mut chars = w.chars();
                let first = chars.next().map(|c| c.to_uppercase().collect::<String>());
                let capitalised = first.unwrap_or_default() + chars.as_str();
                let contracted = format!("{capitalised}’ll");
                let straight = [format!("{w}'d"), format!("{}'LL", w.to_uppercase())];
                spellings.extend([
                    w.to_string(),
                    capitalised,
                    w.to_uppercase(),
                    format!("{w}."),
                    format!("{w}’s"),
                    contracted,
                ]);
                spellings.extend(straight);
            }
        }
        let subjects = Shapes::of_pronouns(Pronoun::is_third_person_singular_subject);
        for _round in 0..2 {
            for w in &spellings {
                let w = w.as_str();
                // The shapes of a kind of pronoun admit every spelling of it.
                if look_up(w)
                    .pronoun
                    .is_some_and(|p| p.is_third_person_singular_subject())
                {
                    assert!(subjects.admits(w.as_bytes()), "{w}");
                }
                assert_eq!(is_reporting_verb(w), any_case(REPORTING_VERBS, w), "{w}");
                assert_eq!(is_org_noun(w), any_case(ORG_NOUNS, w), "{w}");
                assert_eq!(is_non_name_word(w), any_case(NON_NAME_WORDS, w), "{w}");
                assert_eq!(is_role_stop(w), any_case(ROLE_STOPS, w), "{w}");
                assert_eq!(is_adverb(w), exact(ADVERBS, w), "{w}");
                assert_eq!(is_name_particle(w), exact(NAME_PARTICLES, w), "{w}");
                let lowered = w.to_lowercase();
                let stem = lowered.strip_suffix('.').unwrap_or(&lowered);
                assert_eq!(honorific(w).is_some(), exact(HONORIFICS, stem), "{w}");
                assert_eq!(person_noun(w).is_some(), any_case(PERSON_NOUNS, w), "{w}");
                assert_eq!(kin_relation(w).is_some(), exact(KIN_WORDS, w), "{w}");
                // The first-letter shortcut answers as the table does.
                assert_eq!(pronoun(w), look_up(w).pronoun, "{w}");
                assert_eq!(is_month(w), months.contains(w), "{w}");
                assert_eq!(is_number_word(w), numbers.contains(w), "{w}");
                let blocks = is_non_name_word(w)
                    || honorific(w).is_some()
                    || person_noun(w).is_some()
                    || is_title_noun(w)
                    || pronoun(w).is_some()
                    || is_reporting_verb(w);
                assert_eq!(blocks_name(w), blocks, "{w}");
            }
        }
    }

    #[test]
    fn long_words_are_refused_only_when_no_list_can_hold_them() {
        assert!(
            CONTRACTIONS
                .iter()
                .all(|c| c.chars().count() <= MOST_STRIPPED)
        );
        // The longest listed word, padded past the memo, with a contraction.
        let longest = TABLE
            .keys()
            .max_by_key(|w| w.chars().count())
            .copied()
            .unwrap_or_default();
        let quote = "“I said it was never going to happen, and it did not happen.”";
        assert!(quote.len() > MEMO_WORD);
        assert_eq!(pronoun(quote), None);
        assert!(!is_org_noun(quote));
        let padded = format!("{longest}’ll");
        assert_eq!(seen(&padded).lists, look_up(&padded).lists, "{padded}");
    }

    #[test]
    fn pack_is_the_padded_bytes_and_the_length() {
        let word = "abcdefghijklmno";
        for n in 0..=MEMO_WORD {
            let mut padded = [0u8; 16];
            padded[..n].copy_from_slice(&word.as_bytes()[..n]);
            padded[15] = n as u8;
            assert_eq!(
                pack(&word.as_bytes()[..n]),
                u128::from_le_bytes(padded),
                "{n}"
            );
        }
        // Trailing NULs and length tell words apart.
        assert_ne!(pack(b"ab"), pack(b"ab\0"));
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
        // Each stem, capitalised or not, and a word one letter short of it.
        for stem in TELLING_VERB_STEM_LIST.iter() {
            assert!(is_telling_verb(stem) && is_telling_verb(&capitalised(stem)));
            assert!(is_telling_verb(&format!("{stem}ed")), "{stem}");
            assert!(!is_telling_verb(&stem[..stem.len() - 1]), "{stem}");
        }
        assert!(!is_telling_verb(""));
    }

    #[test]
    fn every_first_or_second_person_form_is_in_pronouns_file() {
        for word in FIRST_OR_SECOND_PERSON {
            assert!(
                TABLE.get(word).is_some_and(|e| e.pronoun.is_some()),
                "{word:?} missing from pronouns.txt"
            );
        }
    }

    #[test]
    fn reporting_verbs_slice_is_sorted_and_complete() {
        let verbs = reporting_verbs();
        assert!(verbs.windows(2).all(|p| p[0] < p[1]));
        assert_eq!(verbs.len(), words(REPORTING_VERBS).len());
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
