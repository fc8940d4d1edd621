//! Backends: one module per output format behind one trait, chosen by [`Format`]. A backend
//! reads the model and the template and never re-parses text.

mod docx;
pub mod epub;
pub mod json;
pub mod package;
pub mod pdf;
mod planned;
mod xml;

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use crate::Error;
use crate::fonts::FontSet;
use crate::model::Document;
use crate::typography::Template;

pub use planned::{Cutter, Planned};

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

/// Everything a backend gets besides the model: one value, built once per run.
pub struct Context<'a> {
    pub template: &'a Template,
    pub fonts: &'a FontSet,
    pub options: &'a RenderOptions,
}

/// Per-run choices that are not typography.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// Leave the bundled fonts out of DOCX (`--no-embed-fonts`).
    pub no_embed_fonts: bool,
    /// Archival PDF (`--pdf-standard a-2b`).
    pub pdf_standard: Option<pdf::PdfStandard>,
}

/// Renders `doc` to the bytes of one output file. To render several formats of one document,
/// prepare it once and use [`render_planned`]: the formats then share the plan and the font
/// subsets.
pub fn render(format: Format, doc: &Document, ctx: &Context) -> Result<Vec<u8>, Error> {
    render_planned(format, &Planned::new(doc, ctx.template), ctx)
}

/// Renders a prepared document to the bytes of one output file.
pub fn render_planned(format: Format, doc: &Planned, ctx: &Context) -> Result<Vec<u8>, Error> {
    match format {
        Format::Json => Ok(json::render(doc.doc)),
        Format::Pdf => pdf::render(doc, ctx),
        Format::Docx => docx::render(doc, ctx),
        Format::Epub => epub::render(doc, ctx),
    }
}
