//! Errors a user can meet, each saying what went wrong, where, and what to do.

use std::fmt;
use std::path::PathBuf;

use crate::input::DecodeError;

/// Why an input could not be processed. The run goes on with the other inputs.
#[derive(Debug)]
pub enum Error {
    /// The file could not be opened or read (missing, a directory, no
    /// permission). Check the path and its permissions.
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The file's bytes are not UTF-8 text (binary, UTF-16, or a bad byte);
    /// the message says which and how to convert it.
    Decode { path: PathBuf, source: DecodeError },
    /// Extraction failed on this file because of a bug in hs-quotes; the
    /// other files were processed. Please report it with the file.
    Internal { path: PathBuf },
    /// The output could not be written.
    Write {
        path: Option<PathBuf>,
        source: std::io::Error,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Read { path, source } => {
                let why = match source.kind() {
                    std::io::ErrorKind::NotFound => "no such file".to_string(),
                    std::io::ErrorKind::PermissionDenied => {
                        "permission denied (check the file's read permission)".to_string()
                    }
                    std::io::ErrorKind::IsADirectory => {
                        "is a directory (pass the files inside it, e.g. DIR/*.txt)".to_string()
                    }
                    _ => source.to_string(),
                };
                write!(f, "{}: cannot read: {why}", path.display())
            }
            Error::Decode { path, source } => write!(f, "{}: {source}", path.display()),
            Error::Internal { path } => write!(
                f,
                "{}: internal error while extracting (a bug in hs-quotes; please report it with this file)",
                path.display()
            ),
            Error::Write {
                path: Some(path),
                source,
            } => {
                write!(f, "{}: cannot write output: {source}", path.display())
            }
            Error::Write { path: None, source } => write!(f, "cannot write output: {source}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Read { source, .. } | Error::Write { source, .. } => Some(source),
            Error::Decode { source, .. } => Some(source),
            _ => None,
        }
    }
}
