//! A test that knows the truth: the seeds' hand-made gold (tests/gold/,
//! format in ../shared/eval/FORMAT.md, copied here so the test needs nothing
//! outside the project). Fails, naming the quotation, when a non-optional
//! gold quotation is missed or given the wrong speaker, or when a text of
//! `not_quotes` is emitted.

use std::path::Path;

use hs_quotes::output::Record;
use hs_quotes::people::names::key;
use serde_json::Value;

/// Where the gold text stands: its next occurrence after `from`, preferring
/// one set off by a quotation mark or a transcript label's colon.
fn locate(text: &str, quote: &str, from: usize) -> Option<(usize, usize)> {
    let mut first = None;
    let mut at = from;
    while let Some(i) = text.get(at..)?.find(quote) {
        let start = at + i;
        first.get_or_insert(start);
        let before = text[..start].trim_end_matches(' ').chars().next_back();
        if before.is_some_and(|c| "\"'“”‘’«„:".contains(c)) {
            return Some((start, start + quote.len()));
        }
        at = start + quote.len().max(1);
    }
    first.map(|s| (s, s + quote.len()))
}

/// Overlap of at least half the union, as the yardstick counts a match.
fn matches(r: &Record, span: (usize, usize)) -> bool {
    let inter = r.end.min(span.1).saturating_sub(r.start.max(span.0));
    let union = r.end.max(span.1) - r.start.min(span.0);
    union > 0 && inter * 2 >= union
}

#[test]
fn seeds_match_their_gold() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut failures = Vec::new();
    let mut checked = 0;
    let mut golds: Vec<_> = std::fs::read_dir(root.join("tests/gold"))
        .expect("tests/gold exists")
        .map(|e| e.expect("readable entry").path())
        .collect();
    golds.sort();
    for gold_path in golds {
        let gold: Value =
            serde_json::from_str(&std::fs::read_to_string(&gold_path).expect("gold readable"))
                .expect("gold is JSON");
        let file = gold["file"].as_str().expect("gold names its file");
        let text = std::fs::read_to_string(root.join("inputs").join(file))
            .expect("the gold's article is in inputs/");
        let records = hs_quotes::extract(&text).records(file);
        let mut from = 0;
        for q in gold["quotes"].as_array().expect("quotes array") {
            let quote = q["text"].as_str().expect("quote text");
            let Some(span) = locate(&text, quote, from) else {
                failures.push(format!("{file}: gold text not in the article: {quote:?}"));
                continue;
            };
            from = span.0;
            if q["optional"].as_bool() == Some(true) {
                continue;
            }
            checked += 1;
            let want = q["speaker"].as_str();
            match records.iter().find(|r| matches(r, span)) {
                None => failures.push(format!("{file}: missed {quote:?}")),
                Some(r) => {
                    let got = r.speaker.as_ref().map(|s| s.name.as_ref());
                    if got.map(key) != want.map(key) {
                        failures.push(format!(
                            "{file}: {quote:?}: speaker {got:?}, gold {want:?} (rule {:?})",
                            r.rule
                        ));
                    }
                }
            }
        }
        for nq in gold["not_quotes"].as_array().into_iter().flatten() {
            let nq = nq.as_str().expect("not_quotes are strings");
            if records.iter().any(|r| r.text == nq) {
                failures.push(format!("{file}: emitted {nq:?}, which is not speech"));
            }
        }
    }
    assert!(
        checked >= 30,
        "the gold files were read ({checked} quotations checked)"
    );
    assert!(
        failures.is_empty(),
        "{} gold failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
