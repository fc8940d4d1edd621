//! Standalone font subsets for embedding in EPUB and DOCX (the PDF backend's krilla subsets on
//! its own). Built on `fontcull-klippa`: fontations' klippa (a port of HarfBuzz's hb-subset),
//! forked and published on crates.io by the fontcull project (the crates.io name `klippa` is an
//! unrelated geometry crate). Unlike krilla's `subsetter` it keeps `cmap` and the layout tables.

use std::collections::BTreeSet;

use fontcull_klippa::{DEFAULT_LAYOUT_FEATURES, Plan, SubsetFlags, subset_font};
use fontcull_read_fonts::collections::IntSet;
use fontcull_read_fonts::types::{GlyphId, NameId, Tag};
use fontcull_read_fonts::{FontRef, TableProvider};

use super::FontError;

/// Tables the subsetter would copy unchanged although they index glyphs (HarfBuzz's default drop
/// list, plus the vertical metrics paiban never sets).
const DROP_TABLES: [&[u8; 4]; 22] = [
    b"morx", b"mort", b"kerx", b"kern", b"JSTF", b"DSIG", b"EBDT", b"EBLC", b"EBSC", b"SVG ",
    b"PCLT", b"LTSH", b"feat", b"Glat", b"Gloc", b"Silf", b"Sill", b"MATH", b"vhea", b"vmtx",
    b"VORG", b"hdmx",
];

/// A TrueType font holding exactly `chars` (those the face has) plus `.notdef`, from face
/// `face_index` of `face_bytes`. Keeps `cmap`, `glyf`/`loca`, `head`, `hhea`/`hmtx`, `maxp`,
/// `OS/2`, `post`, all `name` records (copyright and licence included), hinting, and `GSUB`/`GPOS`
/// with HarfBuzz's default features plus `palt` (among them `kern`, `halt`, `chws`).
/// Deterministic: the same input gives the same bytes.
///
/// CFF-outline faces are refused: the subsetter cannot cut CFF yet, and LibreOffice ignores CFF
/// fonts embedded in DOCX anyway.
pub fn subset(
    face_bytes: &[u8],
    face_index: u32,
    chars: &BTreeSet<char>,
) -> Result<Vec<u8>, FontError> {
    let font = FontRef::from_index(face_bytes, face_index).map_err(|e| FontError::Parse {
        what: format!("face {face_index}: {e}"),
    })?;
    if font.glyf().is_err() || font.loca(None).is_err() {
        return Err(FontError::Subset {
            reason:
                "only TrueType-outline (glyf) faces can be subset; this face has CFF or no outlines"
                    .into(),
        });
    }

    let mut unicodes = IntSet::<u32>::empty();
    unicodes.extend_unsorted(chars.iter().map(|&c| c as u32));
    let mut drop_tables = IntSet::<Tag>::empty();
    drop_tables.extend_unsorted(DROP_TABLES.iter().map(|t| Tag::new(t)));
    let mut features = IntSet::<Tag>::empty();
    features.extend_unsorted(DEFAULT_LAYOUT_FEATURES.iter().copied());
    features.insert(Tag::new(b"palt"));

    let plan = Plan::new(
        &IntSet::<GlyphId>::empty(),
        &unicodes,
        &font,
        SubsetFlags::SUBSET_FLAGS_NOTDEF_OUTLINE,
        &drop_tables,
        &IntSet::<Tag>::all(),
        &features,
        &IntSet::<NameId>::all(),
        &IntSet::<u16>::all(),
    );
    subset_font(&font, &plan).map_err(|e| FontError::Subset {
        reason: e.to_string(),
    })
}
