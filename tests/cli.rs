//! The `hs-quotes` command as a user meets it: the real binary, real files,
//! exit statuses and messages. Articles here are invented for these tests.

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

mod common;

use common::{BIKES, BIN, FENCES, ROWING, Scratch, assert_status, records, stderr, stdout};

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn extracts_a_quote_with_its_speaker() {
    let dir = Scratch::new("extracts_a_quote_with_its_speaker");
    dir.write("bikes.txt", BIKES);
    let out = dir.run(&["extract", "bikes.txt"]);
    assert_status(&out, 0);
    assert_eq!(stderr(&out), "");
    let recs = records(&out);
    assert_eq!(recs.len(), 1, "{recs:#?}");
    let r = &recs[0];
    assert_eq!(r["file"], "bikes.txt");
    assert_eq!(r["index"], 0);
    assert_eq!(r["text"], "People keep their bikes for decades,");
    assert_eq!(r["speaker"]["name"], "Tova Brennick");
    assert_eq!(r["rule"], "trailing_cue");
    assert_eq!(r["cue"], "says");
    let (start, end) = (
        r["start"].as_u64().unwrap() as usize,
        r["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(
        &BIKES.as_bytes()[start..end],
        r["text"].as_str().unwrap().as_bytes()
    );
}

#[test]
fn reads_standard_input_with_dash() {
    let dir = Scratch::new("reads_standard_input_with_dash");
    let out = dir.run_with_stdin(&["extract", "-"], ROWING.as_bytes());
    assert_status(&out, 0);
    assert_eq!(stderr(&out), "");
    let recs = records(&out);
    assert_eq!(recs.len(), 1, "{recs:#?}");
    assert_eq!(recs[0]["file"], "-");
    assert_eq!(recs[0]["text"], "We train before dawn,");
    assert_eq!(recs[0]["speaker"]["name"], "Jorund Maelis");
    assert_eq!(recs[0]["addressee"], "River Weekly");
}

#[test]
fn jsonl_writes_one_compact_record_per_line() {
    let dir = Scratch::new("jsonl_writes_one_compact_record_per_line");
    dir.write("fences.txt", FENCES.repeat(3));
    let out = dir.run(&["extract", "--jsonl", "fences.txt"]);
    assert_status(&out, 0);
    let text = stdout(&out);
    assert!(text.ends_with('\n'), "{text:?}");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    for (i, line) in lines.iter().enumerate() {
        assert!(
            line.starts_with('{') && !line.contains("\n  "),
            "not compact: {line}"
        );
        let r: Value = serde_json::from_str(line).unwrap();
        assert_eq!(r["index"], i);
        assert_eq!(r["paragraph"], i);
        assert_eq!(r["speaker"]["name"], "Ansel Virk");
    }
}

#[test]
fn missing_file_is_reported_and_others_still_processed() {
    let dir = Scratch::new("missing_file_is_reported_and_others_still_processed");
    dir.write("bikes.txt", BIKES);
    let out = dir.run(&["extract", "absent.txt", "bikes.txt"]);
    assert_status(&out, 1);
    let err = stderr(&out);
    assert!(
        err.contains("absent.txt") && err.contains("no such file"),
        "{err}"
    );
    assert!(err.contains("1 of 2 inputs"), "{err}");
    let recs = records(&out);
    assert_eq!(recs.len(), 1, "{recs:#?}");
    assert_eq!(recs[0]["file"], "bikes.txt");
}

#[test]
fn directory_is_reported() {
    let dir = Scratch::new("directory_is_reported");
    fs::create_dir(dir.path("articles")).unwrap();
    let out = dir.run(&["extract", "articles"]);
    assert_status(&out, 1);
    let err = stderr(&out);
    assert!(
        err.contains("articles") && err.contains("is a directory"),
        "{err}"
    );
    assert_eq!(records(&out).len(), 0);
}

#[test]
fn unreadable_file_is_reported() {
    use std::os::unix::fs::PermissionsExt;
    let dir = Scratch::new("unreadable_file_is_reported");
    let path = dir.write("locked.txt", BIKES);
    fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).unwrap();
    let out = if fs::read(&path).is_err() {
        dir.run(&["extract", "locked.txt"])
    } else {
        // Root reads a mode-000 file; run as an unprivileged user instead,
        // so the refusal is really tested.
        let dropped = Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups", BIN])
            .args(["extract", "locked.txt"])
            .current_dir(&dir.0)
            .output();
        match dropped {
            Ok(out) => out,
            Err(e) => {
                eprintln!("skipped: root reads every file, and setpriv failed: {e}");
                return;
            }
        }
    };
    assert_status(&out, 1);
    let err = stderr(&out);
    assert!(
        err.contains("locked.txt") && err.contains("permission denied"),
        "{err}"
    );
}

#[test]
fn invalid_utf8_names_the_byte_offset() {
    let dir = Scratch::new("invalid_utf8_names_the_byte_offset");
    // "Café " is 6 bytes (é is two), so the stray Latin-1 byte is at 6.
    let mut bytes = "Café ".as_bytes().to_vec();
    bytes.push(0xE9);
    bytes.extend_from_slice(b" au lait\n");
    dir.write("latin1.txt", &bytes);
    dir.write("bikes.txt", BIKES);
    let out = dir.run(&["extract", "latin1.txt", "bikes.txt"]);
    assert_status(&out, 1);
    let err = stderr(&out);
    assert!(
        err.contains("latin1.txt: invalid UTF-8 at byte 6")
            && err.contains("iconv")
            && err.contains("--lossy"),
        "{err}"
    );
    assert!(
        err.contains("1 of 2 inputs could not be processed"),
        "{err}"
    );
    let recs = records(&out);
    assert_eq!(recs.len(), 1, "{recs:#?}");
    assert_eq!(recs[0]["file"], "bikes.txt");
}

/// A scraped article in UTF-8 with Windows-1252 bytes mixed in: a `\x92`
/// apostrophe, and curly quotes as `\x93`/`\x94` around a second quote.
fn mixed_encoding_article() -> Vec<u8> {
    let mut bytes = Vec::new();
    bytes.extend_from_slice(b"Tova Brennick\x92s shop is in Lindhavn. ");
    bytes.extend_from_slice("“People keep their bikes,” Brennick says. ".as_bytes());
    bytes.extend_from_slice(b"\x93Even old ones,\x94 she adds.\n");
    bytes
}

#[test]
fn lossy_repairs_bad_bytes_and_keeps_file_offsets() {
    let dir = Scratch::new("lossy_repairs_bad_bytes_and_keeps_file_offsets");
    let bytes = mixed_encoding_article();
    dir.write("mixed.txt", &bytes);
    dir.write("bikes.txt", BIKES);
    let out = dir.run(&["extract", "--lossy", "mixed.txt", "bikes.txt"]);
    assert_status(&out, 0);
    let err = stderr(&out);
    assert!(
        err.contains("mixed.txt: warning: 3 bad byte sequence(s) replaced by U+FFFD")
            && err.contains("first at byte 13"),
        "{err}"
    );
    let recs = records(&out);
    assert_eq!(recs.len(), 2, "{recs:#?}");
    let r = &recs[0];
    assert_eq!(r["text"], "People keep their bikes,");
    assert_eq!(r["speaker"]["name"], "Tova Brennick");
    assert_eq!(r["repaired"], true);
    // Offsets are the file's: the repaired apostrophe (one byte in the file,
    // three as U+FFFD) does not shift them.
    let (start, end) = (
        r["start"].as_u64().unwrap() as usize,
        r["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&bytes[start..end], "People keep their bikes,".as_bytes());
    let m = &r["mention"];
    let (ms, me) = (
        m["start"].as_u64().unwrap() as usize,
        m["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&bytes[ms..me], m["text"].as_str().unwrap().as_bytes());
    // A clean file read with --lossy is not marked.
    assert_eq!(recs[1]["file"], "bikes.txt");
    assert!(recs[1].get("repaired").is_none(), "{:#?}", recs[1]);
}

#[test]
fn lossy_does_not_take_binary_or_utf16() {
    let dir = Scratch::new("lossy_does_not_take_binary_or_utf16");
    dir.write("image.bin", b"PNG\x00\x01\x02 not an article");
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("“Hi,” she says.".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    dir.write("utf16.txt", utf16);
    let out = dir.run(&["extract", "--lossy", "image.bin", "utf16.txt"]);
    assert_status(&out, 1);
    let err = stderr(&out);
    assert!(err.contains("image.bin: looks binary"), "{err}");
    assert!(
        err.contains("utf16.txt: is UTF-16, not UTF-8") && err.contains("iconv"),
        "{err}"
    );
    assert!(
        err.contains("2 of 2 inputs could not be processed"),
        "{err}"
    );
    assert_eq!(stdout(&out).trim(), "[]");
}

#[test]
fn binary_file_is_refused() {
    let dir = Scratch::new("binary_file_is_refused");
    dir.write("image.bin", b"PNG\x00\x01\x02 not an article");
    let out = dir.run(&["extract", "image.bin"]);
    assert_status(&out, 1);
    let err = stderr(&out);
    assert!(
        err.contains("image.bin") && err.contains("NUL byte at byte 3"),
        "{err}"
    );
}

#[test]
fn empty_and_whitespace_files_give_no_records_and_no_error() {
    let dir = Scratch::new("empty_and_whitespace_files_give_no_records_and_no_error");
    dir.write("empty.txt", "");
    dir.write("blank.txt", " \n\n\t \r\n");
    let out = dir.run(&["extract", "empty.txt", "blank.txt"]);
    assert_status(&out, 0);
    assert_eq!(stderr(&out), "");
    assert_eq!(stdout(&out).trim(), "[]");
    let out = dir.run(&["extract", "--jsonl", "empty.txt", "blank.txt"]);
    assert_status(&out, 0);
    assert_eq!(stdout(&out), "");
}

#[test]
fn usage_error_exits_2() {
    let dir = Scratch::new("usage_error_exits_2");
    dir.write("bikes.txt", BIKES);
    let out = dir.run(&["extract"]);
    assert_status(&out, 2);
    assert!(stderr(&out).contains("<FILE>"), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
    let out = dir.run(&["extract", "--pretty", "bikes.txt"]);
    assert_status(&out, 2);
    assert!(
        stderr(&out).contains("unexpected argument '--pretty'"),
        "{}",
        stderr(&out)
    );
    assert_eq!(stdout(&out), "");
    let out = dir.run(&[]);
    assert_status(&out, 2);
}

#[test]
fn help_explains_every_option_with_an_example() {
    let dir = Scratch::new("help_explains_every_option_with_an_example");
    let out = dir.run(&["extract", "--help"]);
    assert_status(&out, 0);
    let help = stdout(&out);
    for needle in [
        "--jsonl",
        "-o, --output",
        "<FILE>",
        "standard input",
        "Example",
    ] {
        assert!(help.contains(needle), "help lacks {needle:?}:\n{help}");
    }
}

#[test]
fn output_file_is_written_whole() {
    let dir = Scratch::new("output_file_is_written_whole");
    dir.write("fences.txt", FENCES.repeat(4));
    fs::create_dir(dir.path("out")).unwrap();
    let out = dir.run(&["extract", "-o", "out/quotes.json", "fences.txt"]);
    assert_status(&out, 0);
    assert_eq!(stdout(&out), "");
    assert_eq!(stderr(&out), "");
    let written: Value =
        serde_json::from_slice(&fs::read(dir.path("out/quotes.json")).unwrap()).unwrap();
    assert_eq!(written.as_array().unwrap().len(), 4);
    assert_eq!(files_in(&dir.path("out")), ["quotes.json"]);

    // Replacing an existing file works the same, and --output is the long form.
    let out = dir.run(&[
        "extract",
        "--output",
        "out/quotes.json",
        "--jsonl",
        "fences.txt",
    ]);
    assert_status(&out, 0);
    let text = fs::read_to_string(dir.path("out/quotes.json")).unwrap();
    assert_eq!(text.lines().count(), 4);
    assert_eq!(files_in(&dir.path("out")), ["quotes.json"]);
}

#[test]
fn output_to_a_missing_folder_fails_and_leaves_nothing() {
    let dir = Scratch::new("output_to_a_missing_folder_fails_and_leaves_nothing");
    dir.write("bikes.txt", BIKES);
    let out = dir.run(&["extract", "-o", "nowhere/quotes.json", "bikes.txt"]);
    assert_status(&out, 1);
    let err = stderr(&out);
    assert!(
        err.contains("nowhere/quotes.json") && err.contains("cannot write output"),
        "{err}"
    );
    assert_eq!(files_in(&dir.0), ["bikes.txt"]);
}

/// Start the binary on a large article, read one line, hang up.
fn read_one_line_then_hang_up(dir: &Scratch, args: &[&str]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(&dir.0)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut reader = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    reader.read_line(&mut line).unwrap();
    assert_eq!(line, "[\n");
    drop(reader);
    child.wait_with_output().unwrap()
}

#[test]
fn broken_pipe_ends_quietly() {
    let dir = Scratch::new("broken_pipe_ends_quietly");
    // About 2 MB of output: far more than a pipe holds, so the writer meets
    // the closed pipe.
    dir.write("big.txt", FENCES.repeat(5_000));
    let out = read_one_line_then_hang_up(&dir, &["extract", "big.txt"]);
    let err = stderr(&out);
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(err, "");
    assert_status(&out, 0);
}

#[test]
fn broken_pipe_still_exits_1_when_an_input_failed() {
    let dir = Scratch::new("broken_pipe_still_exits_1_when_an_input_failed");
    dir.write("big.txt", FENCES.repeat(5_000));
    let out = read_one_line_then_hang_up(&dir, &["extract", "absent.txt", "big.txt"]);
    let err = stderr(&out);
    assert!(!err.contains("panicked"), "{err}");
    assert!(
        err.contains("absent.txt") && err.contains("no such file"),
        "{err}"
    );
    assert!(!err.contains("cannot write output"), "{err}");
    assert_status(&out, 1);
}

#[test]
fn broken_pipe_stops_the_run_before_later_inputs() {
    // Output is streamed, so once the reader has hung up the inputs after
    // the current one would be read for nothing: they are not read at all.
    let dir = Scratch::new("broken_pipe_stops_the_run_before_later_inputs");
    dir.write("big.txt", FENCES.repeat(5_000));
    let out = read_one_line_then_hang_up(&dir, &["extract", "big.txt", "absent.txt"]);
    assert_eq!(stderr(&out), "");
    assert_status(&out, 0);
}

#[test]
fn records_keep_file_order_given_on_the_command_line() {
    let dir = Scratch::new("records_keep_file_order_given_on_the_command_line");
    dir.write("a_bikes.txt", BIKES);
    dir.write("b_rowing.txt", ROWING);
    dir.write("c_fences.txt", FENCES.repeat(2));
    let out = dir.run(&["extract", "c_fences.txt", "a_bikes.txt", "b_rowing.txt"]);
    assert_status(&out, 0);
    let recs = records(&out);
    let got: Vec<(&str, u64)> = recs
        .iter()
        .map(|r| (r["file"].as_str().unwrap(), r["index"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        got,
        [
            ("c_fences.txt", 0),
            ("c_fences.txt", 1),
            ("a_bikes.txt", 0),
            ("b_rowing.txt", 0)
        ]
    );
}

#[test]
fn each_file_is_written_before_the_next_is_read() {
    // The second input is a named pipe that gets its article only after the
    // first file's record has been read from stdout: a run that held all
    // records to the end would wait forever (the test fails after 20 s).
    let dir = Scratch::new("each_file_is_written_before_the_next_is_read");
    dir.write("bikes.txt", BIKES);
    let fifo = dir.path("later.txt");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    let mut child = Command::new(BIN)
        .args(["extract", "--jsonl", "bikes.txt", "later.txt"])
        .current_dir(&dir.0)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut reader = BufReader::new(child.stdout.take().unwrap());
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = reader.read_line(&mut line);
        let _ = send.send((line, reader));
    });
    let Ok((first, mut reader)) = receive.recv_timeout(std::time::Duration::from_secs(20)) else {
        let _ = child.kill();
        panic!("no record of bikes.txt before later.txt was read");
    };
    let first: Value = serde_json::from_str(&first).unwrap();
    assert_eq!(first["file"], "bikes.txt");
    fs::write(&fifo, ROWING).unwrap();
    let mut second = String::new();
    reader.read_line(&mut second).unwrap();
    let second: Value = serde_json::from_str(&second).unwrap();
    assert_eq!(second["file"], "later.txt");
    assert_eq!(second["speaker"]["name"], "Jorund Maelis");
    assert!(child.wait().unwrap().success());
}

#[test]
fn output_is_the_same_on_one_core_and_on_many() {
    // Files of very different lengths finish out of order on several
    // workers; bad ones in between must be reported in their place.
    let dir = Scratch::new("output_is_the_same_on_one_core_and_on_many");
    let mut args = Vec::new();
    for i in 0..40 {
        let name = format!("f{i:02}.txt");
        match i % 10 {
            3 => {} // never written: missing
            7 => {
                dir.write(&name, b"caf\xE9\n");
            }
            _ => {
                let body = [BIKES, ROWING, FENCES][i % 3].repeat(1 + (i * 37) % 200);
                dir.write(&name, body);
            }
        }
        args.push(name);
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let one = dir.run(&[&["extract", "-j", "1"], &args[..]].concat());
    let many = dir.run(&[&["extract", "-j", "4"], &args[..]].concat());
    assert_status(&one, 1);
    assert_status(&many, 1);
    assert_eq!(stdout(&one), stdout(&many));
    assert_eq!(stderr(&one), stderr(&many));
    let err = stderr(&one);
    assert!(
        err.contains("8 of 40 inputs could not be processed"),
        "{err}"
    );
    // Reported in input order: f03 (missing) before f07 (bad byte).
    let (f03, f07) = (err.find("f03.txt").unwrap(), err.find("f07.txt").unwrap());
    assert!(f03 < f07, "{err}");
    let files: Vec<String> = records(&one)
        .iter()
        .map(|r| r["file"].as_str().unwrap().to_string())
        .collect();
    let mut sorted = files.clone();
    sorted.sort();
    assert_eq!(files, sorted, "records out of input order");
}

#[test]
fn stdin_jsonl_gives_each_record_its_id() {
    let dir = Scratch::new("stdin_jsonl_gives_each_record_its_id");
    let lines = [
        serde_json::json!({"id": "a1", "text": BIKES}).to_string(),
        String::new(), // empty lines are skipped
        "{\"id\": 7, \"text\": \"no quotation\"}".to_string(),
        "not json at all".to_string(),
        "{\"text\": \"Ann says: “Hi.”\"}".to_string(),
        serde_json::json!({"id": "nul", "text": "a\u{0}b"}).to_string(),
        // A quotation with a tab and line breaks inside it.
        serde_json::json!({"id": "b2", "text": "Ola Pim won. “It was\thard\nand long,” Pim says.\n"})
            .to_string(),
    ];
    let input = lines.join("\n") + "\n";
    let out = dir.run_with_stdin(&["extract", "--stdin-jsonl"], input.as_bytes());
    assert_status(&out, 1);
    let err = stderr(&out);
    assert!(
        err.contains("standard input, line 4: not a JSON object with \"id\" and \"text\""),
        "{err}"
    );
    assert!(
        err.contains("standard input, line 5: not a JSON object"),
        "{err}"
    );
    assert!(err.contains("missing field `id`"), "{err}");
    assert!(
        err.contains("standard input, line 6: \"text\" looks binary"),
        "{err}"
    );
    assert!(
        err.contains("3 of 6 inputs could not be processed"),
        "{err}"
    );
    let text = stdout(&out);
    // One record per line: no raw newline or tab inside a record.
    assert!(!text.contains('\t'), "{text}");
    let recs: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(recs.len(), 2, "{text}");
    assert_eq!(recs[0]["id"], "a1");
    assert_eq!(recs[0]["speaker"]["name"], "Tova Brennick");
    assert_eq!(recs[1]["id"], "b2");
    assert_eq!(recs[1]["text"], "It was\thard\nand long,");
    assert_eq!(recs[1]["speaker"]["name"], "Ola Pim");
    // Offsets are bytes of the decoded "text" string.
    let source = "Ola Pim won. “It was\thard\nand long,” Pim says.\n";
    let (s, e) = (
        recs[1]["start"].as_u64().unwrap() as usize,
        recs[1]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&source[s..e], "It was\thard\nand long,");
}

#[test]
fn stdin_jsonl_takes_no_files() {
    let dir = Scratch::new("stdin_jsonl_takes_no_files");
    let out = dir.run(&["extract", "--stdin-jsonl", "a.txt"]);
    assert_status(&out, 2);
    assert!(
        stderr(&out).contains("cannot be used with"),
        "{}",
        stderr(&out)
    );
}

/// Run to the end, or fail the test after 20 s instead of hanging it.
fn wait_or_fail(mut child: std::process::Child, what: &str) -> Output {
    let (send, receive) = std::sync::mpsc::channel();
    let id = child.id();
    let stdout = child.stdout.take();
    std::thread::spawn(move || {
        let mut out = Vec::new();
        if let Some(mut s) = stdout {
            let _ = std::io::Read::read_to_end(&mut s, &mut out);
        }
        let status = child.wait().unwrap();
        let _ = send.send((status, out));
    });
    match receive.recv_timeout(std::time::Duration::from_secs(20)) {
        Ok((status, stdout)) => Output {
            status,
            stdout,
            stderr: Vec::new(),
        },
        Err(_) => {
            let _ = Command::new("kill").args(["-9", &id.to_string()]).status();
            panic!("{what}: still running after 20 s");
        }
    }
}

#[test]
fn closed_standard_error_neither_hangs_nor_panics() {
    let dir = Scratch::new("closed_standard_error_neither_hangs_nor_panics");
    dir.write("bikes.txt", BIKES);
    let mut args = vec![
        "extract".to_string(),
        "--jsonl".into(),
        "-j".into(),
        "2".into(),
    ];
    for i in 0..60 {
        args.push(format!("missing{i}.txt"));
    }
    args.push("bikes.txt".into());
    let mut child = Command::new(BIN)
        .args(&args)
        .current_dir(&dir.0)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stderr.take()); // whoever read the messages has gone
    let out = wait_or_fail(child, "extract with standard error closed");
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(text.contains("Tova Brennick"), "{text}");
}

#[test]
fn output_through_a_symlink_replaces_the_file_it_names() {
    let dir = Scratch::new("output_through_a_symlink_replaces_the_file_it_names");
    dir.write("bikes.txt", BIKES);
    dir.write("quotes.json", "old");
    std::os::unix::fs::symlink("quotes.json", dir.path("latest.json")).unwrap();
    let out = dir.run(&["extract", "-o", "latest.json", "bikes.txt"]);
    assert_status(&out, 0);
    let link = fs::symlink_metadata(dir.path("latest.json")).unwrap();
    assert!(
        link.file_type().is_symlink(),
        "the link was replaced by a file"
    );
    let written: Value =
        serde_json::from_str(&fs::read_to_string(dir.path("quotes.json")).unwrap()).unwrap();
    assert_eq!(written[0]["speaker"]["name"], "Tova Brennick");
    assert_eq!(
        files_in(&dir.0),
        ["bikes.txt", "latest.json", "quotes.json"]
    );
}

#[test]
fn output_to_a_directory_is_refused_before_any_input_is_read() {
    let dir = Scratch::new("output_to_a_directory_is_refused_before_any_input_is_read");
    fs::create_dir(dir.path("out")).unwrap();
    let out = dir.run(&["extract", "-o", "out", "missing.txt"]);
    assert_status(&out, 1);
    let err = stderr(&out);
    assert!(
        err.contains("out: cannot write output: is a directory"),
        "{err}"
    );
    assert!(!err.contains("missing.txt"), "inputs were read: {err}");
}

#[test]
fn standard_input_can_be_given_once() {
    let dir = Scratch::new("standard_input_can_be_given_once");
    let out = dir.run(&["extract", "-", "-"]);
    assert_status(&out, 2);
    assert!(stderr(&out).contains("only once"), "{}", stderr(&out));
}

#[test]
fn stdin_jsonl_echoes_ids_verbatim_and_repairs_with_lossy() {
    let dir = Scratch::new("stdin_jsonl_echoes_ids_verbatim_and_repairs_with_lossy");
    let mut input = Vec::new();
    input.extend_from_slice(b"{\"id\": 12345678901234567890123, \"text\": \"Ola Pim won. \xE2\x80\x9CIt was hard,\xE2\x80\x9D Pim says.\"}\n");
    input.extend_from_slice(b"{\"id\": \"x\", \"text\": \"Caf\xE9 owner Ola Pim: \xE2\x80\x9CWe open at nine.\xE2\x80\x9D\"}\n");
    let strict = dir.run_with_stdin(&["extract", "--stdin-jsonl"], &input);
    assert_status(&strict, 1);
    let err = stderr(&strict);
    assert!(
        err.contains("standard input, line 2: invalid UTF-8 at byte 24 of the line")
            && err.contains("--lossy"),
        "{err}"
    );
    let line = stdout(&strict);
    assert!(
        line.starts_with("{\"file\":\"-\",\"id\":12345678901234567890123,"),
        "{line}"
    );

    let lossy = dir.run_with_stdin(&["extract", "--stdin-jsonl", "--lossy"], &input);
    assert_status(&lossy, 0);
    let recs: Vec<Value> = stdout(&lossy)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(recs.len(), 2);
    assert_eq!(recs[1]["id"], "x");
    assert_eq!(recs[1]["text"], "We open at nine.");
    assert_eq!(recs[1]["repaired"], true);
    assert!(recs[0].get("repaired").is_none());
}

#[test]
fn stdin_jsonl_read_error_fails_the_run() {
    let dir = Scratch::new("stdin_jsonl_read_error_fails_the_run");
    fs::create_dir(dir.path("folder")).unwrap();
    let child = Command::new(BIN)
        .args(["extract", "--stdin-jsonl", "-j", "4"])
        .current_dir(&dir.0)
        .stdin(fs::File::open(dir.path("folder")).unwrap())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let out = wait_or_fail(child, "extract --stdin-jsonl reading a directory");
    assert_eq!(out.status.code(), Some(1));
}
