//! Properties every run must have, whatever the text: no panic; each span
//! inside the input, on character boundaries, cutting out exactly its
//! `text`; the same output twice; records in document order, each nested
//! record inside the one it names. Checked on arbitrary strings, on strings
//! made mostly of quotation marks and article words, and on arbitrary bytes
//! read with `--lossy` repair.

use hs_quotes::input::decode;
use hs_quotes::output::Record;
use hs_quotes::segments::{Segments, Sizes};
use proptest::prelude::*;

/// Pieces real and broken articles are made of: every quotation mark the
/// tool reads, line breaks of each kind, invisible characters, names, cue
/// words, transcript labels and punctuation.
const PIECES: &[&str] = &[
    "“",
    "”",
    "‘",
    "’",
    "\"",
    "'",
    "«",
    "»",
    "‹",
    "›",
    "„",
    "‚",
    "`",
    "``",
    "''",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\u{2028}",
    "\u{2029}",
    "\u{a0}",
    "\u{feff}",
    "\t",
    ".",
    ",",
    ":",
    ";",
    "!",
    "?",
    "…",
    "—",
    "–",
    "-",
    "(",
    ")",
    "[",
    "]",
    "Q:",
    "A:",
    "ANN:",
    "Tova",
    "Brennick",
    "Tova Brennick",
    "Mr",
    "Dr.",
    "she",
    "he",
    "they",
    "says",
    "said",
    "told",
    "tells",
    "adds",
    "asked",
    "the",
    "a",
    "called",
    "the film",
    "who",
    "plays",
    "Nick",
    "(Connor)",
    "it's",
    "’90s",
    "dogs'",
    "We",
    "fix",
    "them",
    "yes",
    "é",
    "ß",
    "日本",
    "🙂",
];

fn article_like() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..120).prop_map(|p| p.concat())
}

/// Check every property of `records` against the `input` they came from.
/// With `repaired`, a record's text may hold U+FFFD where the input had bad
/// bytes; the bytes then read back lossily to the same text.
fn check(input: &[u8], records: &[Record], repaired: bool) -> Result<(), TestCaseError> {
    let cut = |start: usize, end: usize, text: &str| -> Result<(), TestCaseError> {
        prop_assert!(start <= end && end <= input.len(), "span {start}..{end}");
        let bytes = &input[start..end];
        if repaired {
            prop_assert_eq!(String::from_utf8_lossy(bytes), text);
        } else {
            // On character boundaries, else the slice is not UTF-8.
            prop_assert_eq!(std::str::from_utf8(bytes).ok(), Some(text));
        }
        Ok(())
    };
    let mut last_start = 0;
    for (i, r) in records.iter().enumerate() {
        prop_assert_eq!(r.index, i);
        cut(r.start, r.end, r.text)?;
        if let Some(m) = &r.mention {
            cut(m.start, m.end, m.text)?;
        }
        prop_assert!(r.start >= last_start, "out of document order at {}", i);
        last_start = r.start;
        if let Some(outer) = r.nested_in {
            prop_assert!(outer < i);
            let o = &records[outer];
            prop_assert!(
                o.start <= r.start && r.end <= o.end,
                "{} not inside {}",
                i,
                outer
            );
        }
        prop_assert_eq!(r.repaired, repaired);
    }
    Ok(())
}

fn run(text: &str) -> Result<(), TestCaseError> {
    let records = hs_quotes::extract(text).records("t");
    check(text.as_bytes(), &records, false)?;
    prop_assert_eq!(
        &records,
        &hs_quotes::extract(text).records("t"),
        "not deterministic"
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn any_string(text in any::<String>()) {
        run(&text)?;
    }

    #[test]
    fn mark_heavy_articles(text in article_like()) {
        run(&text)?;
    }

    #[test]
    fn long_texts_read_in_small_segments(
        text in prop::collection::vec(article_like(), 1..6).prop_map(|v| v.join("\n\n")),
        segment in 1usize..80,
        before in 0usize..80,
        after in 0usize..80,
    ) {
        // Segments as small as a character: every cut a long document can
        // meet (mid-quotation, mid-name, mid-line) still gives valid records.
        let decoded = decode(text.clone().into_bytes(), false).unwrap();
        let sizes = Sizes { segment, before, after };
        let records: Vec<Record> = Segments::with_sizes(&decoded, "t", sizes).flatten().collect();
        check(text.as_bytes(), &records, false)?;
        let mut last_paragraph = 0;
        for r in &records {
            prop_assert!(r.paragraph >= last_paragraph, "paragraph numbers go back");
            last_paragraph = r.paragraph;
        }
    }

    #[test]
    fn any_bytes_read_lossily(
        bytes in prop::collection::vec(
            prop_oneof![
                // Raw bytes: broken sequences, stray continuation bytes.
                any::<u8>().prop_filter("NUL makes a file binary", |b| *b != 0).prop_map(|b| vec![b]),
                // Whole pieces, so quotations still form around the damage.
                prop::sample::select(PIECES).prop_map(|p| p.as_bytes().to_vec()),
            ],
            0..120,
        )
    ) {
        let bytes = bytes.concat();
        match decode(bytes.clone(), true) {
            Ok(decoded) => {
                let records = hs_quotes::file_records(&decoded, "t");
                check(&bytes, &records, decoded.repairs.any())?;
            }
            // Only a UTF-16 byte-order mark at the start is refused here.
            Err(e) => prop_assert!(bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]), "{e}"),
        }
    }
}
