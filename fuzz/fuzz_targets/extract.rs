#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The library takes &str; other bytes never reach it.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let records = hs_quotes::extract(text).records("fuzz");

    let mut prev_start = 0;
    for (i, r) in records.iter().enumerate() {
        // Offsets are the JSON contract: they must slice the input to `text`.
        assert!(
            r.start <= r.end && r.end <= text.len(),
            "record {i} span out of range"
        );
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        assert_eq!(&text[r.start..r.end], r.text, "record {i} text");
        if let Some(m) = &r.mention {
            assert!(
                m.start <= m.end && m.end <= text.len(),
                "record {i} mention out of range"
            );
            assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
            assert_eq!(&text[m.start..m.end], m.text, "record {i} mention text");
        }
        // Records come in document order, numbered by position.
        assert_eq!(r.index, i);
        assert!(r.start >= prev_start, "record {i} out of document order");
        prev_start = r.start;
        // A nested quotation lies inside an earlier one.
        if let Some(p) = r.nested_in {
            assert!(p < i, "record {i} nested in later record {p}");
            let outer = &records[p];
            assert!(
                outer.start <= r.start && r.end <= outer.end,
                "record {i} not inside record {p}"
            );
        }
    }

    // Output must be deterministic (no hash-order or state leaks between runs).
    let again = hs_quotes::extract(text).records("fuzz");
    assert_eq!(
        serde_json::to_string(&records).unwrap(),
        serde_json::to_string(&again).unwrap()
    );
});
