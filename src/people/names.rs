//! Names: runs of capitalised words in the writer's text that may name
//! someone, and the fullest form of each name the article gives.
//!
//! In: the token stream. Out: every name run, with the words that make the
//! name (honorifics, role words and a possessive `’s` stripped off).
//!
//! A run is capitalised words, joined by initials (`Heather C. Briccetti`)
//! and particles (`Thibault de Montalembert`); it stops at words that never
//! start a name (`The`, `But`, `Season`), honorifics (`Mr`), role nouns
//! (`Star`, `Actor`), and after a possessive.

use std::cell::RefCell;

use crate::lexicon;
use crate::span::Span;
use crate::text::{Tok, TokKind};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameRun {
    /// Token range of the name words (honorific and role excluded).
    pub toks: std::ops::Range<usize>,
    /// Bytes of the name, from its first word to its last (no possessive).
    pub span: Span,
    /// The name's words, possessive stripped.
    pub words: NameWords,
    /// Honorific right before it (`Mr`, `Dr.`), if any: its token, and its
    /// bytes with the stop.
    pub honorific: Option<usize>,
    pub honorific_span: Option<Span>,
    /// Role noun right before it (`actor`, `showrunner`, `Star`), if any.
    pub role: Option<usize>,
    /// First token of the whole mention: the name with its honorific, role
    /// and the words that describe the role (`Town manager Gary Henshall`,
    /// `chief executive Imogen Sewell`, `The critic Fay Lorrimer`).
    pub descriptor_start: usize,
    pub possessive: bool,
    /// Whether the run opens its sentence (its capital proves little).
    pub sentence_initial: bool,
}

/// Name runs `runs` makes room for before the first: an article's worth.
const RUNS_AT_FIRST: usize = 256;

/// The most words a name run holds.
const MAX_NAME_WORDS: usize = 6;

/// A name's words, kept in place: a name has a few words at most, and an
/// article has a name run every hundred bytes or so, each of which had a
/// vector of its own to allocate.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub struct NameWords {
    spans: [Span; MAX_NAME_WORDS],
    len: usize,
}

impl NameWords {
    /// Add a word; the run stops taking words before this is full.
    fn push(&mut self, word: Span) {
        self.spans[self.len] = word;
        self.len += 1;
    }
}

impl std::ops::Deref for NameWords {
    type Target = [Span];

    fn deref(&self) -> &[Span] {
        &self.spans[..self.len]
    }
}

impl std::fmt::Debug for NameWords {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// Whether the word token could be part of a name.
pub fn is_name_word(word: &str) -> bool {
    name_shaped(word).is_some_and(|bare| !lexicon::blocks_name(bare))
}

/// The word without its possessive, if it is shaped like a name word
/// (whatever the word lists say of it).
fn name_shaped(word: &str) -> Option<&str> {
    let first = word.chars().next()?;
    if !first.is_uppercase() {
        return None;
    }
    let bare = strip_possessive(word).0;
    // `Oscar-winning`, `Swansea-based`, `II-listed` describe; `Jean-Luc` names.
    // (Most words have no hyphen: a byte test says so before the split; the
    // `‐` hyphen's UTF-8 starts with 0xE2.)
    let lower_tail = bare.bytes().any(|b| b == b'-' || b == 0xE2)
        && bare
            .split(['-', '‐'])
            .skip(1)
            .any(|p| p.chars().next().is_some_and(char::is_lowercase));
    (!lower_tail).then_some(bare)
}

/// `Connor’s` -> (`Connor`, true).
pub fn strip_possessive(word: &str) -> (&str, bool) {
    let bytes = word.as_bytes();
    // Most words end in neither `s` nor `S`: their last byte says so.
    let Some((b's' | b'S', rest)) = bytes.split_last() else {
        return (word, false);
    };
    // `’` is E2 80 99 in UTF-8.
    let stem = match rest {
        [stem @ .., b'\''] | [stem @ .., 0xE2, 0x80, 0x99] if !stem.is_empty() => stem.len(),
        _ => return (word, false),
    };
    (&word[..stem], true)
}

/// All name runs in `toks`, in order.
pub fn runs(text: &str, toks: &[Tok]) -> Vec<NameRun> {
    // News has a name run every ten tokens or so; making room for an
    // article's runs at once spares copying them as the vector grows (a
    // run is some 200 bytes). Past that, it grows as it needs.
    runs_into(text, toks, Vec::new())
}

/// `runs`, into `out` (cleared first): a worker hands its vector from one
/// document to the next.
pub fn runs_into(text: &str, toks: &[Tok], mut out: Vec<NameRun>) -> Vec<NameRun> {
    out.clear();
    out.reserve((toks.len() / 8).min(RUNS_AT_FIRST));
    let mut i = 0;
    while i < toks.len() {
        // Most tokens are words in small letters or punctuation: no name
        // starts there, and `run_at` need not be asked.
        let t = toks[i];
        let first = text.as_bytes().get(t.span.start).copied().unwrap_or(b' ');
        if t.kind != TokKind::Word || (first.is_ascii() && !first.is_ascii_uppercase()) {
            i += 1;
            continue;
        }
        if let Some(run) = run_at(text, toks, i) {
            i = run.toks.end;
            out.push(run);
        } else {
            i += 1;
        }
    }
    out
}

/// The name run that starts at token `i`, if one does.
pub fn run_at(text: &str, toks: &[Tok], i: usize) -> Option<NameRun> {
    let word = |k: usize| {
        toks.get(k)
            .filter(|t| t.kind == TokKind::Word)
            .map(|t| t.span.of(text))
    };
    let w = word(i)?;
    if !is_name_word(w) {
        return None;
    }
    let mut words = NameWords::default();
    let mut k = i;
    let mut possessive = false;
    // No name has more than a handful of words; a longer run of capitals
    // (a headline, a shouted line) is cut, which also keeps the cost of
    // comparing its suffixes bounded.
    while let Some(w) = word(k).filter(|_| words.len() < MAX_NAME_WORDS) {
        if toks[k].para != toks[i].para {
            break;
        }
        let (stem, poss) = strip_possessive(w);
        // Word `i` was checked above: most runs are one word, and the
        // check is the dearest part of a run. Any later word is asked
        // whether it is a name word, a month or a particle in one lookup.
        let listed = (k != i).then(|| lexicon::word(stem));
        let is_name = |listed: lexicon::Word| name_shaped(w).is_some() && !listed.blocks_name();
        // A month or a number after a name word continues it: `Jo March`,
        // `Beacon One`.
        let continues = |listed: lexicon::Word| listed.is_month() || listed.is_number_word();
        if listed.is_none_or(|l| is_name(l) || continues(l)) {
            let start = toks[k].span.start;
            words.push(Span::new(start, start + stem.len()));
            k += 1;
            if poss {
                possessive = true;
                break;
            }
            // An initial: `C.` followed by another name word.
            if stem.chars().count() == 1
                && toks
                    .get(k)
                    .is_some_and(|t| t.span.of(text) == "." && t.span.start == toks[k - 1].span.end)
                && word(k + 1).is_some_and(is_name_word)
            {
                k += 1;
            }
            continue;
        }
        let particle = match listed {
            Some(listed) if !poss => listed.is_name_particle(),
            _ => lexicon::is_name_particle(w),
        };
        if !words.is_empty() && particle && word(k + 1).is_some_and(is_name_word) {
            words.push(toks[k].span);
            k += 1;
            continue;
        }
        break;
    }
    let first = toks[i];
    let last_word = *words.last()?;
    let before = |k: usize| i.checked_sub(k).and_then(|j| word(j).map(|w| (j, w)));
    // `Mr Lyn`, `Mr. Lyn`, `actor Ola Pim`, `Saints fullback Luke Shaw`
    let mut honorific = None;
    let mut role = None;
    let mut back = 1;
    if toks
        .get(i.wrapping_sub(1))
        .is_some_and(|t| t.span.of(text) == ".")
    {
        back = 2;
    }
    if let Some((j, w)) = before(back)
        && toks[j].para == first.para
    {
        let listed = lexicon::word(w);
        if listed.honorific().is_some() {
            honorific = Some(j);
        } else if listed.person_noun().is_some() && back == 1 {
            role = Some(j);
        }
    }
    let descriptor_start = honorific
        .or(role)
        .map_or(i, |r| describing_start(text, toks, r));
    let sentence_initial = i == 0
        || toks[i - 1].sent != first.sent
        || (honorific
            .or(role)
            .is_some_and(|j| j == 0 || toks[j - 1].sent != first.sent));
    let honorific_span = honorific.map(|h| {
        let s = toks[h].span;
        if text[s.end..].starts_with('.') {
            Span::new(s.start, s.end + 1)
        } else {
            s
        }
    });
    Some(NameRun {
        descriptor_start,
        honorific_span,
        toks: i..k,
        span: Span::new(first.span.start, last_word.end),
        words,
        honorific,
        role,
        possessive,
        sentence_initial,
    })
}

/// Where the words describing a role begin: one word before the role
/// (`Town manager`, `chief executive`, `Culture Minister`) and a determiner
/// before that (`The critic`, `her son, the writer`); never a verb, a
/// preposition or punctuation. One word only, so `Ola Pim met director Ivo
/// Marr` cannot reach back into an earlier name.
fn describing_start(text: &str, toks: &[Tok], role: usize) -> usize {
    let mut start = role;
    let mut described = false;
    for _ in 0..2 {
        let Some(k) = start.checked_sub(1) else { break };
        let t = toks[k];
        if t.kind != TokKind::Word || t.sent != toks[role].sent {
            break;
        }
        let w = t.span.of(text);
        if lexicon::is_role_determiner(w) {
            start = k;
            break;
        }
        if described
            || lexicon::is_role_stop(w)
            || lexicon::is_reporting_verb(w)
            || lexicon::is_cognition_verb(w)
            || lexicon::pronoun(w).is_some()
        {
            break;
        }
        described = true;
        start = k;
    }
    start
}

/// A name's words as one display string: `Heather C. Briccetti`. All-capital
/// names (`MARIA LOPEZ:` in a transcript) are written in title case.
pub fn display(text: &str, words: &[Span]) -> String {
    let mut out = String::new();
    display_into(text, words, &mut out);
    out
}

/// Append `display(text, words)` to `out`.
pub fn display_into(text: &str, words: &[Span], out: &mut String) {
    // A small letter settles it for most names, before any counting.
    let all_caps = words.iter().all(|w| {
        let s = w.of(text);
        !s.chars().any(char::is_lowercase) && s.chars().filter(|c| c.is_alphabetic()).count() > 1
    });
    let bytes: usize = words.iter().map(|w| w.end - w.start + 2).sum();
    out.reserve(bytes);
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let s = w.of(text);
        if all_caps && words.len() > 1 {
            let mut chars = s.chars();
            if let Some(c) = chars.next() {
                out.push(c);
                out.extend(chars.flat_map(char::to_lowercase));
            }
        } else {
            out.push_str(s);
        }
        // Keep the stop of an initial or an honorific: `C.`, `Mr.`
        // (The stop is asked about first: most words have none, and the
        // word lists need not be.)
        if text[w.end..].starts_with('.')
            && !s.ends_with('.')
            && (s.chars().count() == 1 || lexicon::honorific(s).is_some())
        {
            out.push('.');
        }
    }
}

/// `key(&display(text, words))`, without building the display string when
/// the words are ASCII: display then only adds stops and changes case,
/// and the key drops stops and lowercases.
pub fn words_key(text: &str, words: &[Span]) -> String {
    let mut out = String::new();
    words_key_into(text, words, &mut out);
    out
}

/// `f(&words_key(text, words))`, with the key written into a buffer the
/// thread keeps: looking a name up allocates nothing.
pub fn with_key<R>(text: &str, words: &[Span], f: impl FnOnce(&str) -> R) -> R {
    thread_local! {
        static KEY: RefCell<String> = const { RefCell::new(String::new()) };
    }
    KEY.with(|buffer| match buffer.try_borrow_mut() {
        Ok(mut key) => {
            words_key_into(text, words, &mut key);
            f(&key)
        }
        // Asked again from inside `f`: a key of its own.
        Err(_) => f(&words_key(text, words)),
    })
}

/// `words_key`, into `out` (cleared first).
fn words_key_into(text: &str, words: &[Span], out: &mut String) {
    out.clear();
    push_words_key(text, words, out);
}

/// Append the key of these name words to `out`.
pub fn push_words_key(text: &str, words: &[Span], out: &mut String) {
    let start = out.len();
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let w = w.of(text);
        // One pass over a word's bytes settles most words (ASCII, no stop):
        // copied whole. Asking for ASCII and for a stop separately cost two
        // passes and a memchr call per word.
        if w.bytes().all(|b| b.is_ascii() && b != b'.') {
            out.push_str(w);
        } else if w.is_ascii() {
            out.extend(w.chars().filter(|&c| c != '.'));
        } else {
            // Accents to fold: the key of the display form, as `key` says.
            out.truncate(start);
            out.push_str(&key(&display(text, words)));
            return;
        }
    }
    out[start..].make_ascii_lowercase();
}

/// A key to compare names by: lower case, accents folded.
pub fn key(name: &str) -> String {
    if name.is_ascii() {
        // Most names: no accent to fold, and lowercase by byte (into a
        // string sized at once: collecting a filter grew it a byte at a time).
        let mut out = String::with_capacity(name.len());
        out.extend(
            name.bytes()
                .filter(|&b| b != b'.')
                .map(|b| char::from(b.to_ascii_lowercase())),
        );
        return out;
    }
    name.chars()
        .filter(|c| *c != '.')
        .map(fold_accent)
        .flat_map(char::to_lowercase)
        .collect()
}

fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' => 'A',
        'ç' | 'ć' | 'č' => 'c',
        'Ç' | 'Ć' | 'Č' => 'C',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ě' => 'e',
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ě' => 'E',
        'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
        'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' => 'I',
        'ñ' | 'ń' | 'ň' => 'n',
        'Ñ' | 'Ń' | 'Ň' => 'N',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => 'o',
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' => 'O',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' => 'u',
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' => 'U',
        'ý' | 'ÿ' => 'y',
        'Ý' => 'Y',
        'š' | 'ś' => 's',
        'Š' | 'Ś' => 'S',
        'ž' | 'ź' | 'ż' => 'z',
        'Ž' | 'Ź' | 'Ż' => 'Z',
        'ł' => 'l',
        'Ł' => 'L',
        '’' => '\'',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{paragraphs, tokens::tokenize};

    fn names(text: &str) -> Vec<String> {
        let t = tokenize(text, &paragraphs(text), &[], 0);
        runs(text, &t.toks)
            .iter()
            .map(|r| display(text, &r.words))
            .collect()
    }

    #[test]
    fn finds_full_names_and_stops_at_role_words() {
        assert_eq!(
            names("Golden Star Ola Pim met showrunner Ivo Marr."),
            ["Golden", "Ola Pim", "Ivo Marr"]
        );
    }

    #[test]
    fn initials_and_particles_join_a_name() {
        assert_eq!(
            names("Then Tia C. Marr met Ana de Vries."),
            ["Tia C. Marr", "Ana de Vries"]
        );
    }

    #[test]
    fn hyphenated_describing_words_are_no_names() {
        assert_eq!(
            names("The Oscar-winning Ola Pim met Jean-Luc Marr."),
            ["Ola Pim", "Jean-Luc Marr"]
        );
    }

    #[test]
    fn a_month_after_a_first_name_is_a_surname() {
        assert_eq!(names("Then Jo March smiled in March."), ["Jo March"]);
    }

    #[test]
    fn possessive_ends_a_name() {
        assert_eq!(
            names("It was Ola Pim’s Gala Night."),
            ["Ola Pim", "Gala Night"]
        );
    }

    #[test]
    fn descriptor_words_before_a_role_belong_to_the_mention() {
        let text = "Town manager Ivo Marr left. The critic Ola Pim stayed. Ana Ruiz met director Tia Lamb.";
        let t = tokenize(text, &paragraphs(text), &[], 0);
        let starts: Vec<&str> = runs(text, &t.toks)
            .iter()
            .filter(|r| r.role.is_some())
            .map(|r| t.toks[r.descriptor_start].span.of(text))
            .collect();
        assert_eq!(starts, ["Town", "The", "met"]);
    }

    #[test]
    fn honorific_is_kept_apart() {
        let text = "He met Mr. Lyn there.";
        let t = tokenize(text, &paragraphs(text), &[], 0);
        let r = runs(text, &t.toks);
        assert_eq!(display(text, &r[0].words), "Lyn");
        assert!(r[0].honorific.is_some());
    }

    #[test]
    fn all_capital_names_are_title_cased() {
        let text = "MARIA LOPEZ: yes";
        let t = tokenize(text, &paragraphs(text), &[], 0);
        let r = runs(text, &t.toks);
        assert_eq!(display(text, &r[0].words), "Maria Lopez");
    }

    #[test]
    fn keys_fold_accents_and_case() {
        assert_eq!(key("Stéphane"), key("stephane"));
    }

    #[test]
    fn a_possessive_is_stripped_with_either_apostrophe_in_either_case() {
        assert_eq!(strip_possessive("Connor’s"), ("Connor", true));
        assert_eq!(strip_possessive("Connor's"), ("Connor", true));
        assert_eq!(strip_possessive("CONNOR’S"), ("CONNOR", true));
        assert_eq!(strip_possessive("Zoë's"), ("Zoë", true));
        for word in ["’s", "'s", "s", "", "Jones", "Connor’", "Connor’t", "Glass"] {
            assert_eq!(strip_possessive(word), (word, false), "{word}");
        }
    }

    #[test]
    fn words_key_is_the_key_of_the_display_form() {
        // Initials and honorifics with stops, capitals, accents, transcript
        // labels in capitals, a possessive-free apostrophe.
        let text = "Heather C. Briccetti met Dr. Ivo Marr, MARIA LOPEZ and                     Stéphane O’Neill; then DR. J. R. R. Tolkien and A.J. Ross.";
        let paras = crate::text::paragraphs(text);
        let tokens = crate::text::tokens::tokenize(text, &paras, &[], 0);
        let words: Vec<Span> = tokens
            .toks
            .iter()
            .filter(|t| t.kind == crate::text::TokKind::Word)
            .map(|t| t.span)
            .collect();
        for start in 0..words.len() {
            for end in start + 1..=(start + 4).min(words.len()) {
                let ws = &words[start..end];
                assert_eq!(words_key(text, ws), key(&display(text, ws)), "{ws:?}");
                // Appended after other keys, as `add_full_names` does: a
                // word with accents late in a name must not drop them.
                let mut keys = String::from("ola pim|");
                push_words_key(text, ws, &mut keys);
                assert_eq!(keys, format!("ola pim|{}", key(&display(text, ws))));
            }
        }
    }
}
