//! The `hs-quotes` command: flags, then a checked configuration, then a run
//! over the inputs. A bad input is reported and counted; the others go on.

use std::fs;
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use hs_quotes::error::Error;
use hs_quotes::output::Record;

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
            output,
        } => extract(&files, jsonl, output.as_deref()),
    }
}

fn extract(files: &[PathBuf], jsonl: bool, output: Option<&Path>) -> ExitCode {
    let mut records: Vec<Record> = Vec::new();
    let mut failed = 0usize;
    for path in files {
        match read(path) {
            Ok(text) => {
                let name = path.to_string_lossy();
                // A bug on one article must not cost the others their
                // records: it is reported for that file, and the run goes on.
                let result = std::panic::catch_unwind(|| hs_quotes::extract(&text).records(&name));
                match result {
                    Ok(found) => records.extend(found),
                    Err(_) => {
                        eprintln!("hs-quotes: {}", Error::Internal { path: path.clone() });
                        failed += 1;
                    }
                }
            }
            Err(e) => {
                eprintln!("hs-quotes: {e}");
                failed += 1;
            }
        }
    }
    let written = match output {
        Some(path) => write_file(path, &records, jsonl),
        None => {
            let stdout = io::stdout();
            let mut out = BufWriter::new(stdout.lock());
            write_records(&mut out, &records, jsonl).and_then(|()| out.flush())
        }
    };
    match written {
        // `| head`: the reader has all it wants, so no message; but an input
        // that could not be read must still fail the run below.
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
    if failed > 0 {
        eprintln!(
            "hs-quotes: {failed} of {} inputs could not be processed",
            files.len()
        );
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// Read one input as UTF-8 text.
fn read(path: &Path) -> Result<String, Error> {
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
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(Error::Binary {
            path: path.to_path_buf(),
            offset,
        });
    }
    String::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 {
        path: path.to_path_buf(),
        offset: e.utf8_error().valid_up_to(),
    })
}

fn write_records(out: &mut impl Write, records: &[Record], jsonl: bool) -> io::Result<()> {
    if jsonl {
        for r in records {
            serde_json::to_writer(&mut *out, r)?;
            out.write_all(b"\n")?;
        }
    } else {
        serde_json::to_writer_pretty(&mut *out, records)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// Write to a temporary file beside `path`, then rename: never half a file.
fn write_file(path: &Path, records: &[Record], jsonl: bool) -> io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut out = BufWriter::new(fs::File::create(&tmp)?);
        write_records(&mut out, records, jsonl)?;
        out.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}
