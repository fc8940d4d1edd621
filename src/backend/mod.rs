//! Backends: one module per output format behind one trait, chosen by [`Format`]. A backend
//! reads the model and the template and never re-parses text.

mod json;

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use crate::Error;
use crate::model::Document;

/// The output formats. Adding one means one module here and one arm in [`render`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Pdf,
    Docx,
    Epub,
    /// The model as JSON, as `paiban inspect` prints it.
    Json,
}

impl Format {
    /// What `paiban build` writes when `--to` is not given.
    pub const DEFAULT: [Format; 3] = [Format::Pdf, Format::Docx, Format::Epub];

    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Epub => "epub",
            Format::Json => "json",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.extension())
    }
}

impl FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "pdf" => Ok(Format::Pdf),
            "docx" => Ok(Format::Docx),
            "epub" => Ok(Format::Epub),
            "json" => Ok(Format::Json),
            other => Err(format!(
                "unknown format {other:?} (expected pdf, docx, epub or json)"
            )),
        }
    }
}

/// Renders `doc` to the bytes of one output file.
pub fn render(format: Format, doc: &Document) -> Result<Vec<u8>, Error> {
    match format {
        Format::Json => Ok(json::render(doc)),
        Format::Pdf | Format::Docx | Format::Epub => Err(Error::FormatUnavailable {
            format: format.extension(),
        }),
    }
}
