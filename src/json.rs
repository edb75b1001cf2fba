//! JSON text of a record, byte for byte as serde_json writes it, in about
//! three fifths of the instructions.
//!
//! A record is mostly frame: a dozen and a half keys, their quotes, colons
//! and commas, around short values. serde_json escapes each key byte by
//! byte as if it could hold a quotation mark, and tests every byte of a
//! value on its own. [`Json`] writes the frame of a struct (braces,
//! separators, keys as they are, indentation) in a few appends, tests a
//! string eight bytes at a time and copies it whole when it needs no
//! escaping, and hands every other value (numbers, strings to escape, the
//! raw `id`) to serde_json itself, so serde_json stays the definition of
//! JSON text: this module decides only where it goes.
//!
//! What the fields are, their order and when one is left out, stays with
//! the serde derive in [`crate::output`]. Sequences, maps and enum
//! variants with data are not written here (no record has one): for them
//! the writer fails, and [`write`] has serde_json write the whole value.
//! The tests compare the output with serde_json's on records with every
//! field set, and on any strings.

use std::io;

use serde::Serialize;
use serde::ser::{self, Impossible};
use serde_json::ser::{Formatter, PrettyFormatter};

/// Append `value` to `out` as serde_json would: compact, or pretty as an
/// element of a pretty-printed array (one level in, without the element's
/// separator).
pub fn write<T: Serialize + ?Sized>(
    out: &mut Vec<u8>,
    pretty: bool,
    value: &T,
) -> serde_json::Result<()> {
    let start = out.len();
    let written = value.serialize(&mut Json {
        out: &mut *out,
        pretty,
        indent: 1,
    });
    if written.is_ok() {
        return written;
    }
    // Something this writer leaves to serde_json, or an error a value
    // reports: serde_json writes it all again, or reports the error.
    out.truncate(start);
    if pretty {
        value.serialize(&mut serde_json::Serializer::with_formatter(
            out,
            pretty_at(1),
        ))
    } else {
        value.serialize(&mut serde_json::Serializer::new(out))
    }
}

/// serde_json's pretty printer as it is `depth` levels into an array: its
/// own `[`s go nowhere, so what it writes comes out indented as there.
fn pretty_at(depth: usize) -> PrettyFormatter<'static> {
    let mut pretty = PrettyFormatter::new();
    for _ in 0..depth {
        pretty
            .begin_array(&mut io::sink())
            .expect("io::sink takes any write");
    }
    pretty
}

/// A serializer writing into `out` (see the module doc).
struct Json<'b> {
    out: &'b mut Vec<u8>,
    pretty: bool,
    /// Pretty: levels of indentation of the value being written.
    indent: usize,
}

impl Json<'_> {
    /// Hand a value that no line break can be in (a number, a string) to
    /// serde_json.
    fn scalar<T: Serialize + ?Sized>(&mut self, value: &T) -> serde_json::Result<()> {
        value.serialize(&mut serde_json::Serializer::new(&mut *self.out))
    }

    /// A string: most need no escaping, and are copied between quotes.
    fn string(&mut self, s: &str) -> serde_json::Result<()> {
        if needs_escape(s.as_bytes()) {
            return self.escaped(s);
        }
        self.out.reserve(s.len() + 2);
        self.out.push(b'"');
        self.out.extend_from_slice(s.as_bytes());
        self.out.push(b'"');
        Ok(())
    }

    /// Kept out of line: inlined, serde_json's escaping loop made every
    /// call of [`Json::string`] save and restore registers it needs.
    #[cold]
    #[inline(never)]
    fn escaped(&mut self, s: &str) -> serde_json::Result<()> {
        self.scalar(s)
    }

    fn line_break(&mut self) {
        self.out.push(b'\n');
        for _ in 0..self.indent {
            self.out.extend_from_slice(b"  ");
        }
    }
}

/// Whether serde_json escapes a byte of `s`: a quotation mark, a backslash
/// or a control character (below U+0020). Tested eight bytes at a time
/// (keys are mostly shorter: their bytes are read as overlapping words),
/// where a byte loop took six instructions a byte.
fn needs_escape(s: &[u8]) -> bool {
    let (words, tail) = s.as_chunks::<8>();
    let mut flags = words
        .iter()
        .fold(0, |flags, word| flags | escapes(u64::from_le_bytes(*word)));
    if !tail.is_empty() {
        flags |= escapes(last_word(s));
    }
    flags != 0
}

/// The last eight bytes of `s` as a word; shorter, its bytes (some read
/// twice) padded with spaces, which need no escaping.
fn last_word(s: &[u8]) -> u64 {
    let n = s.len();
    let word = |at: usize| u32::from_le_bytes([s[at], s[at + 1], s[at + 2], s[at + 3]]);
    match n {
        0 => u64::from_le_bytes([b' '; 8]),
        1..=3 => u64::from_le_bytes([s[0], s[n / 2], s[n - 1], b' ', b' ', b' ', b' ', b' ']),
        4..=7 => u64::from(word(0)) | u64::from(word(n - 4)) << 32,
        _ => {
            let (_, last) = s.split_last_chunk::<8>().expect("eight bytes or more");
            u64::from_le_bytes(*last)
        }
    }
}

/// Non-zero iff a byte of `word` is escaped (see [`needs_escape`]). Each
/// test is exact as a whole: a borrow can set a flag only above a byte
/// that set one already.
fn escapes(word: u64) -> u64 {
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_le_bytes([0x80; 8]);
    let below = |word: u64, n: u8| word.wrapping_sub(ONES * u64::from(n)) & !word & HIGH;
    below(word, 0x20)
        | below(word ^ (ONES * u64::from(b'"')), 1)
        | below(word ^ (ONES * u64::from(b'\\')), 1)
}

fn unsupported() -> serde_json::Error {
    ser::Error::custom("json::Json writes no sequences, maps or variants with data")
}

impl<'a, 'b> ser::Serializer for &'a mut Json<'b> {
    type Ok = ();
    type Error = serde_json::Error;
    type SerializeSeq = Impossible<(), serde_json::Error>;
    type SerializeTuple = Impossible<(), serde_json::Error>;
    type SerializeTupleStruct = Impossible<(), serde_json::Error>;
    type SerializeTupleVariant = Impossible<(), serde_json::Error>;
    type SerializeMap = Impossible<(), serde_json::Error>;
    type SerializeStruct = Struct<'a, 'b>;
    type SerializeStructVariant = Impossible<(), serde_json::Error>;

    fn serialize_bool(self, v: bool) -> serde_json::Result<()> {
        self.scalar(&v)
    }
    fn serialize_i8(self, v: i8) -> serde_json::Result<()> {
        self.scalar(&v)
    }
    fn serialize_i16(self, v: i16) -> serde_json::Result<()> {
        self.scalar(&v)
    }
    fn serialize_i32(self, v: i32) -> serde_json::Result<()> {
        self.scalar(&v)
    }
    fn serialize_i64(self, v: i64) -> serde_json::Result<()> {
        self.scalar(&v)
    }
    fn serialize_i128(self, v: i128) -> serde_json::Result<()> {
        self.scalar(&v)
    }
    fn serialize_u8(self, v: u8) -> serde_json::Result<()> {
        self.scalar(&v)
    }
    fn serialize_u16(self, v: u16) -> serde_json::Result<()> {
        self.scalar(&v)
    }
    fn serialize_u32(self, v: u32) -> serde_json::Result<()> {
        self.scalar(&v)
    }
    fn serialize_u64(self, v: u64) -> serde_json::Result<()> {
        self.scalar(&v)
    }
    fn serialize_u128(self, v: u128) -> serde_json::Result<()> {
        self.scalar(&v)
    }
    fn serialize_f32(self, v: f32) -> serde_json::Result<()> {
        self.scalar(&v)
    }
    fn serialize_f64(self, v: f64) -> serde_json::Result<()> {
        self.scalar(&v)
    }
    fn serialize_char(self, v: char) -> serde_json::Result<()> {
        self.scalar(&v)
    }
    fn serialize_str(self, v: &str) -> serde_json::Result<()> {
        self.string(v)
    }
    fn serialize_bytes(self, _: &[u8]) -> serde_json::Result<()> {
        Err(unsupported())
    }
    fn serialize_none(self) -> serde_json::Result<()> {
        self.out.extend_from_slice(b"null");
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> serde_json::Result<()> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> serde_json::Result<()> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _: &'static str) -> serde_json::Result<()> {
        self.serialize_none()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> serde_json::Result<()> {
        self.string(variant)
    }
    /// Written by serde_json, at this depth: a raw `id` is one (see
    /// `output::raw_json`), and only serde_json knows it for what it is.
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> serde_json::Result<()> {
        if self.pretty {
            let pretty = pretty_at(self.indent);
            value.serialize(&mut serde_json::Serializer::with_formatter(
                &mut *self.out,
                pretty,
            ))
        } else {
            self.scalar(value)
        }
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> serde_json::Result<()> {
        Err(unsupported())
    }
    fn serialize_seq(self, _: Option<usize>) -> serde_json::Result<Self::SerializeSeq> {
        Err(unsupported())
    }
    fn serialize_tuple(self, _: usize) -> serde_json::Result<Self::SerializeTuple> {
        Err(unsupported())
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> serde_json::Result<Self::SerializeTupleStruct> {
        Err(unsupported())
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> serde_json::Result<Self::SerializeTupleVariant> {
        Err(unsupported())
    }
    fn serialize_map(self, _: Option<usize>) -> serde_json::Result<Self::SerializeMap> {
        Err(unsupported())
    }
    fn serialize_struct(
        self,
        name: &'static str,
        _: usize,
    ) -> serde_json::Result<Self::SerializeStruct> {
        // serde_json's own values in disguise (a raw value, an exact
        // number) are structs with such a name; written as structs here
        // they would come out as objects.
        if name.starts_with("$serde_json") {
            return Err(unsupported());
        }
        self.out.push(b'{');
        self.indent += 1;
        Ok(Struct {
            json: self,
            first: true,
        })
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> serde_json::Result<Self::SerializeStructVariant> {
        Err(unsupported())
    }
}

/// A struct being written: `first` until a field is.
struct Struct<'a, 'b> {
    json: &'a mut Json<'b>,
    first: bool,
}

impl ser::SerializeStruct for Struct<'_, '_> {
    type Ok = ();
    type Error = serde_json::Error;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> serde_json::Result<()> {
        let json = &mut *self.json;
        if !self.first {
            json.out.push(b',');
        }
        self.first = false;
        if json.pretty {
            json.line_break();
        }
        // A key is a field's name, which needs no escaping: written as it
        // is, where testing it took a third of the time spent on keys.
        // (Tests compare every field with serde_json's output, and fail
        // here on a renamed field that would need escaping.)
        debug_assert!(!needs_escape(key.as_bytes()), "{key:?}");
        json.out.push(b'"');
        json.out.extend_from_slice(key.as_bytes());
        json.out
            .extend_from_slice(if json.pretty { b"\": " } else { b"\":" });
        value.serialize(&mut *json)
    }

    fn end(self) -> serde_json::Result<()> {
        let json = self.json;
        json.indent -= 1;
        // As serde_json: an empty struct is `{}`, on one line.
        if json.pretty && !self.first {
            json.line_break();
        }
        json.out.push(b'}');
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::{Mention, Record, Speaker};
    use crate::people::EntityType;
    use crate::quotes::Kind;
    use proptest::prelude::*;

    /// The record as serde_json prints it, compact and pretty (as an array
    /// element, one level in).
    fn by_serde_json(r: &Record) -> (Vec<u8>, Vec<u8>) {
        let compact = serde_json::to_vec(r).unwrap();
        let mut pretty = Vec::new();
        r.serialize(&mut serde_json::Serializer::with_formatter(
            &mut pretty,
            pretty_at(1),
        ))
        .unwrap();
        (compact, pretty)
    }

    #[track_caller]
    fn assert_same(r: &Record) {
        let (compact, pretty) = by_serde_json(r);
        let mut ours = Vec::new();
        write(&mut ours, false, r).unwrap();
        assert_eq!(
            String::from_utf8_lossy(&ours),
            String::from_utf8_lossy(&compact)
        );
        ours.clear();
        write(&mut ours, true, r).unwrap();
        assert_eq!(
            String::from_utf8_lossy(&ours),
            String::from_utf8_lossy(&pretty)
        );
    }

    fn record<'a>(text: &'a str, word: &'a str, id: Option<&'a str>, full: bool) -> Record<'a> {
        Record {
            file: word,
            id,
            index: 3,
            text: text.to_string(),
            kind: Kind::Direct,
            speaker: full.then(|| Speaker {
                name: text.to_string(),
                kind: EntityType::Character,
                actor: Some(word.to_string()),
            }),
            rule: full.then_some("trailing_cue"),
            cue: full.then_some(word),
            addressee: None,
            mention: full.then_some(Mention {
                text: word,
                start: 17,
                end: usize::MAX,
            }),
            start: 0,
            end: 1 << 40,
            paragraph: 12,
            nested_in: full.then_some(2),
            repaired: full,
        }
    }

    #[test]
    fn writes_records_as_serde_json_does() {
        for full in [false, true] {
            assert_same(&record("plain", "says", None, full));
            assert_same(&record("", "", Some("\"a1\""), full));
            assert_same(&record(
                "“Tab\there,” \"quoted\" \\ \u{1}\u{7f}",
                "\n",
                Some("-12.5e3"),
                full,
            ));
        }
    }

    #[test]
    fn escapes_in_any_block_are_found() {
        for len in 0..=40 {
            assert!(!needs_escape(&vec![b'a'; len]));
            for at in 0..len {
                for bad in [0, 0x1f, b'"', b'\\'] {
                    let mut s = vec![b'a'; len];
                    s[at] = bad;
                    assert!(needs_escape(&s), "{len} {at} {bad}");
                }
            }
        }
        // Neighbours of the escaped bytes, and every non-ASCII byte.
        for ok in [0x20, 0x21, 0x23, 0x5b, 0x5d, 0x7f, 0x80, 0xa2, 0xdc, 0xff] {
            for len in 1..=20 {
                assert!(!needs_escape(&vec![ok; len]), "{ok:x} {len}");
            }
        }
    }

    #[test]
    fn leaves_what_it_does_not_write_to_serde_json() {
        #[derive(Serialize)]
        struct Other {
            list: Vec<u32>,
            inner: Option<Box<Other>>,
        }
        let value = Other {
            list: vec![1, 2],
            inner: Some(Box::new(Other {
                list: vec![],
                inner: None,
            })),
        };
        let mut ours = Vec::new();
        write(&mut ours, false, &value).unwrap();
        assert_eq!(ours, serde_json::to_vec(&value).unwrap());
        ours.clear();
        write(&mut ours, true, &value).unwrap();
        let mut pretty = Vec::new();
        value
            .serialize(&mut serde_json::Serializer::with_formatter(
                &mut pretty,
                pretty_at(1),
            ))
            .unwrap();
        assert_eq!(ours, pretty);
    }

    proptest! {
        #[test]
        fn any_record_is_written_as_serde_json_does(
            text in any::<String>(),
            word in any::<String>(),
            id in proptest::option::of(any::<i64>()),
            full in any::<bool>(),
        ) {
            let id = id.map(|n| n.to_string());
            let r = record(&text, &word, id.as_deref(), full);
            let (compact, pretty) = by_serde_json(&r);
            let mut ours = Vec::new();
            write(&mut ours, false, &r).unwrap();
            prop_assert_eq!(&ours, &compact);
            ours.clear();
            write(&mut ours, true, &r).unwrap();
            prop_assert_eq!(&ours, &pretty);
        }
    }
}
