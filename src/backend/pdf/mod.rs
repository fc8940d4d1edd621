//! The PDF backend: the layout engine (`layout/`) sets the model on pages by the template's
//! rules; the writer (`write.rs`) turns the pages into a PDF with krilla.

pub mod layout;
mod write;

use std::path::PathBuf;
use std::str::FromStr;

use crate::Error;
use crate::model::Document;

use super::Context;

/// Archival PDF flavours krilla can validate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PdfStandard {
    /// PDF/A-2b: visual appearance preserved (the usual archive requirement).
    A2b,
    /// PDF/A-3b: like A-2b, allowing attachments.
    A3b,
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

pub fn render(doc: &Document, ctx: &Context) -> Result<Vec<u8>, Error> {
    let layout = layout::layout(doc, ctx.template, ctx.fonts);
    write::write(doc, &layout, ctx.options.pdf_standard).map_err(|message| Error::Render {
        path: PathBuf::from(doc.meta.title.as_deref().unwrap_or("")),
        format: "pdf",
        message,
    })
}
