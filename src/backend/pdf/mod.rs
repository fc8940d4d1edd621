//! The PDF backend: the layout engine (`layout/`) sets the model on pages by the template's
//! rules; the writer (`write.rs`) turns the pages into a PDF with krilla.

pub mod layout;
mod write;

use std::path::PathBuf;
use std::str::FromStr;

use crate::Error;

use super::{Context, Planned};

/// Archival PDF flavours krilla can validate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PdfStandard {
    /// PDF/A-2b: visual appearance preserved (the usual archive requirement).
    A2b,
    /// PDF/A-3b: like A-2b, allowing attachments.
    A3b,
}

impl std::fmt::Display for PdfStandard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            PdfStandard::A2b => "PDF/A-2b",
            PdfStandard::A3b => "PDF/A-3b",
        })
    }
}

impl FromStr for PdfStandard {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "a-2b" | "pdf/a-2b" => Ok(PdfStandard::A2b),
            "a-3b" | "pdf/a-3b" => Ok(PdfStandard::A3b),
            other => Err(format!(
                "unknown PDF standard {other:?} (expected a-2b or a-3b)"
            )),
        }
    }
}

pub fn render(prepared: &Planned, ctx: &Context) -> Result<Vec<u8>, Error> {
    let doc = prepared.doc;
    let fail = |message: String| Error::Render {
        path: PathBuf::new(),
        format: "pdf",
        message,
    };
    // PDF/A requires the document's date in its metadata; the clock is never used (output is
    // reproducible), so a document without one is refused before any layout work.
    if let Some(standard) = ctx.options.pdf_standard
        && doc.meta.date.is_none()
    {
        return Err(fail(format!(
            "{standard} needs the issue's date: give --date YYYY-MM-DD or `date:` in the front \
             matter (a file named like dongchangfu-2022-09.md with a dated dateline supplies it)"
        )));
    }
    let layout = layout::layout_planned(doc, &prepared.plan, ctx.template, ctx.fonts);
    write::write(doc, &prepared.plan, &layout, ctx.options.pdf_standard).map_err(fail)
}
