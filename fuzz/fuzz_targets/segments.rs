#![no_main]

//! Any bytes, read with `--lossy` repair and in tiny segments: the paths a
//! scraped dump takes. Offsets must still point into the original bytes.

use hs_quotes::input::decode;
use hs_quotes::segments::{Segments, Sizes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The first three bytes choose the segment sizes, so the fuzzer explores
    // cuts everywhere: mid-quotation, mid-name, mid-character.
    let [segment, before, after, rest @ ..] = data else {
        return;
    };
    let Ok(decoded) = decode(rest.to_vec(), true) else {
        return; // binary or UTF-16: refused, as it should be
    };
    let sizes = Sizes {
        segment: usize::from(*segment) + 1,
        before: usize::from(*before),
        after: usize::from(*after),
    };
    let repaired = decoded.repairs.any();
    let records: Vec<_> = Segments::with_sizes(&decoded, "fuzz", sizes)
        .flatten()
        .collect();
    let cut = |start: usize, end: usize, text: &str| {
        assert!(start <= end && end <= rest.len(), "span {start}..{end}");
        let bytes = &rest[start..end];
        if repaired {
            assert_eq!(String::from_utf8_lossy(bytes), text);
        } else {
            assert_eq!(std::str::from_utf8(bytes).ok(), Some(text));
        }
    };
    let (mut last_start, mut last_paragraph) = (0, 0);
    for (i, r) in records.iter().enumerate() {
        assert_eq!(r.index, i);
        cut(r.start, r.end, &r.text);
        if let Some(m) = &r.mention {
            cut(m.start, m.end, &m.text);
        }
        assert!(
            r.start >= last_start && r.paragraph >= last_paragraph,
            "record {i} out of order"
        );
        (last_start, last_paragraph) = (r.start, r.paragraph);
        if let Some(p) = r.nested_in {
            assert!(p < i && records[p].start <= r.start && r.end <= records[p].end);
        }
        assert_eq!(r.repaired, repaired);
    }
});
