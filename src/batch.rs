//! A run over many inputs: files or the lines of a JSON Lines stream, read
//! and extracted on every core, written in input order.
//!
//! Workers take inputs in order and send each input's records (a segment
//! at a time) to the writer, which is the calling thread. The writer writes
//! the input it is on and holds the others' records until their turn, so
//! the output is byte for byte that of a run on one core. A worker may run
//! at most `window` inputs ahead of the writer: held records stay bounded
//! by a few documents, never the corpus.

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, VecDeque};
use std::fs;
use std::io::{self, BufRead, Read, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, Once, PoisonError};

use serde::Deserialize;

use crate::error::Error;
use crate::input::{self, Decoded};
use crate::json;
use crate::output::Record;
use crate::segments::Segments;

/// One input of a run.
pub enum Source {
    /// A file to read (`-`: standard input).
    File(PathBuf),
    /// A line of a JSON Lines stream on standard input, numbered from 1.
    Line { number: usize, bytes: Vec<u8> },
    /// An input that could not be read at all, with the message saying why.
    Broken(String),
}

/// What a run needs to know besides its inputs.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// Repair bytes that are not UTF-8 instead of refusing the file.
    pub lossy: bool,
    /// Worker threads (at least one).
    pub jobs: usize,
}

/// How a run went.
#[derive(Debug)]
pub struct Outcome {
    /// Inputs seen.
    pub inputs: usize,
    /// Inputs that could not be processed (each reported on standard error).
    pub failed: usize,
    /// Whether all output was written; a closed pipe or a full disk ends
    /// the run early.
    pub written: io::Result<()>,
}

/// What a worker tells the writer about input `index`. Records are lent:
/// printed before `emit` returns, their vector is kept for the next.
enum Event<'e, 'a> {
    Records(&'e [Record<'a>]),
    /// A message for standard error; `true` if the input failed.
    Message(String, bool),
    /// The input's last records (often all of them), and its end: one
    /// message, so an article costs the writer one wake-up, not two.
    Done(&'e [Record<'a>]),
}

/// Every standard-input line of a JSON Lines stream, as a [`Source`].
/// Empty lines are skipped. A read error is one failed input, and ends the
/// stream: once ended, it stays ended for every worker.
pub fn stdin_lines() -> impl Iterator<Item = Source> + Send {
    let mut reader = io::BufReader::with_capacity(1 << 16, io::stdin());
    let mut number = 0;
    let mut ended = false;
    std::iter::from_fn(move || {
        while !ended {
            let mut bytes = Vec::new();
            match reader.read_until(b'\n', &mut bytes) {
                Ok(0) => ended = true,
                Ok(_) => {
                    number += 1;
                    if bytes.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    // A byte-order mark opens some files; it is not JSON.
                    if number == 1 && bytes.starts_with(b"\xEF\xBB\xBF") {
                        bytes.drain(..3);
                    }
                    return Some(Source::Line { number, bytes });
                }
                Err(e) => {
                    ended = true;
                    return Some(Source::Broken(format!(
                        "hs-quotes: standard input: cannot read after line {number}: {e}"
                    )));
                }
            }
        }
        None
    })
}

/// Extract every input and write its records to `sink`, in input order.
pub fn run<W: Write + Send>(
    sources: impl Iterator<Item = Source> + Send,
    options: Options,
    sink: &mut Sink<W>,
) -> Outcome {
    let jobs = options.jobs.max(1);
    if jobs == 1 {
        return run_here(sources, options, sink);
    }
    let shared = Shared {
        sources: Mutex::new((0, Box::new(sources))),
        written: Mutex::new(Turn::default()),
        turn: Condvar::new(),
        stop: AtomicBool::new(false),
        window: 2 * jobs,
        jsonl: sink.jsonl,
        out: Mutex::new(Output {
            sink,
            held: BTreeMap::new(),
            current: 0,
            failed: 0,
            error: None,
        }),
    };
    std::thread::scope(|scope| {
        for _ in 1..jobs {
            scope.spawn(|| shared.work(options));
        }
        // The calling thread is a worker too.
        shared.work(options);
    });
    let inputs = shared.sources.lock().map_or(0, |s| s.0);
    let out = shared
        .out
        .into_inner()
        .unwrap_or_else(PoisonError::into_inner);
    Outcome {
        inputs,
        failed: out.failed,
        written: out.error.map_or(Ok(()), Err),
    }
}

/// One core: every input read, extracted and written on the calling thread,
/// in order. Handing each article to a worker and its records back cost
/// two thread wake-ups per article: a tenth of the run time on news.
fn run_here<W: Write>(
    sources: impl Iterator<Item = Source>,
    options: Options,
    sink: &mut Sink<W>,
) -> Outcome {
    let (mut inputs, mut failed, mut written) = (0, 0, Ok(()));
    let mut spare = Spare::default();
    for source in sources {
        inputs += 1;
        let listened = process(source, options, &mut spare, |event| {
            let result = match event {
                Event::Records(records) => sink.write(records),
                Event::Message(message, fails) => {
                    // Not eprintln!: it panics when standard error is closed.
                    let _ = writeln!(io::stderr(), "{message}");
                    failed += usize::from(fails);
                    Ok(())
                }
                // Out as soon as the input is done, as with workers.
                Event::Done(records) => sink.write(records).and_then(|()| sink.flush()),
            };
            result.map_err(|e| written = Err(e)).is_ok()
        });
        if !listened {
            break;
        }
    }
    Outcome {
        inputs,
        failed,
        written,
    }
}

/// Where the writer is, under the lock workers wait with.
#[derive(Default)]
struct Turn {
    written: usize,
    /// Workers inside `wait_until`'s wait: counted under the lock, so one
    /// about to sleep is counted before the writer checks.
    sleepers: usize,
}

/// Stops every worker if the one that holds it panics, so that none waits
/// for an input that will never be done.
struct StopOnPanic<'a, 'b, 'w, W: Write>(&'a Shared<'b, 'w, W>);

impl<W: Write> Drop for StopOnPanic<'_, '_, '_, W> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.stop();
        }
    }
}

type Sources<'a> = Box<dyn Iterator<Item = Source> + Send + 'a>;

struct Shared<'a, 'w, W: Write> {
    /// The inputs, and how many have been taken.
    sources: Mutex<(usize, Sources<'a>)>,
    /// Inputs written, and workers waiting for it to go on.
    written: Mutex<Turn>,
    turn: Condvar,
    stop: AtomicBool,
    /// How far ahead of the writing a worker may start an input.
    window: usize,
    /// One record per line, not a JSON array.
    jsonl: bool,
    out: Mutex<Output<'w, W>>,
}

/// An event as the output keeps it until its turn: records already printed.
enum Held {
    Records(io::Result<Printed>),
    Message(String, bool),
    Done(io::Result<Printed>),
}

/// Records printed as they will be written after at least one record.
struct Printed {
    bytes: Vec<u8>,
    count: usize,
}

impl Printed {
    fn new(jsonl: bool, records: &[Record]) -> io::Result<Printed> {
        let mut bytes = Vec::new();
        for r in records {
            print(jsonl, false, r, &mut bytes)?;
        }
        Ok(Printed {
            bytes,
            count: records.len(),
        })
    }
}

/// The output, and the events of inputs whose turn has not come.
///
/// Whichever worker has an event takes the lock and writes what is ready:
/// no thread only writes, so a worker never wakes another up to write for
/// it. (A writer thread woke once per article: a sixth of the run time on
/// two cores went into the kernel.)
struct Output<'w, W: Write> {
    sink: &'w mut Sink<W>,
    held: BTreeMap<usize, VecDeque<Held>>,
    /// The input being written.
    current: usize,
    failed: usize,
    error: Option<io::Error>,
}

impl<W: Write> Output<'_, W> {
    /// Write the events whose turn has come; tell `shared` of each input done.
    fn write_ready(&mut self, shared: &Shared<'_, '_, W>) -> io::Result<()> {
        while let Some(event) = self
            .held
            .get_mut(&self.current)
            .and_then(VecDeque::pop_front)
        {
            match event {
                Held::Records(printed) => self.sink.write_printed(&printed?)?,
                Held::Message(message, fails) => {
                    // Not eprintln!: it panics when standard error is closed.
                    let _ = writeln!(io::stderr(), "{message}");
                    self.failed += usize::from(fails);
                }
                Held::Done(printed) => {
                    self.sink.write_printed(&printed?)?;
                    self.held.remove(&self.current);
                    self.current += 1;
                    shared.advance(self.current);
                    // Out as soon as nothing else is ready, so a reader
                    // downstream has each input's records without waiting
                    // for the rest.
                    if !self.held.contains_key(&self.current) {
                        self.sink.flush()?;
                    }
                }
            }
        }
        Ok(())
    }
}

impl<W: Write> Shared<'_, '_, W> {
    fn work(&self, options: Options) {
        let _stop = StopOnPanic(self);
        let mut spare = Spare::default();
        while !self.stopped() {
            let (index, source) = {
                let Ok(mut sources) = self.sources.lock() else {
                    return;
                };
                let Some(source) = sources.1.next() else {
                    return;
                };
                sources.0 += 1;
                (sources.0 - 1, source)
            };
            // Start at most `window` inputs ahead of the writing.
            if !self.wait_until(|written| index < written + self.window) {
                return;
            }
            let mut sent = false;
            let deliver = |event: Event| {
                // An input that is not yet being written holds back after
                // its first batch: held records stay a segment per worker.
                let records = matches!(&event, Event::Records(_))
                    || matches!(&event, Event::Done(r) if !r.is_empty());
                if records && sent && !self.wait_until(|written| written >= index) {
                    return false;
                }
                sent |= records;
                // Printed here, before the output is locked: the lock is
                // held only to copy bytes out.
                let held = match event {
                    Event::Records(records) => Held::Records(Printed::new(self.jsonl, records)),
                    Event::Message(message, fails) => Held::Message(message, fails),
                    Event::Done(records) => Held::Done(Printed::new(self.jsonl, records)),
                };
                self.deliver(index, held)
            };
            if !process(source, options, &mut spare, deliver) {
                return; // the output failed
            }
        }
    }

    /// Hand an event of input `index` to the output, and write what is
    /// ready. False once the output has failed.
    fn deliver(&self, index: usize, event: Held) -> bool {
        let Ok(mut out) = self.out.lock() else {
            return false;
        };
        if out.error.is_some() {
            return false;
        }
        out.held.entry(index).or_default().push_back(event);
        match out.write_ready(self) {
            Ok(()) => true,
            Err(e) => {
                out.error = Some(e);
                drop(out);
                self.stop();
                false
            }
        }
    }

    /// Wait until `ready(inputs written)`; false if the run stopped first.
    fn wait_until(&self, ready: impl Fn(usize) -> bool) -> bool {
        let Ok(mut turn) = self.written.lock() else {
            return false;
        };
        loop {
            if self.stop.load(Ordering::SeqCst) {
                return false;
            }
            if ready(turn.written) {
                return true;
            }
            turn.sleepers += 1;
            turn = match self.turn.wait(turn) {
                Ok(t) => t,
                Err(_) => return false,
            };
            turn.sleepers -= 1;
        }
    }

    fn advance(&self, written: usize) {
        let sleepers = self.written.lock().map_or(1, |mut turn| {
            turn.written = written;
            turn.sleepers
        });
        // Waking nobody still costs a system call, once per input.
        if sleepers > 0 {
            self.turn.notify_all();
        }
    }

    /// Stop every worker. Set under the lock the workers wait with, so none
    /// can check, miss the notice, and then sleep forever.
    fn stop(&self) {
        let _held = self.written.lock();
        self.stop.store(true, Ordering::SeqCst);
        self.turn.notify_all();
    }

    fn stopped(&self) -> bool {
        self.stop.load(Ordering::SeqCst)
    }
}

/// What one input leaves to the next on the same thread: buffers to read
/// and extract it with, emptied before each use.
#[derive(Default)]
struct Spare {
    file: Vec<u8>,
    extraction: crate::Spare,
}

/// Read and extract one input, telling `emit` what came of it. False when
/// nobody listens any more. A file is read into `spare`'s buffer, and the
/// input's buffers are left there for the next input.
fn process(
    source: Source,
    options: Options,
    spare: &mut Spare,
    mut emit: impl FnMut(Event<'_, '_>) -> bool,
) -> bool {
    let Input {
        decoded,
        name,
        label,
        id,
        repaired,
    } = match read(source, options.lossy, &mut spare.file) {
        Ok(read) => read,
        Err(message) => {
            return emit(Event::Message(message, true)) && emit(Event::Done(&[]));
        }
    };
    if decoded.repairs.any() {
        let warning = format!(
            "hs-quotes: {label}: warning: {} bad byte sequence(s) replaced by U+FFFD \
             (first at byte {}); its records say \"repaired\": true",
            decoded.repairs.count(),
            decoded.repairs.first().unwrap_or(0)
        );
        if !emit(Event::Message(warning, false)) {
            return false;
        }
    }
    let mut segments =
        Segments::new(&decoded, &name).reusing(std::mem::take(&mut spare.extraction));
    let mut sent = false;
    // The last segment's records go out with the end of the input.
    let mut last = Vec::new();
    loop {
        // A bug on one article must not cost the others their records: it
        // is reported for that input, and the run goes on.
        match catching(|| segments.next()) {
            Ok(Some(mut records)) => {
                for r in &mut records {
                    r.id = id.as_deref();
                    r.repaired |= repaired;
                }
                if segments.is_done() {
                    last = records;
                    break;
                }
                if !records.is_empty() {
                    if !emit(Event::Records(&records)) {
                        return false;
                    }
                    sent = true;
                }
                segments.keep_records(records);
            }
            Ok(None) => break,
            Err(_) => {
                let path = PathBuf::from(&label);
                let why = CAUGHT.with(|c| c.borrow_mut().take()).unwrap_or_default();
                let message = format!(
                    "hs-quotes: {}: {why}{}",
                    Error::Internal { path },
                    if sent {
                        " (its records before that point were written)"
                    } else {
                        ""
                    }
                );
                if !emit(Event::Message(message, true)) {
                    return false;
                }
                break;
            }
        }
    }
    let listened = emit(Event::Done(&last));
    segments.keep_records(last);
    spare.extraction = segments.into_spare();
    keep_buffer(&mut spare.file, decoded.text.into_bytes());
    listened
}

/// Room for a whole article, so that it is read in one call (and one more
/// that finds the end) even into a buffer not used before.
const FIRST_READ: usize = 64 << 10;

/// Keep `buffer` to read the next file into: one allocation per file less,
/// and the largest of a run's allocations, which cost malloc most. A
/// buffer grown for a dump is let go: articles need a few kilobytes.
fn keep_buffer(spare: &mut Vec<u8>, mut buffer: Vec<u8>) {
    const MAX_KEPT: usize = 1 << 20;
    if buffer.capacity() <= MAX_KEPT {
        buffer.clear();
        *spare = buffer;
    }
}

thread_local! {
    /// Whether this thread is inside [`catching`].
    static CATCHING: Cell<bool> = const { Cell::new(false) };
    /// The message of the panic [`catching`] caught last on this thread.
    static CAUGHT: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Run `f`, turning a panic into `Err`. Its message is kept for the error
/// report instead of being printed by the panic hook from a worker, where it
/// would come out of input order.
fn catching<T>(f: impl FnOnce() -> T) -> std::thread::Result<T> {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let default = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if CATCHING.with(Cell::get) {
                let message = info.to_string().replace('\n', " ");
                CAUGHT.with(|c| *c.borrow_mut() = Some(message));
            } else {
                default(info);
            }
        }));
    });
    CATCHING.with(|c| c.set(true));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    CATCHING.with(|c| c.set(false));
    result
}

/// One line of a `--stdin-jsonl` stream.
#[derive(Deserialize)]
struct LineIn {
    id: Box<serde_json::value::RawValue>,
    text: String,
}

/// An input, read.
struct Input {
    decoded: Decoded,
    /// What its records carry in `file`.
    name: String,
    /// What messages about it call it.
    label: String,
    /// For a line of a stream, its `id` as JSON text.
    id: Option<String>,
    /// A line of a stream whose bad bytes `--lossy` replaced.
    repaired: bool,
}

/// Read an input, or say in a message why it cannot be read. A file is
/// read into `spare`'s buffer (taken, empty).
fn read(source: Source, lossy: bool, spare: &mut Vec<u8>) -> Result<Input, String> {
    match source {
        Source::File(path) => {
            let name = path.to_string_lossy().into_owned();
            let mut buf = std::mem::take(spare);
            let bytes = if path.as_os_str() == "-" {
                io::stdin().read_to_end(&mut buf).map(drop)
            } else {
                // An article is read to its end without asking its size
                // (`File::read_to_end` does, with a statx and an lseek:
                // two of the six system calls per article), into the
                // buffer kept from the inputs before. A file longer than
                // the first read is then read by `File::read_to_end`,
                // which makes room for exactly the rest: a dump is held
                // once, not in a buffer doubled past its size.
                buf.reserve(FIRST_READ);
                fs::File::open(&path).and_then(|mut file| {
                    let first = (&mut file).take(FIRST_READ as u64).read_to_end(&mut buf)?;
                    if first == FIRST_READ {
                        file.read_to_end(&mut buf)?;
                    }
                    Ok(())
                })
            }
            .map(|_| buf);
            let bytes = bytes.map_err(|source| {
                format!(
                    "hs-quotes: {}",
                    Error::Read {
                        path: path.clone(),
                        source
                    }
                )
            })?;
            let decoded = input::decode(bytes, lossy)
                .map_err(|source| format!("hs-quotes: {}", Error::Decode { path, source }))?;
            Ok(Input {
                decoded,
                label: name.clone(),
                name,
                id: None,
                repaired: false,
            })
        }
        Source::Broken(message) => Err(message),
        Source::Line { number, bytes } => {
            let at = format!("hs-quotes: standard input, line {number}");
            // Bad UTF-8 in a line: refused, or with --lossy repaired like a
            // file's (offsets then count the repaired text).
            let (line, repaired) = match String::from_utf8(bytes) {
                Ok(line) => (line, false),
                Err(e) if !lossy => {
                    let offset = e.utf8_error().valid_up_to();
                    return Err(format!(
                        "{at}: invalid UTF-8 at byte {offset} of the line \
                         (convert the stream to UTF-8, or pass --lossy)"
                    ));
                }
                Err(e) => (String::from_utf8_lossy(e.as_bytes()).into_owned(), true),
            };
            let line: LineIn = serde_json::from_str(&line).map_err(|e| {
                format!(
                    "{at}: not a JSON object with \"id\" and \"text\" ({e}); \
                     expected e.g. {{\"id\": \"a1\", \"text\": \"...\"}}"
                )
            })?;
            let id = line.id.get();
            if !(id.starts_with('"')
                || id.starts_with(['-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']))
            {
                return Err(format!(
                    "{at}: \"id\" must be a string or a number, not {id}"
                ));
            }
            let decoded = input::decode(line.text.into_bytes(), false)
                .map_err(|e| format!("{at}: \"text\" {e}"))?;
            Ok(Input {
                decoded,
                name: "-".to_string(),
                label: format!("standard input, line {number}"),
                id: Some(id.to_string()),
                repaired,
            })
        }
    }
}

/// Records written as they come: JSON Lines, or one JSON array whose
/// elements are written one by one (the same bytes as printing the whole
/// array at once).
pub struct Sink<W: Write> {
    out: W,
    jsonl: bool,
    written: usize,
    /// Output not yet written to `out`: records are printed straight into
    /// it (a BufWriter cost a copy of every record from a buffer it was
    /// printed into), and it goes out once it holds [`Sink::CHUNK`].
    buf: Vec<u8>,
}

/// What is held goes out when the sink does, as a BufWriter's would (the
/// run writes it all before then, unless the output failed).
impl<W: Write> Drop for Sink<W> {
    fn drop(&mut self) {
        let _ = self.write_held();
    }
}

/// Print one record as the output has it: a line of JSON, or an element
/// of the array with its separator (`[` before the first, `,` before the
/// others).
fn print(jsonl: bool, first: bool, r: &Record, buf: &mut Vec<u8>) -> io::Result<()> {
    if jsonl {
        // Control characters in strings are escaped, so a record never
        // holds a raw newline or tab: one per line.
        json::write(buf, false, r)?;
        buf.push(b'\n');
    } else {
        buf.extend_from_slice(if first { b"[\n  " } else { b",\n  " });
        // Printed one level in, as inside the array, whose `[` is
        // written above: each line of the element comes out indented,
        // with no pass over the text to indent it.
        json::write(buf, true, r)?;
    }
    Ok(())
}

impl<W: Write> Sink<W> {
    /// Bytes held before they are written out.
    const CHUNK: usize = 1 << 16;

    pub fn new(out: W, jsonl: bool) -> Self {
        Sink {
            out,
            jsonl,
            written: 0,
            buf: Vec::with_capacity(Self::CHUNK + 4096),
        }
    }

    pub fn write(&mut self, records: &[Record]) -> io::Result<()> {
        for r in records {
            let start = self.buf.len();
            // A record that cannot be printed leaves nothing of itself.
            if let Err(e) = print(self.jsonl, self.written == 0, r, &mut self.buf) {
                self.buf.truncate(start);
                return Err(e);
            }
            self.written += 1;
            self.spill()?;
        }
        Ok(())
    }

    /// Write records printed ahead (as after a first record).
    fn write_printed(&mut self, printed: &Printed) -> io::Result<()> {
        let mut bytes = printed.bytes.as_slice();
        if !self.jsonl && self.written == 0 && printed.count > 0 {
            // The first record opens the array: `[` where the others
            // have `,` (the two separators differ in that byte only).
            self.buf.push(b'[');
            bytes = &bytes[1..];
        }
        self.written += printed.count;
        if bytes.len() >= Self::CHUNK {
            // A segment's worth of records goes out as it is, not
            // through the buffer (which would keep its size).
            self.write_held()?;
            return self.out.write_all(bytes);
        }
        self.buf.extend_from_slice(bytes);
        self.spill()
    }

    /// Write what is held out once it is a chunk.
    fn spill(&mut self) -> io::Result<()> {
        if self.buf.len() >= Self::CHUNK {
            self.write_held()?;
        }
        Ok(())
    }

    /// Write everything held to `out`. Emptied even when the write
    /// fails: the run ends then, and nothing is written again.
    fn write_held(&mut self) -> io::Result<()> {
        let result = self.out.write_all(&self.buf);
        self.buf.clear();
        // A record of megabytes (one long quotation) grew the buffer:
        // let it go, as for the input buffer.
        if self.buf.capacity() > 4 * Self::CHUNK {
            self.buf.shrink_to(Self::CHUNK + 4096);
        }
        result
    }

    pub fn flush(&mut self) -> io::Result<()> {
        self.write_held()?;
        self.out.flush()
    }

    /// Close the array (if any) and flush.
    pub fn finish(&mut self) -> io::Result<()> {
        if !self.jsonl {
            self.buf
                .extend_from_slice(if self.written == 0 { b"[]\n" } else { b"\n]\n" });
        }
        self.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sink_writes_the_array_and_lines_whole_across_chunks() {
        // Enough records to pass the sink's chunk several times, written
        // one batch at a time, then printed ahead in batches below and
        // above a chunk, as workers hand them over.
        let text = "“Yes,” Ola Pim said. “No,” Tia said.\n".repeat(300);
        let records = crate::extract(&text).records("a.txt");
        assert_eq!(records.len(), 600);
        let (first, rest) = records.split_at(250);
        let (small, large) = rest.split_at(10);
        for jsonl in [false, true] {
            let mut out = Vec::new();
            let mut sink = Sink::new(&mut out, jsonl);
            sink.write(&first[..1]).unwrap();
            sink.write(&first[1..]).unwrap();
            sink.write_printed(&Printed::new(jsonl, small).unwrap())
                .unwrap();
            let printed = Printed::new(jsonl, large).unwrap();
            assert!(printed.bytes.len() > Sink::<Vec<u8>>::CHUNK);
            sink.write_printed(&printed).unwrap();
            sink.finish().unwrap();
            drop(sink);
            let want = if jsonl {
                records
                    .iter()
                    .map(|r| serde_json::to_string(r).unwrap() + "\n")
                    .collect::<String>()
            } else {
                serde_json::to_string_pretty(&records).unwrap() + "\n"
            };
            assert_eq!(String::from_utf8(out).unwrap(), want, "jsonl: {jsonl}");
        }
        // Printed ahead first: the array is opened by the sink.
        let mut out = Vec::new();
        let mut sink = Sink::new(&mut out, false);
        sink.write_printed(&Printed::new(false, first).unwrap())
            .unwrap();
        sink.write(rest).unwrap();
        sink.finish().unwrap();
        drop(sink);
        let want = serde_json::to_string_pretty(&records).unwrap() + "\n";
        assert_eq!(String::from_utf8(out).unwrap(), want);
    }

    #[test]
    fn files_are_read_whole_into_a_kept_buffer_of_any_size() {
        let dir = std::env::temp_dir().join(format!("hs-quotes-batch-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let mut spare = Vec::new();
        // Empty, small, past the first read, far past the kept buffer,
        // then small again into the buffer the large one left.
        for (i, len) in [
            0,
            5,
            FIRST_READ - 1,
            FIRST_READ,
            FIRST_READ + 1,
            3 * FIRST_READ + 17,
            7,
        ]
        .into_iter()
        .enumerate()
        {
            // `len` bytes, whole chars: the curly marks are three bytes.
            let mut text: String = "Ola said “hi”. ".chars().cycle().take(len).collect();
            while text.len() > len {
                text.pop();
            }
            text.extend(std::iter::repeat_n('.', len - text.len()));
            let path = dir.join(format!("{i}.txt"));
            fs::write(&path, &text).unwrap();
            let input = read(Source::File(path), false, &mut spare).expect("readable");
            assert_eq!(input.decoded.text, text, "{len} bytes");
            keep_buffer(&mut spare, input.decoded.text.into_bytes());
        }
        fs::remove_dir_all(&dir).unwrap();
    }
}
