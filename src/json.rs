//! JSON text of a record, byte for byte as serde_json writes it from the
//! serde derive of [`Record`], in about a third of the instructions.
//!
//! A record is mostly frame: a dozen and a half keys, their quotes, colons
//! and commas, around short values. Through serde, each field was a call
//! through the serializer with its key copied piece by piece; here each
//! key is written with its separator (and, pretty, its indentation) as one
//! constant, a string is tested eight bytes at a time and copied whole
//! when it needs no escaping, and everything else (numbers, strings to
//! escape, the raw `id`) is handed to serde_json itself, so serde_json
//! stays the definition of JSON text.
//!
//! What the fields are, their order and when one is left out, stays with
//! the serde derive in [`crate::output`]: the writer takes a record apart
//! field by field with no `..`, so a field added there does not compile
//! here until it is written, and the tests compare the output with
//! serde_json's (compact, and pretty as an array element) on records with
//! every field set or unset, every kind and type, and any strings.

use serde::Serialize;

use crate::output::{Mention, Record, Speaker};
use crate::people::EntityType;
use crate::quotes::Kind;

/// Append record `r` to `out` as serde_json would: compact, or pretty as
/// an element of a pretty-printed array (one level in, without the
/// element's separator). Fails only on an `id` that is not JSON text.
pub fn write(out: &mut Vec<u8>, pretty: bool, r: &Record) -> serde_json::Result<()> {
    if pretty {
        record::<true>(out, r)
    } else {
        record::<false>(out, r)
    }
}

/// The frame of a field: `,"key":`, or pretty `,` then a line break, the
/// indentation and `"key": `; `{` in place of `,` for an object's first
/// field. `$indent` is the field's indentation, pretty.
macro_rules! key {
    ($w:ident, $sep:literal, $indent:literal, $key:literal) => {
        $w.frame(
            concat!($sep, "\"", $key, "\":"),
            concat!($sep, "\n", $indent, "\"", $key, "\": "),
        )
    };
}

/// Written as one function per layout, so that every piece of frame is a
/// constant: copied by a few moves, not by a call to memcpy.
fn record<const PRETTY: bool>(out: &mut Vec<u8>, r: &Record) -> serde_json::Result<()> {
    // Every field by name: a field added to `Record` must be written here.
    let Record {
        file,
        id,
        index,
        text,
        kind,
        speaker,
        rule,
        cue,
        addressee,
        mention,
        start,
        end,
        paragraph,
        nested_in,
        repaired,
    } = r;
    // The frame alone is some 250 bytes: room for it and the strings at
    // once, not growth piece by piece.
    out.reserve(512 + file.len() + text.len());
    let mut w = Writer::<PRETTY> { out };
    key!(w, "{", "    ", "file");
    w.string(file);
    if let Some(id) = id {
        key!(w, ",", "    ", "id");
        w.raw(id)?;
    }
    key!(w, ",", "    ", "index");
    w.number(*index);
    key!(w, ",", "    ", "text");
    w.string(text);
    key!(w, ",", "    ", "kind");
    w.kind(*kind);
    key!(w, ",", "    ", "speaker");
    match speaker {
        Some(s) => w.speaker(s),
        None => w.null(),
    }
    key!(w, ",", "    ", "rule");
    w.option_string(*rule);
    key!(w, ",", "    ", "cue");
    w.option_string(*cue);
    key!(w, ",", "    ", "addressee");
    w.option_string(*addressee);
    key!(w, ",", "    ", "mention");
    match mention {
        Some(m) => w.mention(m),
        None => w.null(),
    }
    key!(w, ",", "    ", "start");
    w.number(*start);
    key!(w, ",", "    ", "end");
    w.number(*end);
    key!(w, ",", "    ", "paragraph");
    w.number(*paragraph);
    key!(w, ",", "    ", "nested_in");
    match nested_in {
        Some(n) => w.number(*n),
        None => w.null(),
    }
    // As the derive's `skip_serializing_if`: only when true.
    if *repaired {
        key!(w, ",", "    ", "repaired");
        w.frame("true", "true");
    }
    w.frame("}", "\n  }");
    Ok(())
}

/// Appends to `out`, compact or pretty.
struct Writer<'b, const PRETTY: bool> {
    out: &'b mut Vec<u8>,
}

impl<const PRETTY: bool> Writer<'_, PRETTY> {
    /// Frame: `compact` or `pretty`, as the layout is.
    #[inline(always)]
    fn frame(&mut self, compact: &'static str, pretty: &'static str) {
        self.out
            .extend_from_slice(if PRETTY { pretty } else { compact }.as_bytes());
    }

    fn null(&mut self) {
        self.out.extend_from_slice(b"null");
    }

    /// A number, as serde_json writes it.
    fn number(&mut self, n: usize) {
        n.serialize(&mut serde_json::Serializer::new(&mut *self.out))
            .expect("a Vec takes any write");
    }

    /// A string: most need no escaping, and are copied between quotes.
    /// Inlined by force, with [`needs_escape`]: a record has seven or so
    /// strings, and the calls cost 1.6M instructions on the benchmark.
    #[inline(always)]
    fn string(&mut self, s: &str) {
        if needs_escape(s.as_bytes()) {
            return self.escaped(s);
        }
        self.out.reserve(s.len() + 2);
        self.out.push(b'"');
        self.out.extend_from_slice(s.as_bytes());
        self.out.push(b'"');
    }

    fn option_string(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.string(s),
            None => self.null(),
        }
    }

    /// Kept out of line: inlined, serde_json's escaping loop made every
    /// call of [`Writer::string`] save and restore registers it needs.
    #[cold]
    #[inline(never)]
    fn escaped(&mut self, s: &str) {
        s.serialize(&mut serde_json::Serializer::new(&mut *self.out))
            .expect("a Vec takes any write");
    }

    /// The `id` of a stream's line, JSON text already: checked to be JSON
    /// and written as it is, as serde_json writes a raw value (see
    /// `output::raw_json`).
    #[cold]
    fn raw(&mut self, id: &str) -> serde_json::Result<()> {
        let raw = serde_json::from_str::<&serde_json::value::RawValue>(id)?;
        self.out.extend_from_slice(raw.get().as_bytes());
        Ok(())
    }

    /// As the derive's `rename_all = "lowercase"`.
    fn kind(&mut self, kind: Kind) {
        self.out.extend_from_slice(match kind {
            Kind::Direct => b"\"direct\"",
            Kind::Fragment => b"\"fragment\"",
            Kind::Unmarked => b"\"unmarked\"",
        });
    }

    fn speaker(&mut self, s: &Speaker) {
        let Speaker { name, kind, actor } = s;
        key!(self, "{", "      ", "name");
        self.string(name);
        key!(self, ",", "      ", "type");
        // As the derive's `rename_all = "lowercase"`.
        self.out.extend_from_slice(match kind {
            EntityType::Person => b"\"person\"",
            EntityType::Character => b"\"character\"",
            EntityType::Organization => b"\"organization\"",
            EntityType::Place => b"\"place\"",
        });
        if let Some(actor) = actor {
            key!(self, ",", "      ", "actor");
            self.string(actor);
        }
        self.frame("}", "\n    }");
    }

    fn mention(&mut self, m: &Mention) {
        let Mention { text, start, end } = m;
        key!(self, "{", "      ", "text");
        self.string(text);
        key!(self, ",", "      ", "start");
        self.number(*start);
        key!(self, ",", "      ", "end");
        self.number(*end);
        self.frame("}", "\n    }");
    }
}

/// Whether serde_json escapes a byte of `s`: a quotation mark, a backslash
/// or a control character (below U+0020). Tested eight bytes at a time
/// (keys are mostly shorter: their bytes are read as overlapping words),
/// where a byte loop took six instructions a byte.
#[inline(always)]
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::{Mention, Record, Speaker};
    use crate::people::EntityType;
    use crate::quotes::Kind;
    use proptest::prelude::*;
    use serde_json::ser::{Formatter, PrettyFormatter};

    /// serde_json's pretty printer as it is `depth` levels into an array:
    /// its own `[`s go nowhere, so what it writes comes out indented as
    /// there.
    fn pretty_at(depth: usize) -> PrettyFormatter<'static> {
        let mut pretty = PrettyFormatter::new();
        for _ in 0..depth {
            pretty
                .begin_array(&mut std::io::sink())
                .expect("io::sink takes any write");
        }
        pretty
    }

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
            text,
            kind: Kind::Direct,
            speaker: full.then(|| Speaker {
                name: text.into(),
                kind: EntityType::Character,
                actor: Some(word.into()),
            }),
            rule: full.then_some("trailing_cue"),
            cue: full.then_some(word),
            addressee: (!full).then_some(word),
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
    fn names_every_kind_and_type_as_serde_json_does() {
        let types = [
            EntityType::Person,
            EntityType::Character,
            EntityType::Organization,
            EntityType::Place,
        ];
        for (i, kind) in [Kind::Direct, Kind::Fragment, Kind::Unmarked]
            .into_iter()
            .enumerate()
        {
            for (j, ty) in types.into_iter().enumerate() {
                let mut r = record("words", "said", None, true);
                r.kind = kind;
                r.speaker = Some(Speaker {
                    name: "Ola Pim".into(),
                    kind: ty,
                    // With and without an actor, and a nested_in of 0.
                    actor: ((i + j) % 2 == 0).then(|| "Tia Marr".to_string().into()),
                });
                r.nested_in = Some(0);
                assert_same(&r);
            }
        }
    }

    #[test]
    fn an_id_that_is_not_json_fails_as_with_serde_json() {
        let r = record("words", "said", Some("a1"), true);
        assert!(serde_json::to_vec(&r).is_err());
        for pretty in [false, true] {
            assert!(write(&mut Vec::new(), pretty, &r).is_err());
        }
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
