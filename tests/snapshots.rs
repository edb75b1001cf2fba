//! One JSON snapshot per article in `inputs/`, kept in `snapshots/`.
//! A change in extraction shows as a snapshot diff; accept it only after
//! reading each changed record against its article (`cargo insta review`).

use std::path::Path;

use hs_quotes::output::Record;

/// Every record's span must cut its own text out of the article.
#[track_caller]
fn assert_spans_match(text: &str, records: &[Record]) {
    for r in records {
        assert_eq!(
            text.get(r.start..r.end),
            Some(r.text),
            "record {} ({:?}): bytes {}..{} are not its text",
            r.index,
            r.text,
            r.start,
            r.end
        );
    }
}

#[test]
fn extract() {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.add_redaction("[].file", "[file]");
    settings.bind(|| {
        insta::glob!("../inputs", "*.txt", |path| {
            let text = std::fs::read_to_string(path).expect("inputs are UTF-8 articles");
            let file = path.to_string_lossy();
            let records = hs_quotes::extract(&text).records(&file);
            assert_spans_match(&text, &records);
            insta::assert_json_snapshot!(records);
        });
    });
}

/// A snapshot whose input is gone, or a pending one never reviewed, fails.
#[test]
fn no_orphan_or_pending_snapshots() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut problems = Vec::new();
    for entry in std::fs::read_dir(root.join("snapshots")).expect("snapshots/ exists") {
        let name = entry
            .expect("readable entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        if name.ends_with(".snap.new") || name.ends_with(".pending-snap") {
            problems.push(format!(
                "{name}: pending, review it with `cargo insta review`"
            ));
        } else if let Some(input) = name
            .strip_prefix("extract@")
            .and_then(|n| n.strip_suffix(".snap"))
        {
            if !root.join("inputs").join(input).is_file() {
                problems.push(format!(
                    "{name}: inputs/{input} is gone; delete the snapshot"
                ));
            }
        } else {
            problems.push(format!("{name}: not a snapshot of an input"));
        }
    }
    let inputs = std::fs::read_dir(root.join("inputs"))
        .expect("inputs/ exists")
        .count();
    assert!(
        inputs >= 2,
        "keep two or more inputs, or insta drops the snapshot suffix"
    );
    assert!(problems.is_empty(), "snapshots/:\n{}", problems.join("\n"));
}
