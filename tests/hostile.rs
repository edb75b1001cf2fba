//! Input as scrapers produce it: other line endings, invisible characters,
//! and marks in numbers and shapes no article has. The binary must take all
//! of it with exit status 0, no message, spans that cut `text` out of the
//! original bytes, and the same answers where an article is underneath.
//! (Time on such inputs is measured by bench/scaling.py, not here.)

mod common;

use common::{Scratch, assert_status, stderr};
use serde_json::Value;

/// An invented article with a quotation over a line break, a speaker named
/// once and then as `she`, and a colon introduction.
const ARTICLE: &str = "Tova Brennick opened a repair shop in Lindhavn.\n\n\
    “People keep their bikes for decades,” Brennick says. “They are\n\
    family.”\n\n\
    She added: “We fix them.”\n";

/// Run `extract --jsonl` on `bytes`; check the status, the silence on
/// standard error and every span against the bytes; give the records.
fn extract_ok(name: &str, bytes: &[u8]) -> Vec<Value> {
    let dir = Scratch::new(name);
    dir.write("input.txt", bytes);
    let out = dir.run(&["extract", "--jsonl", "input.txt"]);
    assert_status(&out, 0);
    assert_eq!(stderr(&out), "");
    let records: Vec<Value> = out
        .stdout
        .split(|&b| b == b'\n')
        .filter(|line| !line.is_empty())
        .map(|line| serde_json::from_slice(line).expect("each line is one JSON record"))
        .collect();
    let mut last_start = 0;
    for (i, r) in records.iter().enumerate() {
        assert_eq!(r["index"], i);
        assert_cuts(bytes, &r["text"], &r["start"], &r["end"]);
        if !r["mention"].is_null() {
            let m = &r["mention"];
            assert_cuts(bytes, &m["text"], &m["start"], &m["end"]);
        }
        let start = r["start"].as_u64().unwrap();
        assert!(start >= last_start, "records out of document order: {r}");
        last_start = start;
    }
    records
}

/// `bytes[start..end]` is exactly `text`.
fn assert_cuts(bytes: &[u8], text: &Value, start: &Value, end: &Value) {
    let (start, end) = (
        start.as_u64().unwrap() as usize,
        end.as_u64().unwrap() as usize,
    );
    assert!(start <= end && end <= bytes.len(), "{start}..{end}");
    assert_eq!(
        std::str::from_utf8(&bytes[start..end]).ok(),
        text.as_str(),
        "bytes {start}..{end}"
    );
}

/// What a reader checks: the words (line breaks of any kind as one space),
/// the speaker and the rule.
fn answers(records: &[Value]) -> Vec<(String, String, String)> {
    records
        .iter()
        .map(|r| {
            let text = r["text"].as_str().unwrap();
            let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
            (
                words,
                r["speaker"]["name"].as_str().unwrap_or("-").to_string(),
                r["rule"].as_str().unwrap_or("-").to_string(),
            )
        })
        .collect()
}

#[test]
fn the_article_under_test() {
    let recs = extract_ok("the_article_under_test", ARTICLE.as_bytes());
    let s = |a: &str, b: &str, c: &str| (a.to_string(), b.to_string(), c.to_string());
    assert_eq!(
        answers(&recs),
        [
            s(
                "People keep their bikes for decades,",
                "Tova Brennick",
                "trailing_cue"
            ),
            s("They are family.", "Tova Brennick", "same_paragraph"),
            s("We fix them.", "Tova Brennick", "leading_cue"),
        ]
    );
}

/// The article with its line breaks written another way reads the same.
fn same_as_lf(name: &str, bytes: &[u8]) {
    let expected = answers(&extract_ok("lf", ARTICLE.as_bytes()));
    assert_eq!(answers(&extract_ok(name, bytes)), expected, "{name}");
}

#[test]
fn windows_line_endings() {
    same_as_lf("crlf", ARTICLE.replace('\n', "\r\n").as_bytes());
}

#[test]
fn old_mac_line_endings() {
    same_as_lf("cr", ARTICLE.replace('\n', "\r").as_bytes());
}

#[test]
fn unicode_line_and_paragraph_separators() {
    let text = ARTICLE
        .replace("\n\n", "\u{2029}")
        .replace('\n', "\u{2028}");
    same_as_lf("separators", text.as_bytes());
}

#[test]
fn non_breaking_spaces() {
    let text = ARTICLE
        .replace("Tova ", "Tova\u{a0}")
        .replace(" says", "\u{a0}says")
        .replace(": “", ":\u{a0}“");
    same_as_lf("nbsp", text.as_bytes());
}

#[test]
fn byte_order_mark() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(ARTICLE.as_bytes());
    same_as_lf("bom", &bytes);
    // A quotation right after the mark opens the file and is still found,
    // its offsets counting the mark's three bytes.
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice("“We fix them,” Tova Brennick says.\n".as_bytes());
    let recs = extract_ok("bom_first", &bytes);
    assert_eq!(recs.len(), 1);
    assert_eq!(recs[0]["start"], 6);
    assert_eq!(recs[0]["speaker"]["name"], "Tova Brennick");
}

#[test]
fn quotation_never_closed_ends_with_its_paragraph() {
    let text = "Tova Brennick opened a shop. “People keep their bikes for decades\n\n\
                “It is busy,” she says.\n";
    let recs = extract_ok("never_closed", text.as_bytes());
    let texts: Vec<&str> = recs.iter().map(|r| r["text"].as_str().unwrap()).collect();
    assert_eq!(
        texts,
        ["People keep their bikes for decades", "It is busy,"]
    );
    assert_eq!(recs[1]["speaker"]["name"], "Tova Brennick");
}

#[test]
fn closing_mark_with_no_opening_is_ignored() {
    let text = "Tova Brennick opened a shop.” It is busy.\n\n“We fix them,” she says.\n";
    let recs = extract_ok("stray_close", text.as_bytes());
    assert_eq!(recs.len(), 1, "{recs:#?}");
    assert_eq!(recs[0]["text"], "We fix them,");
    assert_eq!(recs[0]["speaker"]["name"], "Tova Brennick");
}

#[test]
fn a_hundred_thousand_marks_in_a_row() {
    for mark in ["“", "”", "\"", "'", "‘", "’", "«", "»"] {
        let mut text = mark.repeat(100_000);
        text.push_str("\n\n");
        text.push_str(ARTICLE);
        let recs = extract_ok("marks_in_a_row", text.as_bytes());
        // Marks alone quote no words; the article after them reads as ever.
        assert_eq!(
            answers(&recs),
            answers(&extract_ok("lf", ARTICLE.as_bytes())),
            "after 100,000 × {mark}"
        );
    }
}

#[test]
fn ten_thousand_levels_of_nesting() {
    let text = format!(
        "Tova Brennick says: {}{}\n",
        "“a ‘b ".repeat(5_000),
        "’ c”".repeat(5_000)
    );
    let recs = extract_ok("nesting", text.as_bytes());
    // Three levels are kept (a quotation, a quotation in it, one in that);
    // deeper ones are noise, not speech anyone reports.
    assert_eq!(recs.len(), 3, "{recs:#?}");
    assert_eq!(recs[0]["speaker"]["name"], "Tova Brennick");
    assert_eq!(recs[1]["nested_in"], 0);
    assert_eq!(recs[2]["nested_in"], 1);
}

#[test]
fn a_single_five_megabyte_line() {
    let sentence = "Ansel Virk paints fences in Harrow. “Paint dries slowly in June,” Virk says. ";
    let copies = 5_000_000 / sentence.len() + 1;
    let recs = extract_ok("one_line", sentence.repeat(copies).as_bytes());
    assert_eq!(recs.len(), copies);
    assert!(
        recs.iter()
            .all(|r| r["text"] == "Paint dries slowly in June,"
                && r["speaker"]["name"] == "Ansel Virk"),
        "a quotation lost its speaker"
    );
}
