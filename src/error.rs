//! The one error type. Every variant names the file it is about, and its message is one line:
//! the CLI prints it as is.

use std::fmt;
use std::path::PathBuf;

#[derive(Debug)]
pub enum Error {
    /// The file could not be read or written.
    Io {
        path: PathBuf,
        action: &'static str,
        source: std::io::Error,
    },
    /// The input has no text at all, or only white space.
    Empty {
        path: PathBuf,
        whitespace_only: bool,
    },
    /// The input looks like a binary file (NUL bytes or control characters).
    Binary { path: PathBuf },
    /// The input is a document of another kind under a text name (a `.docx` renamed `.txt`):
    /// `kind` says what it is, so the message can say how to get text out of it.
    OtherDocument { path: PathBuf, kind: &'static str },
    /// The bytes are neither UTF-8, UTF-16 with BOM nor GB18030/GBK text.
    Undecodable { path: PathBuf, detail: String },
    /// The input is larger than the configured limit. For standard input and devices, which
    /// are read one byte past the limit and no further, `size` is `limit + 1`.
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    /// The input holds more articles or paragraphs than the configured limit (`what` names
    /// which), so it is refused before it costs memory.
    TooMany {
        path: PathBuf,
        what: &'static str,
        limit: usize,
    },
    /// The front matter or a metadata value is wrong.
    Metadata {
        path: PathBuf,
        line: Option<usize>,
        message: String,
    },
    /// A JSON model given as input does not match the model.
    Json { path: PathBuf, message: String },
    /// A template could not be loaded.
    Template { message: String },
    /// A font could not be loaded or subset.
    Font { message: String },
    /// An output path is also an input.
    WouldOverwriteInput { path: PathBuf },
    /// A backend could not produce its output.
    Render {
        path: PathBuf,
        format: &'static str,
        message: String,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io {
                path,
                action,
                source,
            } => write!(f, "{}: cannot {action}: {source}", path.display()),
            Error::Empty {
                path,
                whitespace_only,
            } => {
                if *whitespace_only {
                    write!(f, "{}: the file contains only white space", path.display())
                } else {
                    write!(f, "{}: the file is empty", path.display())
                }
            }
            Error::Binary { path } => write!(
                f,
                "{}: this is not a text file (it contains binary data)",
                path.display()
            ),
            Error::OtherDocument { path, kind } => write!(
                f,
                "{}: this is {kind}, not text; open it in Word or WPS and save it as plain text (.txt), or export Markdown",
                path.display()
            ),
            Error::Undecodable { path, detail } => write!(
                f,
                "{}: not readable as UTF-8, UTF-16 or GB18030/GBK text ({detail})",
                path.display()
            ),
            // Standard input and devices are read one byte past the limit and no further.
            Error::TooLarge { path, size, limit } if *size == limit.saturating_add(1) => write!(
                f,
                "{}: the input is over the limit of {limit} bytes (raise it with --max-input-size)",
                path.display()
            ),
            Error::TooLarge { path, size, limit } => write!(
                f,
                "{}: the file is {size} bytes, over the limit of {limit} bytes (raise it with --max-input-size)",
                path.display()
            ),
            Error::TooMany { path, what, limit } => write!(
                f,
                "{}: more than {limit} {what}, over the limit (split the file)",
                path.display()
            ),
            Error::Metadata {
                path,
                line: Some(line),
                message,
            } => write!(f, "{}:{line}: {message}", path.display()),
            Error::Metadata {
                path,
                line: None,
                message,
            } => write!(f, "{}: {message}", path.display()),
            Error::Json { path, message } => {
                write!(
                    f,
                    "{}: not a paiban document model: {message}",
                    path.display()
                )
            }
            Error::Template { message } | Error::Font { message } => f.write_str(message),
            Error::WouldOverwriteInput { path } => write!(
                f,
                "{}: refusing to write output over an input file",
                path.display()
            ),
            Error::Render {
                path,
                format,
                message,
            } if path.as_os_str().is_empty() => write!(f, "cannot render {format}: {message}"),
            Error::Render {
                path,
                format,
                message,
            } => write!(f, "{}: cannot render {format}: {message}", path.display()),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

impl From<crate::typography::TemplateError> for Error {
    fn from(e: crate::typography::TemplateError) -> Self {
        Error::Template {
            message: e.to_string(),
        }
    }
}

impl From<crate::fonts::FontError> for Error {
    fn from(e: crate::fonts::FontError) -> Self {
        Error::Font {
            message: e.to_string(),
        }
    }
}
