//! Runs on several workers write what one core writes, as soon as one
//! core would, and hold no more memory for one document (written for the
//! change that made workers write in turn, from its review).

use std::fs;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use serde_json::Value;

mod common;

use common::{BIKES, BIN, FENCES, ROWING, Scratch, assert_status, stderr, stdout};

#[test]
fn stdin_jsonl_is_the_same_on_one_core_and_on_many() {
    // Bad lines (not JSON, bad id, bad UTF-8, blank, BOM) between good ones
    // and a multi-segment document: messages in line order, the same bytes.
    let dir = Scratch::new("stdin_jsonl_is_the_same_on_one_core_and_on_many");
    let mut stream = Vec::new();
    stream.extend_from_slice(b"\xEF\xBB\xBF{\"id\": \"bom\", \"text\": \"x\"}\n");
    for i in 0..300 {
        match i % 9 {
            2 => stream.extend_from_slice(b"not json\n"),
            4 => stream.extend_from_slice(b"{\"id\": true, \"text\": \"x\"}\n"),
            5 => stream.extend_from_slice(b"\n"),
            6 => stream.extend_from_slice(b"{\"id\": 6, \"text\": \"caf\xE9\"}\n"),
            8 if i % 90 == 8 => {
                let text = serde_json::to_string(&FENCES.repeat(15_000)).unwrap();
                stream.extend_from_slice(
                    format!("{{\"id\": \"big{i}\", \"text\": {text}}}\n").as_bytes(),
                );
            }
            _ => {
                let text = serde_json::to_string(&[BIKES, ROWING, FENCES][i % 3].repeat(1 + i % 4))
                    .unwrap();
                stream.extend_from_slice(format!("{{\"id\": {i}, \"text\": {text}}}\n").as_bytes());
            }
        }
    }
    let one = dir.run_with_stdin(&["extract", "--stdin-jsonl", "-j", "1"], &stream);
    assert_status(&one, 1);
    for jobs in ["2", "3", "8"] {
        let many = dir.run_with_stdin(&["extract", "--stdin-jsonl", "-j", jobs], &stream);
        assert_status(&many, 1);
        assert_eq!(stdout(&one), stdout(&many), "-j {jobs}");
        assert_eq!(stderr(&one), stderr(&many), "-j {jobs}");
    }
    let lossy_one =
        dir.run_with_stdin(&["extract", "--stdin-jsonl", "--lossy", "-j", "1"], &stream);
    let lossy_many =
        dir.run_with_stdin(&["extract", "--stdin-jsonl", "--lossy", "-j", "4"], &stream);
    assert_eq!(stdout(&lossy_one), stdout(&lossy_many));
    assert_eq!(stderr(&lossy_one), stderr(&lossy_many));
}

/// Run `args` with named pipes among the inputs: each pipe gets ROWING only
/// once every record of the file just before it has been read from stdout.
fn feed_pipes_in_turn(dir: &Scratch, args: &[&str], files: &[&str]) {
    for f in files.iter().filter(|f| f.starts_with("pipe")) {
        let made = Command::new("mkfifo").arg(dir.path(f)).status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    }
    let mut child = Command::new(BIN)
        .args(args)
        .args(files)
        .current_dir(&dir.0)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (send, receive) = std::sync::mpsc::channel::<String>();
    let reader = BufReader::new(child.stdout.take().unwrap());
    std::thread::spawn(move || {
        for line in reader.lines() {
            let Ok(line) = line else { break };
            let v: Value = serde_json::from_str(&line).unwrap();
            if send.send(v["file"].as_str().unwrap().to_string()).is_err() {
                break;
            }
        }
    });
    let mut seen: Vec<String> = Vec::new();
    for (i, f) in files.iter().enumerate() {
        if !f.starts_with("pipe") {
            continue;
        }
        let before = files[i - 1];
        while !seen.iter().any(|s| s == before) {
            match receive.recv_timeout(std::time::Duration::from_secs(120)) {
                Ok(file) => seen.push(file),
                Err(_) => {
                    let _ = child.kill();
                    panic!(
                        "{args:?}: no record of {before} before {f} was read (seen {})",
                        seen.len()
                    );
                }
            }
        }
        fs::write(dir.path(f), ROWING).unwrap();
    }
    seen.extend(receive.iter());
    let status = child.wait().unwrap();
    assert!(status.success(), "{args:?}");
    seen.dedup();
    assert_eq!(seen, files, "{args:?}: records out of input order");
}

#[test]
fn each_file_is_written_before_the_next_is_read_on_many_cores() {
    // As each_file_is_written_before_the_next_is_read, on several workers,
    // with a multi-segment file (its first records held while it is not yet
    // being written) and files ahead of a pipe that finish out of order.
    for jobs in ["1", "2", "3", "4"] {
        let dir = Scratch::new(&format!("each_file_written_many_{jobs}"));
        dir.write("a.txt", BIKES);
        dir.write("b.txt", FENCES.repeat(3));
        dir.write("long.txt", FENCES.repeat(16_000)); // 1.2 MB: two segments
        let args = ["extract", "--jsonl", "-j", jobs];
        feed_pipes_in_turn(&dir, &args, &["a.txt", "pipe1"]);
        let dir = Scratch::new(&format!("each_file_written_many_b{jobs}"));
        dir.write("a.txt", BIKES);
        dir.write("b.txt", FENCES.repeat(3));
        dir.write("long.txt", FENCES.repeat(16_000));
        feed_pipes_in_turn(
            &dir,
            &args,
            &["a.txt", "long.txt", "pipe1", "b.txt", "pipe2", "pipe3"],
        );
    }
}

/// Peak resident memory of a run, in kB (VmHWM, sampled until it exits).
#[cfg(target_os = "linux")]
fn peak_kb(dir: &Scratch, args: &[&str]) -> u64 {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(&dir.0)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    loop {
        if let Ok(text) = fs::read_to_string(&status_file)
            && let Some(kb) = text
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        {
            peak = peak.max(kb);
        }
        if child.try_wait().unwrap().is_some() {
            return peak;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

#[test]
#[cfg(target_os = "linux")]
fn many_cores_hold_no_more_of_one_document_than_one_core() {
    // One long document of nothing but short quotations (2.7 MB, three
    // segments): each 1 MiB segment gives ~30,000 records (~20 MB). Alone,
    // it is always the input being written, so more workers must not hold
    // more of it. A worker that kept one batch back, to send it with the
    // end of the input, held one segment's records more on -j 2.
    let dir = Scratch::new("many_cores_hold_no_more_of_one_document_than_one_core");
    let text: String = (0..70_000)
        .map(|i| format!("“Word number {i} here,” Ann Lee says.\n"))
        .collect();
    dir.write("dense.txt", text);
    let one = peak_kb(&dir, &["extract", "--jsonl", "-j", "1", "dense.txt"]);
    let two = peak_kb(&dir, &["extract", "--jsonl", "-j", "2", "dense.txt"]);
    assert!(
        two <= one + 8 * 1024,
        "peak RSS {one} kB on -j 1, {two} kB on -j 2"
    );
}
