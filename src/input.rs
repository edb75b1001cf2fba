//! Bytes as read from a file, turned into the text the pipeline reads.
//!
//! Scraped files are often not clean UTF-8. By default a bad byte stops the
//! file (with its offset, so the user can look); with `lossy`, each bad
//! sequence becomes U+FFFD and a [`Repairs`] map takes every offset the
//! pipeline reports back to the original bytes, so spans still point into
//! the file the user has.

use std::fmt;

/// Why a file's bytes cannot be read as text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// A NUL byte: no article holds one, so this is not text.
    Binary { offset: usize },
    /// Starts with a UTF-16 byte-order mark: text, but in the wrong encoding.
    Utf16,
    /// The first byte, from `offset`, that is not part of valid UTF-8.
    InvalidUtf8 { offset: usize },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Binary { offset } => write!(
                f,
                "looks binary (NUL byte at byte {offset}); expected an article as UTF-8 text"
            ),
            DecodeError::Utf16 => write!(
                f,
                "is UTF-16, not UTF-8 (convert it, e.g. with iconv -f UTF-16 -t UTF-8)"
            ),
            DecodeError::InvalidUtf8 { offset } => write!(
                f,
                "invalid UTF-8 at byte {offset} (convert the file to UTF-8, e.g. with iconv, \
                 or pass --lossy to replace bad bytes and go on)"
            ),
        }
    }
}

impl std::error::Error for DecodeError {}

/// A file's text, and how it differs from the file's bytes.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub repairs: Repairs,
}

/// Where `lossy` decoding put U+FFFD in place of bad bytes: pairs of
/// (offset in the text, offset in the file), at the start and at the end of
/// each replacement, in order. Empty when the text is the file's bytes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Repairs {
    points: Vec<(usize, usize)>,
}

impl Repairs {
    /// Whether any byte was replaced.
    pub fn any(&self) -> bool {
        !self.points.is_empty()
    }

    /// How many bad sequences were replaced.
    pub fn count(&self) -> usize {
        self.points.len() / 2
    }

    /// The file offset of the first replaced byte.
    pub fn first(&self) -> Option<usize> {
        self.points.first().map(|&(_, file)| file)
    }

    /// The file offset of text offset `at`. Offsets inside a replacement
    /// character cannot occur (spans lie on character boundaries); its start
    /// maps to the bad bytes' start and its end to their end.
    pub fn original(&self, at: usize) -> usize {
        let i = self.points.partition_point(|&(text, _)| text <= at);
        match i.checked_sub(1).map(|i| self.points[i]) {
            Some((text, file)) => file + (at - text),
            None => at,
        }
    }
}

/// Read `bytes` as UTF-8 text; with `lossy`, replace bad sequences instead
/// of refusing the file. Binary and UTF-16 files are refused either way: a
/// repair of those would be noise, not an article.
pub fn decode(bytes: Vec<u8>, lossy: bool) -> Result<Decoded, DecodeError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(DecodeError::Utf16);
    }
    // The byte-wise search for the offset runs only on a file that has a NUL.
    if has_nul(&bytes)
        && let Some(offset) = bytes.iter().position(|&b| b == 0)
    {
        return Err(DecodeError::Binary { offset });
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text,
            repairs: Repairs::default(),
        }),
        Err(e) if !lossy => Err(DecodeError::InvalidUtf8 {
            offset: e.utf8_error().valid_up_to(),
        }),
        Err(e) => Ok(repair(e.as_bytes())),
    }
}

/// Whether `bytes` hold a NUL. Each block of 256 is folded with no early
/// exit, so the compiler compares many bytes per instruction; `contains`
/// (memchr) went a word at a time, two fifths of `decode`'s cost.
fn has_nul(bytes: &[u8]) -> bool {
    bytes
        .chunks(256)
        .any(|block| block.iter().fold(false, |nul, &b| nul | (b == 0)))
}

/// Replace each maximal bad sequence with one U+FFFD (the rule
/// `String::from_utf8_lossy` follows), keeping the offset map.
fn repair(bytes: &[u8]) -> Decoded {
    let mut text = String::with_capacity(bytes.len() + 16);
    let mut points = Vec::new();
    let mut at = 0;
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        at += chunk.valid().len();
        let bad = chunk.invalid();
        if !bad.is_empty() {
            points.push((text.len(), at));
            text.push(char::REPLACEMENT_CHARACTER);
            at += bad.len();
            points.push((text.len(), at));
        }
    }
    Decoded {
        text,
        repairs: Repairs { points },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_text_is_taken_as_is() {
        let d = decode("“Hi,” she says.".as_bytes().to_vec(), false).unwrap();
        assert_eq!(d.text, "“Hi,” she says.");
        assert!(!d.repairs.any());
        assert_eq!(d.repairs.original(7), 7);
    }

    #[test]
    fn bad_byte_is_refused_with_its_offset() {
        let bytes = b"ab\xE9cd".to_vec();
        assert_eq!(
            decode(bytes, false).unwrap_err(),
            DecodeError::InvalidUtf8 { offset: 2 }
        );
    }

    #[test]
    fn a_truncated_sequence_at_the_end_is_refused_too() {
        // A download cut in the middle of a curly quote.
        let bytes = b"He said \xE2\x80".to_vec();
        assert_eq!(
            decode(bytes, false).unwrap_err(),
            DecodeError::InvalidUtf8 { offset: 8 }
        );
    }

    #[test]
    fn nul_is_binary_even_when_lossy() {
        let bytes = b"PK\x03\x04\x00\x00".to_vec();
        assert_eq!(
            decode(bytes, true).unwrap_err(),
            DecodeError::Binary { offset: 4 }
        );
    }

    #[test]
    fn a_nul_is_found_in_any_block_at_any_place() {
        for len in [1, 255, 256, 257, 1000] {
            assert!(!has_nul(&vec![b'a'; len]));
            for at in [0, len / 2, len - 1] {
                let mut bytes = vec![b'a'; len];
                bytes[at] = 0;
                assert!(has_nul(&bytes), "{len} {at}");
                assert_eq!(
                    decode(bytes, false).unwrap_err(),
                    DecodeError::Binary { offset: at }
                );
            }
        }
    }

    #[test]
    fn utf16_is_named_as_such() {
        let bytes = b"\xFF\xFEH\x00i\x00".to_vec();
        assert_eq!(decode(bytes, true).unwrap_err(), DecodeError::Utf16);
    }

    #[test]
    fn lossy_maps_text_offsets_back_to_file_offsets() {
        // Latin-1 é (one byte) inside UTF-8 text, then a lone continuation
        // pair: two repairs, one byte and two bytes long.
        let bytes = b"Caf\xE9 \xE2\x80\x9CHi\xE2\x80\x9D \x80\x80end".to_vec();
        let d = decode(bytes.clone(), true).unwrap();
        assert_eq!(d.text, "Caf\u{FFFD} “Hi” \u{FFFD}\u{FFFD}end");
        assert_eq!(d.repairs.count(), 3);
        assert_eq!(d.repairs.first(), Some(3));
        // `Hi` in the text, and in the file.
        let hi = d.text.find("Hi").unwrap();
        let at = d.repairs.original(hi);
        assert_eq!(&bytes[at..at + 2], b"Hi");
        // `end` comes after three replacements (3 bytes each) of 1+1+1 bytes.
        let end = d.text.find("end").unwrap();
        assert_eq!(&bytes[d.repairs.original(end)..], b"end");
        assert_eq!(d.repairs.original(d.text.len()), bytes.len());
        // A replacement's start and end map to the bad bytes' start and end.
        assert_eq!(d.repairs.original(3), 3);
        assert_eq!(d.repairs.original(6), 4);
    }
}
