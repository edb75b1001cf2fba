//! Helpers for the rules' unit tests: run the whole pipeline on a sentence
//! written for the purpose and look at one quotation's record.

use crate::output::Record;

/// The record of the first quotation whose text is `quote`.
pub fn find<'t>(text: &'t str, quote: &str) -> Option<Record<'t>> {
    crate::extract(text)
        .records("test")
        .into_iter()
        .find(|r| r.text == quote)
}

/// The parts of a record a rule's test looks at.
#[derive(Debug)]
pub struct Found {
    pub speaker: Option<String>,
    pub rule: Option<String>,
    pub kind: String,
    pub cue: Option<String>,
    pub addressee: Option<String>,
}

fn listing(text: &str) -> String {
    crate::extract(text)
        .records("test")
        .iter()
        .map(|r| {
            format!(
                "  {:?} kind={:?} speaker={:?} rule={:?} cue={:?}\n",
                r.text,
                r.kind,
                r.speaker.as_ref().map(|s| &s.name),
                r.rule,
                r.cue
            )
        })
        .collect()
}

#[track_caller]
pub fn record(text: &str, quote: &str) -> Found {
    let Some(r) = find(text, quote) else {
        panic!(
            "no record for {quote:?} in\n  {text:?}\nrecords:\n{}",
            listing(text)
        );
    };
    Found {
        speaker: r.speaker.map(|s| s.name.into_owned()),
        rule: r.rule.map(str::to_string),
        kind: serde_json::to_value(r.kind)
            .expect("kind serializes")
            .as_str()
            .unwrap_or("")
            .to_string(),
        cue: r.cue.map(str::to_string),
        addressee: r.addressee.map(str::to_string),
    }
}

#[track_caller]
pub fn assert_speaker(text: &str, quote: &str, want: Option<&str>, rule: &str) {
    let got = record(text, quote);
    assert!(
        got.speaker.as_deref() == want && got.rule.as_deref() == Some(rule),
        "for {quote:?} in\n  {text:?}\nwant speaker {want:?} by {rule}, got {:?} by {:?}\nrecords:\n{}",
        got.speaker,
        got.rule,
        listing(text)
    );
}

#[track_caller]
pub fn assert_no_rule(text: &str, quote: &str) {
    let got = record(text, quote);
    assert!(
        got.rule.is_none() && got.speaker.is_none(),
        "for {quote:?} in\n  {text:?}\nwant no rule, got {:?} by {:?}\nrecords:\n{}",
        got.speaker,
        got.rule,
        listing(text)
    );
}
