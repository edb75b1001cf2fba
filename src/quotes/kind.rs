//! Kind: a quotation that stands as a clause of its own (`direct`), or a few
//! quoted words inside the writer's sentence (`fragment`).
//!
//! In: the quoted text and the text just before and after it. Out: its kind.
//!
//! A quotation is direct when it opens its sentence or follows a colon,
//! comma or dash (`Ola adds, “We did.”`), when a reporting verb stands right
//! before it (`a text that says “hi”`), when a cue follows it (`But “it’s
//! late,” she says.`) or when it holds more than one sentence. Otherwise a
//! word of the writer's stands right before it and it is a fragment:
//! `Ola says she has “no idea” what comes next`.

use std::sync::LazyLock;

use regex::Regex;

use super::Kind;
use crate::lexicon;
use crate::text::scan::ByteSet;

pub fn classify(content: &str, before: &str, after: &str) -> Kind {
    // What stands before it first: it decides most quotations at once.
    let Some(prev) = before.trim_end().chars().next_back() else {
        return Kind::Direct;
    };
    if !prev.is_alphanumeric() || has_inner_sentence_break(content) {
        return Kind::Direct;
    }
    if last_word(before).is_some_and(lexicon::is_reporting_verb) || starts_with_cue(after) {
        return Kind::Direct;
    }
    Kind::Fragment
}

/// The last word of `s`, if `s` ends in one (spaces aside): letters,
/// digits, `-`, `'` and `’`. Read back byte by byte, decoding only
/// non-ASCII chars (a char iterator cost some 150 instructions a call, and
/// every quotation asks twice).
pub fn last_word(s: &str) -> Option<&str> {
    let s = s.trim_end();
    let bytes = s.as_bytes();
    let mut start = bytes.len();
    while let Some(&b) = bytes[..start].last() {
        let len = if b.is_ascii() {
            if !(b.is_ascii_alphanumeric() || b == b'-' || b == b'\'') {
                break;
            }
            1
        } else {
            let c = s[..start].chars().next_back().expect("a char ends here");
            if !(c.is_alphanumeric() || c == '’') {
                break;
            }
            c.len_utf8()
        };
        start -= len;
    }
    (start < bytes.len()).then(|| &s[start..])
}

/// The first word of `s`, if `s` starts with one (spaces aside): letters,
/// digits and `-`, read as `last_word` reads.
pub fn first_word(s: &str) -> Option<&str> {
    let s = s.trim_start();
    let bytes = s.as_bytes();
    let mut end = 0;
    while let Some(&b) = bytes.get(end) {
        let len = if b.is_ascii() {
            if !(b.is_ascii_alphanumeric() || b == b'-') {
                break;
            }
            1
        } else {
            let c = s[end..].chars().next().expect("a char starts here");
            if !c.is_alphanumeric() {
                break;
            }
            c.len_utf8()
        };
        end += len;
    }
    (end > 0).then(|| &s[..end])
}

/// Words in `text` as `split_whitespace` cuts them, counted up to `most`
/// (callers ask whether there are one, two, three or more). Read byte by
/// byte, decoding only non-ASCII chars: the `split_whitespace` iterator
/// cost 800 instructions a quotation.
pub fn count_words(text: &str, most: usize) -> usize {
    let bytes = text.as_bytes();
    let mut count = 0;
    let mut in_word = false;
    let mut i = 0;
    while count < most
        && let Some(&b) = bytes.get(i)
    {
        let (space, len) = if b.is_ascii() {
            // `char::is_whitespace` on ASCII: these six, \x0B included.
            (matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r'), 1)
        } else {
            let c = text[i..].chars().next().expect("i is a char boundary");
            (c.is_whitespace(), c.len_utf8())
        };
        if space {
            in_word = false;
        } else if !in_word {
            in_word = true;
            count += 1;
        }
        i += len;
    }
    count
}

/// Whether `content` holds a sentence break: a small letter or digit, a
/// stop, maybe a closing mark, space, maybe an opening mark, a capital —
/// the pattern `[a-z0-9][.!?…]["”’']?\s+["“‘']?[A-Z]`, read by hand: the
/// regex cost 650 instructions a quotation, most of it starting up.
fn has_inner_sentence_break(content: &str) -> bool {
    // A break, if any, shows in the first couple of kilobytes.
    let mut end = content.len().min(2048);
    while !content.is_char_boundary(end) {
        end -= 1;
    }
    let s = content[..end].trim();
    let bytes = s.as_bytes();
    if bytes.is_empty() {
        return false;
    }
    let mut at = 1; // a stop needs a byte before it
    while let Some(i) = MAY_BEGIN_STOP.find(bytes, at) {
        at = i + 1;
        let stop_len = match bytes[i] {
            b'.' | b'!' | b'?' => 1,
            _ if s[i..].starts_with('…') => '…'.len_utf8(),
            _ => continue, // another char that starts with 0xE2
        };
        if !matches!(bytes[i - 1], b'a'..=b'z' | b'0'..=b'9') {
            continue;
        }
        let mut rest = s[i + stop_len..].chars().peekable();
        rest.next_if(|&c| matches!(c, '"' | '”' | '’' | '\''));
        if rest.next_if(|c| c.is_whitespace()).is_none() {
            continue;
        }
        // Space chars are no marks or capitals: skip them all, no going back.
        while rest.next_if(|c| c.is_whitespace()).is_some() {}
        rest.next_if(|&c| matches!(c, '"' | '“' | '‘' | '\''));
        if rest.next().is_some_and(|c| c.is_ascii_uppercase()) {
            return true;
        }
    }
    false
}

/// The first bytes of the stops: `.` `!` `?` and 0xE2, which begins `…`.
const MAY_BEGIN_STOP: ByteSet<4> = ByteSet::new([b'.', b'!', b'?', 0xE2]);

/// Whether `after` (the text after a closing mark) begins with a speech cue:
/// `, he says`, `," Ola told Pim`, `" said Mr Lyn`, `, the actor added`.
pub fn starts_with_cue(after: &str) -> bool {
    // The verb ends the pattern with `(?:\z|\W)`, not `\b`: every verb ends
    // in a letter, so the two say the same, but a Unicode `\b` makes the
    // regex's DFA give up at the first non-ASCII byte (a ’ or an é in the
    // context) and fall back to a backtracker that clears a bitmap of every
    // NFA state on each search: 40 000 instructions a call, not 1 000.
    static CUE: LazyLock<Regex> = LazyLock::new(|| {
        let verbs = alternation_tree(lexicon::reporting_verbs());
        let pattern = format!(
            r"(?x)
            ^\s*[,;]?\s*(?:--|[—–-])?\s*
            (?:
                # subject then verb: he says / Ola Pim told / the 46-year-old actress said
                (?: (?i:he|she|they|it|i|we)
                  | \p{{Lu}}[\p{{L}}'’.-]*(?:\s+\p{{Lu}}[\p{{L}}'’.-]*){{0,3}}
                  | (?i:the|a|an|one|another|his|her|their)(?:\s+[\p{{L}}\d'’-]+){{1,3}}
                )
                \s+(?:\p{{L}}+ly\s+|also\s+|later\s+|then\s+|previously\s+)?
                (?i:{verbs})(?:\z|\W)
              | # verb then subject: said Ola / insists Pim / added little Amy
                (?i:{verbs})\s+[\p{{L}}\d]
            )"
        );
        Regex::new(&pattern).expect("cue pattern builds from the verb list")
    });
    // A cue is a few words long (`, the 46-year-old actress added`): the
    // rest of the context cannot change the answer, only its cost.
    let mut end = after.len().min(CUE_REACH);
    while !after.is_char_boundary(end) {
        end -= 1;
    }
    CUE.is_match(&after[..end])
}

/// `words` (sorted, no repeats) as one regex alternation with shared
/// prefixes written once: `add|added|adds|admit` → `ad(?:d(?:|ed|s)|mit)`.
/// It matches the same words, but the regex compiler, which does not factor
/// an alternation of case-insensitive words itself, builds the cue pattern
/// in two fifths less time (it was a twentieth of a run on 3 MB).
fn alternation_tree(words: &[&str]) -> String {
    let mut out = String::new();
    push_alternation_tree(words, &mut out);
    out
}

fn push_alternation_tree(words: &[&str], out: &mut String) {
    let mut i = 0;
    while i < words.len() {
        if i > 0 {
            out.push('|');
        }
        let Some(c) = words[i].chars().next() else {
            i += 1; // the empty word (sorted first): nothing to write
            continue;
        };
        // The run of words that begin with `c`, and their common prefix
        // (sorted: that of its first and last word).
        let n = words[i..].iter().take_while(|w| w.starts_with(c)).count();
        let (first, last) = (words[i], words[i + n - 1]);
        let common = first
            .char_indices()
            .zip(last.chars())
            .find(|&((_, a), b)| a != b)
            .map_or(first.len().min(last.len()), |((at, _), _)| at);
        out.push_str(&regex::escape(&first[..common]));
        if n > 1 {
            let rest: Vec<&str> = words[i..i + n].iter().map(|w| &w[common..]).collect();
            out.push_str("(?:");
            push_alternation_tree(&rest, out);
            out.push(')');
        }
        i += n;
    }
}

/// Bytes after a quotation that a cue can span: a subject of up to four
/// words, an adverb and the longest verb form, with room to spare.
const CUE_REACH: usize = 160;

#[cfg(test)]
mod tests {
    use super::*;

    /// Every string of up to `most` of these pieces, the empty one first.
    fn strings_of(pieces: &[&str], most: usize) -> Vec<String> {
        let mut texts = vec![String::new()];
        let mut from = 0;
        for _ in 0..most {
            let to = texts.len();
            for i in from..to {
                for p in pieces {
                    texts.push(format!("{}{p}", texts[i]));
                }
            }
            from = to;
        }
        texts
    }

    #[test]
    fn quotation_after_a_comma_or_at_sentence_start_is_direct() {
        assert_eq!(classify("We did.", "Ola adds, ", ""), Kind::Direct);
        assert_eq!(classify("We did,", "", " she said."), Kind::Direct);
    }

    #[test]
    fn quoted_words_inside_the_writers_sentence_are_a_fragment() {
        assert_eq!(
            classify("no idea", "Ola says she has ", " what comes next."),
            Kind::Fragment
        );
    }

    #[test]
    fn quotation_after_a_reporting_verb_is_direct() {
        assert_eq!(
            classify("hi", "a text from Pim that says ", " with a heart."),
            Kind::Direct
        );
    }

    #[test]
    fn quotation_followed_by_a_cue_is_direct() {
        assert_eq!(classify("it’s late,", "But ", " she says."), Kind::Direct);
    }

    #[test]
    fn every_reporting_verb_ends_in_a_letter() {
        // What lets the cue pattern end a verb with `(?:\z|\W)` for `\b`.
        assert!(
            lexicon::reporting_verbs()
                .iter()
                .all(|v| v.ends_with(|c: char| c.is_ascii_alphabetic()))
        );
    }

    #[test]
    fn a_cue_verb_ends_where_its_word_does() {
        assert!(starts_with_cue(", he said"));
        assert!(starts_with_cue(", he said’ and"));
        assert!(!starts_with_cue(", he saidé"));
        assert!(!starts_with_cue(", he said_"));
        assert!(!starts_with_cue(", he said2"));
    }

    #[test]
    fn the_verb_tree_matches_the_verbs_and_nothing_else() {
        assert_eq!(
            alternation_tree(&["add", "added", "adds", "admit"]),
            "ad(?:d(?:|ed|s)|mit)"
        );
        let verbs = lexicon::reporting_verbs();
        let tree = Regex::new(&format!("^(?:{})$", alternation_tree(verbs))).unwrap();
        let is_verb = |w: &str| verbs.binary_search(&w).is_ok();
        for v in verbs {
            assert!(tree.is_match(v), "{v}");
            assert!(!tree.is_match(&format!("{v}x")) || is_verb(&format!("{v}x")));
            for cut in 0..v.len() {
                let dropped = format!("{}{}", &v[..cut], &v[cut + 1..]);
                assert_eq!(tree.is_match(&v[..cut]), is_verb(&v[..cut]), "{v}");
                assert_eq!(tree.is_match(&dropped), is_verb(&dropped), "{v}");
            }
        }
    }

    #[test]
    fn sentence_break_reads_as_its_pattern() {
        let pattern = Regex::new(r#"[a-z0-9][.!?…]["”’']?\s+["“‘']?[A-Z]"#).unwrap();
        let regex = |s: &str| {
            let mut end = s.len().min(2048);
            while !s.is_char_boundary(end) {
                end -= 1;
            }
            pattern.is_match(s[..end].trim())
        };
        // Every string of up to four of these pieces, many longer ones,
        // and some at the 2048-byte cut.
        let pieces = [
            "a", "Z", "0", "É", ".", "!", "?", "…", "\"", "”", "’", "'", "“", "‘", " ", "\u{a0}",
            "\n", "—",
        ];
        let mut texts = strings_of(&pieces, 4);
        let mut seed = 7u32;
        for _ in 0..20_000 {
            let mut t = String::new();
            for _ in 0..5 + seed % 8 {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                t.push_str(pieces[(seed >> 16) as usize % pieces.len()]);
            }
            texts.push(t);
        }
        texts.push(format!("{}b. C", "x".repeat(2045)));
        texts.push(format!("{}b. C", "x".repeat(2046)));
        texts.push(format!("{}é. C", "x".repeat(2044)));
        for t in &texts {
            assert_eq!(has_inner_sentence_break(t), regex(t), "{t:?}");
        }
    }

    #[test]
    fn count_words_counts_as_split_whitespace_does() {
        for text in [
            "",
            " ",
            "one",
            "  one  two ",
            "one\u{b}two\u{c}three\rfour five",
            "a\u{a0}b\u{2009}c\u{3000}d\u{85}e",
            "é ’tis\u{1c}x\u{200b}y", // U+001C and U+200B are no whitespace
            "naïve café au lait, s’il vous plaît",
            "x\n\ny\t\tz",
        ] {
            for most in 0..7 {
                let want = text.split_whitespace().count().min(most);
                assert_eq!(count_words(text, most), want, "{text:?} {most}");
            }
        }
    }

    #[test]
    fn first_and_last_word_read_as_char_iterators_do() {
        fn last(s: &str) -> Option<&str> {
            let s = s.trim_end();
            let start = s
                .char_indices()
                .rev()
                .take_while(|&(_, c)| c.is_alphanumeric() || c == '-' || c == '\'' || c == '’')
                .last()
                .map(|(i, _)| i)?;
            Some(&s[start..])
        }
        fn first(s: &str) -> Option<&str> {
            let s = s.trim_start();
            let end = s
                .char_indices()
                .take_while(|&(_, c)| c.is_alphanumeric() || c == '-')
                .last()
                .map(|(i, c)| i + c.len_utf8())?;
            Some(&s[..end])
        }
        let pieces = [
            "a", "É", "7", "-", "'", "’", " ", "\u{a0}", ",", "“", "ß", "_",
        ];
        let texts = strings_of(&pieces, 4);
        for t in &texts {
            assert_eq!(last_word(t), last(t), "{t:?}");
            assert_eq!(first_word(t), first(t), "{t:?}");
        }
    }

    #[test]
    fn cue_forms_are_recognised() {
        assert!(starts_with_cue(", he says."));
        assert!(starts_with_cue(" said Mr Lyn."));
        assert!(starts_with_cue(", the 46-year-old actress added."));
        assert!(starts_with_cue(" Ola Pim told reporters"));
        assert!(!starts_with_cue(" with strands draping"));
        assert!(!starts_with_cue(", compared to season 1"));
    }
}
