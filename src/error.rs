//! Errors of conversion.

use std::path::PathBuf;

/// What can go wrong in a conversion. Messages are one line, without the input's name; the CLI
/// puts that in front.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The input is not valid for the format it is read as.
    #[error("invalid {format}: {message}")]
    Parse {
        format: &'static str,
        message: String,
    },
    #[error("unknown {kind} format '{name}' (known: {known})")]
    UnknownFormat {
        kind: &'static str,
        name: String,
        known: String,
    },
    /// Strict mode (`--strict`) and the conversion gave warnings: nothing is written.
    #[error("{} warning(s) in strict mode, the first: {}", .warnings.len(), .warnings.first().map_or("", String::as_str))]
    Strict { warnings: Vec<String> },
    /// The article cannot be written in this format.
    #[error("cannot write {format}: {message}")]
    Write {
        format: &'static str,
        message: String,
    },
    /// A web page could not be fetched.
    #[error("{0}")]
    Fetch(#[from] crate::fetch::FetchError),
    #[error("{0}")]
    Other(String),
}

impl Error {
    pub fn parse(format: &'static str, message: impl std::fmt::Display) -> Error {
        Error::Parse {
            format,
            message: message.to_string(),
        }
    }

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

pub type Result<T, E = Error> = std::result::Result<T, E>;
