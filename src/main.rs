//! The `hs-quotes` command: flags, then a checked configuration, then a run
//! over the inputs. A bad input is reported and counted; the others go on.

use std::fs;
use std::io::{self, BufWriter, Read, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use hs_quotes::error::Error;
use hs_quotes::input::{self, Decoded};
use hs_quotes::output::Record;
use hs_quotes::segments::Segments;

#[derive(Parser)]
#[command(
    name = "hs-quotes",
    version,
    about = "Find quoted speech in articles and say who said it."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract every quotation of each FILE, with its speaker, as JSON.
    #[command(
        after_help = "Example:\n  hs-quotes extract inputs/*.txt > quotes.json\n  cat article.txt | hs-quotes extract --jsonl -"
    )]
    Extract {
        /// Articles to read, as UTF-8 text; `-` reads standard input.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Write one compact record per line (JSON Lines) instead of a
        /// pretty-printed JSON array.
        #[arg(long)]
        jsonl: bool,
        /// Replace bytes that are not UTF-8 with U+FFFD and go on, instead of
        /// refusing the file. Offsets still refer to the file's bytes; the
        /// records of a repaired file carry `"repaired": true`.
        #[arg(long)]
        lossy: bool,
        /// Write to FILE instead of standard output (written whole, or not at all).
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Extract {
            files,
            jsonl,
            lossy,
            output,
        } => extract(&files, jsonl, lossy, output.as_deref()),
    }
}

fn extract(files: &[PathBuf], jsonl: bool, lossy: bool, output: Option<&Path>) -> ExitCode {
    let run = match output {
        Some(path) => write_file(path, |out| run(files, lossy, Sink::new(out, jsonl))),
        None => {
            let stdout = io::stdout();
            run(files, lossy, Sink::new(stdout.lock(), jsonl))
        }
    };
    match run.written {
        // `| head`: the reader has all it wants, so no message; but an input
        // that could not be read before that must still fail the run below.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
        Err(e) => {
            eprintln!(
                "hs-quotes: {}",
                Error::Write {
                    path: output.map(Path::to_path_buf),
                    source: e
                }
            );
            return ExitCode::FAILURE;
        }
        Ok(()) => {}
    }
    if run.failed > 0 {
        eprintln!(
            "hs-quotes: {} of {} inputs could not be processed",
            run.failed,
            files.len()
        );
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// How a run went: inputs that failed, and whether the output was written.
struct Run {
    failed: usize,
    written: io::Result<()>,
}

/// Process the inputs one at a time, writing records as soon as each segment
/// of a file is done: memory holds one document and the working set of one
/// segment, never the corpus.
fn run<W: Write>(files: &[PathBuf], lossy: bool, mut sink: Sink<W>) -> Run {
    let mut failed = 0usize;
    for path in files {
        let decoded = match read(path, lossy) {
            Ok(decoded) => decoded,
            Err(e) => {
                eprintln!("hs-quotes: {e}");
                failed += 1;
                continue;
            }
        };
        if decoded.repairs.any() {
            eprintln!(
                "hs-quotes: {}: warning: {} bad byte sequence(s) replaced by U+FFFD \
                 (first at byte {}); its records say \"repaired\": true",
                path.display(),
                decoded.repairs.count(),
                decoded.repairs.first().unwrap_or(0)
            );
        }
        let name = path.to_string_lossy();
        let mut segments = Segments::new(&decoded, &name);
        let written = loop {
            // A bug on one article must not cost the others their records:
            // it is reported for that file, and the run goes on.
            let records = match panic::catch_unwind(AssertUnwindSafe(|| segments.next())) {
                Ok(Some(records)) => records,
                Ok(None) => break Ok(()),
                Err(_) => {
                    eprintln!("hs-quotes: {}", Error::Internal { path: path.clone() });
                    failed += 1;
                    break Ok(());
                }
            };
            if let Err(e) = sink.write(&records) {
                break Err(e);
            }
        };
        // A file's records go out when it is done, so a reader downstream
        // (a pipe, a cluster's worker) has them without waiting for the rest.
        if let Err(e) = written.and_then(|()| sink.flush()) {
            // Nowhere to write (a closed pipe, a full disk): the remaining
            // inputs would be read for nothing.
            return Run {
                failed,
                written: Err(e),
            };
        }
    }
    Run {
        failed,
        written: sink.finish(),
    }
}

/// Read one input and decode it as UTF-8 text.
fn read(path: &Path, lossy: bool) -> Result<Decoded, Error> {
    let bytes = if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        io::stdin()
            .read_to_end(&mut buf)
            .map_err(|source| Error::Read {
                path: path.to_path_buf(),
                source,
            })?;
        buf
    } else {
        fs::read(path).map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?
    };
    input::decode(bytes, lossy).map_err(|source| Error::Decode {
        path: path.to_path_buf(),
        source,
    })
}

/// Records written as they come: JSON Lines, or one JSON array whose
/// elements are written one by one (the same bytes as printing the whole
/// array at once).
struct Sink<W: Write> {
    out: BufWriter<W>,
    jsonl: bool,
    written: usize,
    buf: Vec<u8>,
}

impl<W: Write> Sink<W> {
    fn new(out: W, jsonl: bool) -> Self {
        Sink {
            out: BufWriter::new(out),
            jsonl,
            written: 0,
            buf: Vec::new(),
        }
    }

    fn write(&mut self, records: &[Record]) -> io::Result<()> {
        for r in records {
            if self.jsonl {
                serde_json::to_writer(&mut self.out, r)?;
                self.out.write_all(b"\n")?;
            } else {
                self.out.write_all(if self.written == 0 {
                    b"[\n  "
                } else {
                    b",\n  "
                })?;
                self.buf.clear();
                serde_json::to_writer_pretty(&mut self.buf, r)?;
                // Indent the element one level. JSON strings escape their
                // newlines, so every raw newline here is the printer's own.
                for (i, line) in self.buf.split(|&b| b == b'\n').enumerate() {
                    if i > 0 {
                        self.out.write_all(b"\n  ")?;
                    }
                    self.out.write_all(line)?;
                }
            }
            self.written += 1;
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    fn finish(mut self) -> io::Result<()> {
        if !self.jsonl {
            self.out
                .write_all(if self.written == 0 { b"[]\n" } else { b"\n]\n" })?;
        }
        self.out.flush()
    }
}

/// Write to a temporary file beside `path`, then rename: never half a file.
fn write_file(path: &Path, fill: impl FnOnce(&mut fs::File) -> Run) -> Run {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let mut file = match fs::File::create(&tmp) {
        Ok(file) => file,
        Err(e) => {
            return Run {
                failed: 0,
                written: Err(e),
            };
        }
    };
    let mut run = fill(&mut file);
    run.written = run
        .written
        .and_then(|()| file.sync_all())
        .and_then(|()| fs::rename(&tmp, path));
    if run.written.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    run
}
