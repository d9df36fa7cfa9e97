//! Errors of conversion.

use std::path::PathBuf;

/// What can go wrong in a conversion. Messages are one line, without the input's name; the CLI
/// puts that in front.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Reading or writing a file failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
    /// The input is not valid for the format it is read as.
    #[error("invalid {format}: {message}")]
    Parse {
        /// The format's name (`Markdown`, `JSON`).
        format: &'static str,
        /// What is wrong, in one line.
        message: String,
    },
    /// No reader or writer has this name.
    #[error("unknown {kind} format '{name}' (known: {known})")]
    UnknownFormat {
        /// `input` or `output`.
        kind: &'static str,
        /// The name asked for.
        name: String,
        /// The names there are, comma-separated.
        known: String,
    },
    /// Strict mode (`--strict`) and the conversion gave warnings: nothing is written.
    #[error("{} warning(s) in strict mode, the first: {}", .warnings.len(), .warnings.first().map_or("", String::as_str))]
    Strict {
        /// The warnings, in the order they were given.
        warnings: Vec<String>,
    },
    /// The article cannot be written in this format.
    #[error("cannot write {format}: {message}")]
    Write {
        /// The format's name.
        format: &'static str,
        /// Why, in one line.
        message: String,
    },
    /// A web page could not be fetched.
    #[error("{0}")]
    Fetch(#[from] crate::fetch::FetchError),
    /// Anything else, in one line.
    #[error("{0}")]
    Other(String),
}

impl Error {
    /// A [`Error::Parse`] of a format.
    pub fn parse(format: &'static str, message: impl std::fmt::Display) -> Error {
        Error::Parse {
            format,
            message: message.to_string(),
        }
    }

    /// A [`Error::Write`] of a format.
    pub fn write(format: &'static str, message: impl std::fmt::Display) -> Error {
        Error::Write {
            format,
            message: message.to_string(),
        }
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Error {
        Error::Other(e.to_string())
    }
}

/// The result of folio's functions.
pub type Result<T, E = Error> = std::result::Result<T, E>;
