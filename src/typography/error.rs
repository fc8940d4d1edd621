//! Template errors: one line each, naming the file, the line and the key, because an editor fixing
//! a template needs to know exactly where to look.

use std::fmt;

/// Why a template could not be loaded.
#[derive(Debug)]
pub enum TemplateError {
    /// Not a built-in name and no such file.
    NotFound { name: String },
    /// The file exists but could not be read.
    Io {
        path: String,
        source: std::io::Error,
    },
    /// The file was read but is not a valid template.
    Invalid {
        /// The file name (or other origin) as the user gave it.
        origin: String,
        /// 1-based line in the user's file, when the problem can be placed.
        line: Option<usize>,
        /// Dotted key path, e.g. `page.margins.top`.
        key: Option<String>,
        message: String,
    },
}

impl TemplateError {
    /// The 1-based line of an invalid template, if known.
    pub fn line(&self) -> Option<usize> {
        match self {
            TemplateError::Invalid { line, .. } => *line,
            _ => None,
        }
    }

    /// The dotted key path of an invalid template, if known.
    pub fn key(&self) -> Option<&str> {
        match self {
            TemplateError::Invalid { key, .. } => key.as_deref(),
            _ => None,
        }
    }
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TemplateError::NotFound { name } => write!(
                f,
                "no built-in template {name:?} and no such file (built-ins: {})",
                super::builtin::NAMES.join(", ")
            ),
            TemplateError::Io { path, source } => {
                write!(f, "{path}: cannot read template: {source}")
            }
            TemplateError::Invalid {
                origin,
                line,
                key,
                message,
            } => {
                write!(f, "{}", visible(origin))?;
                if let Some(line) = line {
                    write!(f, ":{line}")?;
                }
                if let Some(key) = key {
                    write!(f, ": {}", visible(key))?;
                }
                // Parser messages may span lines; the contract is one line per error.
                let message = message.trim().replace('\n', "; ");
                write!(f, ": {}", visible(&message))
            }
        }
    }
}

/// `s` with control characters written as `\u{1b}`: keys and parser messages quote the user's
/// file, and an escape sequence in it must not reach the terminal, nor a line break split the
/// one-line error.
fn visible(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(char::is_control) {
        return s.into();
    }
    s.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect::<String>()
        .into()
}

impl std::error::Error for TemplateError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            TemplateError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
