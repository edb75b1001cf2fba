//! Marks: which characters of a paragraph are quotation marks, and whether
//! each one can open or close a quotation.
//!
//! In: one paragraph. Out: its marks in order, apostrophes left out.
//!
//! The glyph alone does not decide: writers and their software mix curly and
//! straight marks in one quotation (“I can protect him," …), type a closing
//! mark the wrong way round (“Hello,“ he said) and use ’ both as apostrophe
//! and as closing mark (girls’, ’90s, ‘an album called ’21’’). So each mark is
//! read from its neighbours, as Markdown reads emphasis: a mark with space or
//! an opening bracket before it and a word after it opens (left-flanking); a
//! mark with a word before it and space or punctuation after it closes
//! (right-flanking). The glyph only breaks ties.

use crate::lexicon;
use crate::span::Span;
use crate::text::scan::ByteSet;

/// Marks pair only within their family.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    /// " “ ” „ ‟ and LaTeX `` ''
    Double,
    /// ' ‘ ’ ‚ ‛ and LaTeX `
    Single,
    /// « » ‹ ›
    Angle,
}

impl Family {
    pub const ALL: [Family; 3] = [Family::Double, Family::Single, Family::Angle];

    pub fn index(self) -> usize {
        match self {
            Family::Double => 0,
            Family::Single => 1,
            Family::Angle => 2,
        }
    }
}

/// What a mark can do, read from its context.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Open,
    Close,
    /// Close if a quotation of its family is open, else open (a straight mark
    /// between two words, or one that flanks both ways).
    Either,
    /// Close if a quotation of its family is open, else nothing (a mark with
    /// space on both sides: `intervening , " the minister said`).
    CloseIfOpen,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark {
    pub span: Span,
    pub family: Family,
    pub role: Role,
    /// “ „ ‘ ‚ or ``: a mark that can open a quotation nested in one of its
    /// own family, which a straight mark cannot.
    pub directional_open: bool,
    /// A single mark after an `s` and before a space: the end of a quotation
    /// (‘… the Smiths’ she said) or a plural possessive (the players’ bus).
    pub after_plural_s: bool,
}

/// The quotation marks of the paragraph `para`, in order.
pub fn scan(text: &str, para: Span) -> Vec<Mark> {
    let mut marks = Vec::new();
    scan_into(text, para, &mut marks);
    marks
}

/// `scan` into a buffer the caller reuses from paragraph to paragraph
/// (cleared first).
pub fn scan_into(text: &str, para: Span, marks: &mut Vec<Mark>) {
    marks.clear();
    let body = para.of(text);
    let bytes = body.as_bytes();
    // Whether the text uses LaTeX ``: asked only at a '' (rare), so most
    // paragraphs are never searched for it.
    let mut latex: Option<bool> = None;
    let mut at = 0;
    // Jump from byte to byte that can begin a mark: most of a paragraph is
    // passed over without decoding a char.
    while let Some(i) = MAY_BEGIN_MARK.find(bytes, at) {
        // `don’t`, `Connor's`: an apostrophe between two ASCII letters or
        // digits, the commonest of all candidates, is no mark (`classify`
        // says so: a single mark with a word on both sides). Ruled out on
        // its bytes, before any char is decoded.
        let apostrophe = match bytes[i] {
            b'\'' => 1,
            0xE2 if bytes[i..].starts_with("’".as_bytes()) => 3,
            _ => 0,
        };
        if apostrophe > 0
            && i > 0
            && bytes[i - 1].is_ascii_alphanumeric()
            && bytes
                .get(i + apostrophe)
                .is_some_and(u8::is_ascii_alphanumeric)
        {
            at = i + apostrophe;
            continue;
        }
        let glyph = body[i..].chars().next().expect("a mark byte begins a char");
        let mut len = glyph.len_utf8();
        at = i + len;
        if !is_mark_char(glyph) {
            continue;
        }
        // LaTeX doubles: `` opens, '' closes (only in a text that uses ``).
        let doubled = (glyph == '`' || glyph == '\'')
            && bytes.get(at) == Some(&(glyph as u8))
            && (glyph == '`' || *latex.get_or_insert_with(|| body.contains("``")));
        if doubled {
            len += 1;
            at += 1;
        }
        let prev = body[..i].chars().next_back();
        let next = body[at..].chars().next();
        let span = Span::new(para.start + i, para.start + i + len);
        if let Some(mark) = classify(glyph, doubled, prev, next, &body[at..], span) {
            marks.push(mark);
        }
    }
    resolve_plural_possessives(marks);
}

/// The bytes that can begin a mark's UTF-8: " ' ` themselves, 0xC2 for
/// « », 0xE2 for the marks at U+2018–U+201F and ‹ ›. Any other byte is
/// inside or at the start of some other char.
const MAY_BEGIN_MARK: ByteSet<5> = ByteSet::new([b'"', b'\'', b'`', 0xC2, 0xE2]);

fn is_mark_char(c: char) -> bool {
    matches!(
        c,
        '"' | '“'
            | '”'
            | '„'
            | '‟'
            | '\''
            | '‘'
            | '’'
            | '‚'
            | '‛'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '`'
    )
}

/// Space, the paragraph's edge, or an opening bracket or dash: what stands
/// before an opening mark.
fn opens_after(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(c) => c.is_whitespace() || OPENS_AFTER.contains(&c) || is_mark_char(c),
    }
}

/// Space, the paragraph's edge, or punctuation: what stands after a closing mark.
fn closes_before(next: Option<char>) -> bool {
    match next {
        None => true,
        Some(c) => c.is_whitespace() || CLOSES_BEFORE.contains(&c) || is_mark_char(c),
    }
}

// Char arrays, not `&str`s: `str::contains` searches for the char's UTF-8,
// some eighty instructions a mark; an array is a few compares.
const OPENS_AFTER: [char; 8] = ['(', '[', '{', '<', '—', '–', '-', '/'];
const CLOSES_BEFORE: [char; 16] = [
    '.', ',', ';', ':', '!', '?', ')', ']', '}', '>', '…', '—', '–', '-', '/', '*',
];

fn is_space(c: Option<char>) -> bool {
    c.is_none_or(char::is_whitespace)
}

fn classify(
    glyph: char,
    doubled: bool,
    prev: Option<char>,
    next: Option<char>,
    rest: &str,
    span: Span,
) -> Option<Mark> {
    let (family, hint) = match (glyph, doubled) {
        ('`', true) => (Family::Double, Some(Role::Open)),
        ('\'', true) => (Family::Double, Some(Role::Close)),
        ('"', _) => (Family::Double, None),
        ('“' | '‟', _) => (Family::Double, Some(Role::Open)),
        ('”', _) => (Family::Double, Some(Role::Close)),
        ('„', _) => (Family::Double, Some(Role::Open)),
        ('\'', _) => (Family::Single, None),
        ('‘' | '‛' | '`', _) => (Family::Single, Some(Role::Open)),
        ('’', _) => (Family::Single, Some(Role::Close)),
        ('‚', _) => (Family::Single, Some(Role::Open)),
        ('«' | '‹', _) => (Family::Angle, Some(Role::Open)),
        ('»' | '›', _) => (Family::Angle, Some(Role::Close)),
        _ => return None,
    };
    // Low marks and guillemets only ever point one way.
    let one_way = matches!(glyph, '„' | '‚' | '«' | '»' | '‹' | '›') || (glyph == '`' && !doubled);
    let word_before = prev.is_some_and(char::is_alphanumeric);
    let word_after = next.is_some_and(char::is_alphanumeric);

    let left = opens_after(prev) && !is_space(next);
    let right = closes_before(next) && !is_space(prev);
    let mut role = match (left, right) {
        (true, false) => Role::Open,
        (false, true) => Role::Close,
        (true, true) => hint.unwrap_or(Role::Either),
        (false, false) => {
            if family == Family::Single && word_before && word_after {
                return None; // don’t, Connor’s, dog‘s
            }
            if is_space(prev) && is_space(next) {
                Role::CloseIfOpen
            } else {
                hint.unwrap_or(Role::Either)
            }
        }
    };
    if one_way && hint.is_some_and(|h| h != role) {
        if role == Role::Either || role == Role::CloseIfOpen {
            role = hint.expect("one-way glyphs have a hint");
        } else {
            return None; // a low mark closing, `how‚ are`: not a quotation mark
        }
    }
    if family == Family::Single && role == Role::Open && is_elision(rest) {
        return None;
    }
    let after_plural_s = family == Family::Single
        && role == Role::Close
        && matches!(prev, Some('s' | 'S'))
        && next.is_some_and(char::is_whitespace);
    Some(Mark {
        span,
        family,
        role,
        directional_open: matches!(glyph, '“' | '„' | '‘' | '‚' | '‛' | '«' | '‹')
            || (doubled && glyph == '`'),
        after_plural_s,
    })
}

/// ’tis, ’em, ’n’, ’90s: an apostrophe where a word or the century was cut.
fn is_elision(rest: &str) -> bool {
    let word: String = rest
        .chars()
        .take(8)
        .take_while(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    if lexicon::is_elided_word(&word) {
        return true;
    }
    // ’90s, ’90 vintage, but not the title ’21’.
    let b = word.as_bytes();
    let decade = b.len() == 3 && b[0].is_ascii_digit() && b[1].is_ascii_digit() && b[2] == b's';
    let year = b.len() == 2
        && b[0].is_ascii_digit()
        && b[1].is_ascii_digit()
        && !rest[2..].chars().next().is_some_and(is_mark_char);
    decade || year
}

/// `Jones' cow is cuter!'`: a mark after a plural `s` is a possessive when
/// the next single mark in the paragraph closes too; otherwise it may close.
fn resolve_plural_possessives(marks: &mut Vec<Mark>) {
    if !marks.iter().any(|m| m.after_plural_s) {
        return; // the common case: nothing to drop, nothing to allocate
    }
    let mut next_single_closes = false;
    let mut drop = vec![false; marks.len()];
    for (i, m) in marks.iter().enumerate().rev() {
        if m.family != Family::Single {
            continue;
        }
        if m.after_plural_s && next_single_closes {
            drop[i] = true;
            continue;
        }
        next_single_closes = matches!(m.role, Role::Close | Role::CloseIfOpen);
    }
    let mut i = 0;
    marks.retain(|_| {
        i += 1;
        !drop[i - 1]
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(text: &str) -> Vec<(String, Role)> {
        scan(text, Span::new(0, text.len()))
            .into_iter()
            .map(|m| (m.span.of(text).to_string(), m.role))
            .collect()
    }

    #[test]
    fn apostrophes_inside_words_are_not_marks() {
        assert!(roles("Don’t take Mara’s dog‘s ball, we've said").is_empty());
    }

    #[test]
    fn an_apostrophe_between_ascii_words_is_what_classify_says() {
        // The byte-level skip in `scan_into` must agree with `classify`.
        let around = ['a', 'Z', '0', '9', 's', 'S'];
        for glyph in ['\'', '’'] {
            for prev in around {
                for next in around {
                    let text = format!("{prev}{glyph}{next}");
                    let rest = &text[prev.len_utf8() + glyph.len_utf8()..];
                    let span = Span::new(1, 1 + glyph.len_utf8());
                    let slow = classify(glyph, false, Some(prev), Some(next), rest, span);
                    assert_eq!(slow, None, "{text}");
                    assert!(roles(&text).is_empty(), "{text}");
                }
            }
        }
        // Next to anything else it is read from its context as before.
        assert_eq!(roles("a’ b").len(), 1);
        assert_eq!(roles("a 'b").len(), 1);
    }

    #[test]
    fn mixed_curly_and_straight_marks_open_and_close_by_context() {
        assert_eq!(
            roles("“I can help,\" Ivo said."),
            [("“".into(), Role::Open), ("\"".into(), Role::Close)]
        );
    }

    #[test]
    fn wrong_way_curly_mark_closes_after_a_comma() {
        assert_eq!(roles("“Hi,“ he said")[1], ("“".into(), Role::Close));
    }

    #[test]
    fn elisions_do_not_open_quotations() {
        assert!(roles("in the ’90s and ’tis rock ’n").is_empty());
        assert!(roles("the '90 vintage").is_empty());
        assert_eq!(roles("an album called ’21’").len(), 2);
    }

    #[test]
    fn plural_possessive_before_a_closing_mark_is_dropped() {
        let r = roles("'The players' bus is late!'");
        assert_eq!(r, [("'".into(), Role::Open), ("'".into(), Role::Close)]);
        assert_eq!(r.len(), 2);
    }

    #[test]
    fn closing_mark_after_plural_s_is_kept_when_nothing_follows() {
        assert_eq!(roles("‘I love the Smiths’ she said").len(), 2);
    }

    #[test]
    fn low_mark_inside_a_word_run_is_ignored() {
        assert!(roles("how‚ are").is_empty());
    }

    #[test]
    fn spaced_mark_only_closes() {
        assert_eq!(roles("word , \" the")[0].1, Role::CloseIfOpen);
    }

    #[test]
    fn latex_marks_are_read_in_a_latex_text() {
        let r = roles("``Hi,'' she said");
        assert_eq!(r, [("``".into(), Role::Open), ("''".into(), Role::Close)]);
    }
}
