//! The `hs-quotes` command: flags, then a checked configuration, then a run
//! over the inputs. A bad input is reported and counted; the others go on.

use std::fs;
use std::io::{self, Write};
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use hs_quotes::batch::{self, Options, Outcome, Sink, Source};
use hs_quotes::error::Error;

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
        after_help = "Examples:\n  hs-quotes extract inputs/*.txt > quotes.json\n  cat article.txt | hs-quotes extract --jsonl -\n  hs-quotes extract --stdin-jsonl < docs.jsonl > quotes.jsonl"
    )]
    Extract {
        /// Articles to read, as UTF-8 text; `-` reads standard input.
        #[arg(
            value_name = "FILE",
            required_unless_present = "stdin_jsonl",
            conflicts_with = "stdin_jsonl"
        )]
        files: Vec<PathBuf>,
        /// Read documents from standard input, one JSON object per line
        /// (`{"id": "...", "text": "..."}`), and write one JSON record per
        /// line carrying its `id` (for Spark's RDD.pipe and the like).
        #[arg(long)]
        stdin_jsonl: bool,
        /// Inputs processed at once [default: the number of cores]. Output
        /// is the same whatever the number.
        #[arg(short = 'j', long, value_name = "N")]
        jobs: Option<NonZeroUsize>,
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
            stdin_jsonl,
            jobs,
            jsonl,
            lossy,
            output,
        } => {
            if files.iter().filter(|f| f.as_os_str() == "-").count() > 1 {
                let _ = writeln!(
                    io::stderr(),
                    "hs-quotes: `-` (standard input) can be given only once"
                );
                return ExitCode::from(2);
            }
            let jobs = jobs
                .or_else(|| std::thread::available_parallelism().ok())
                .map_or(1, NonZeroUsize::get);
            let options = Options { lossy, jobs };
            let run = |out: &mut (dyn Write + Send), jsonl: bool| {
                let mut sink = Sink::new(out, jsonl);
                let mut outcome = if stdin_jsonl {
                    batch::run(batch::stdin_lines(), options, &mut sink)
                } else {
                    let outcome =
                        batch::run(files.iter().cloned().map(Source::File), options, &mut sink);
                    // All given, also those a closed pipe left unread.
                    Outcome {
                        inputs: files.len(),
                        ..outcome
                    }
                };
                if outcome.written.is_ok() {
                    outcome.written = sink.finish();
                }
                outcome
            };
            // A stream in gives a stream out: one record per line.
            let jsonl = jsonl || stdin_jsonl;
            let outcome = match &output {
                Some(path) => write_file(path, |file| run(file, jsonl)),
                // Not locked: the workers write it, each in turn.
                None => run(&mut io::stdout(), jsonl),
            };
            finish(outcome, output.as_deref())
        }
    }
}

/// The exit status, and the last words on standard error. (Not eprintln!,
/// which panics when standard error is closed.)
fn finish(outcome: Outcome, output: Option<&Path>) -> ExitCode {
    let mut status = ExitCode::SUCCESS;
    match outcome.written {
        // `| head`: the reader has all it wants, so no message; but an input
        // that could not be read before that must still fail the run below.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
        Err(e) => {
            let path = output.map(Path::to_path_buf);
            let _ = writeln!(
                io::stderr(),
                "hs-quotes: {}",
                Error::Write { path, source: e }
            );
            status = ExitCode::FAILURE;
        }
        Ok(()) => {}
    }
    if outcome.failed > 0 {
        let _ = writeln!(
            io::stderr(),
            "hs-quotes: {} of {} inputs could not be processed",
            outcome.failed,
            outcome.inputs
        );
        status = ExitCode::FAILURE;
    }
    status
}

/// Write the output to `path` whole or not at all: to a temporary file
/// beside it, renamed over it when complete. A symbolic link is followed
/// (the file it names is replaced, the link stays), an existing file keeps
/// its permissions, and a target that is not a regular file (a FIFO,
/// `/dev/stdout`) is written directly, since renaming over it would
/// replace it.
fn write_file(path: &Path, fill: impl FnOnce(&mut fs::File) -> Outcome) -> Outcome {
    let refuse = |e: io::Error| Outcome {
        inputs: 0,
        failed: 0,
        written: Err(e),
    };
    let existing = fs::metadata(path).ok();
    if let Some(meta) = &existing {
        if meta.is_dir() {
            // Before any input is read: say so now, not after the whole run.
            return refuse(io::Error::new(
                io::ErrorKind::IsADirectory,
                "is a directory",
            ));
        }
        if !meta.is_file() {
            return match fs::OpenOptions::new().write(true).open(path) {
                Ok(mut file) => fill(&mut file),
                Err(e) => refuse(e),
            };
        }
    }
    let target = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let dir = target
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let mut file = match fs::File::create(&tmp) {
        Ok(file) => file,
        Err(e) => return refuse(e),
    };
    let mut outcome = fill(&mut file);
    outcome.written = outcome
        .written
        .and_then(|()| file.sync_all())
        .and_then(|()| match &existing {
            Some(meta) => fs::set_permissions(&tmp, meta.permissions()),
            None => Ok(()),
        })
        .and_then(|()| fs::rename(&tmp, &target));
    if outcome.written.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    outcome
}
