//! Which face draws each piece of text, which characters each face must hold, and the subsets
//! embedded in the book.
//!
//! Format: TrueType (`.ttf`, media type `font/ttf`), not WOFF2. Every EPUB 3 reading system
//! that honours `@font-face` reads TrueType/OpenType (a core media type since EPUB 3.0, then as
//! `application/vnd.ms-opentype`/`application/font-sfnt`, `font/ttf` in EPUB 3.3), Adobe
//! RMSDK-based readers, older iBooks and Kobo firmware and KOReader included; WOFF2 is missing
//! from several of them and would need a Brotli encoder crate, for a saving the zip's deflate
//! mostly gives already (a subset of a few hundred CJK glyphs deflates to about 65 %). The
//! bundled faces have TrueType outlines, so the subsets stay TrueType.

use std::collections::{BTreeMap, BTreeSet};

use crate::Error;
use crate::backend::Planned;
use crate::backend::package::{Package, Prepared};
use crate::fonts::bundled;
use crate::model::IssueDate;
use rayon::prelude::*;

/// A face the book can embed: one TrueType face standing for a template face.
#[derive(Debug, Clone)]
pub struct Face<'a> {
    /// The template face it stands for: a bundled one, or a family the font set holds.
    pub key: FaceKey,
    /// Family name inside the font, used in `@font-face`.
    pub family: &'a str,
    /// `usWeightClass`, used as the `@font-face` weight.
    pub weight: u16,
    pub data: &'a [u8],
    pub index: u32,
}

/// Cuts a face down to a set of characters (those it has), keeping `cmap` and layout tables.
pub type SubsetFn = fn(&[u8], u32, &BTreeSet<char>) -> Result<Vec<u8>, String>;

/// The faces available for embedding and the subsetter that cuts them.
pub struct Faces<'a> {
    pub faces: Vec<Face<'a>>,
    pub subset: SubsetFn,
}

impl Faces<'static> {
    /// The faces compiled into the library ([`crate::fonts::bundled`]) cut by
    /// [`crate::fonts::subset`]. Without the `embedded-fonts` feature there are none: the book
    /// then names the families with generic fallbacks and embeds nothing.
    pub fn bundled() -> Self {
        Faces {
            faces: bundled::faces()
                .iter()
                .map(|b| Face {
                    key: if b.name == bundled::SERIF {
                        FaceKey::Serif
                    } else {
                        FaceKey::SansBold
                    },
                    family: b.family,
                    weight: b.weight,
                    data: b.data,
                    index: 0,
                })
                .collect(),
            subset: |data, index, chars| {
                crate::fonts::subset(data, index, chars).map_err(|e| e.to_string())
            },
        }
    }
}

impl<'a> Faces<'a> {
    /// The face standing for `key`, if it is available.
    pub(super) fn get(&self, key: &FaceKey) -> Option<&Face<'a>> {
        self.faces.iter().find(|f| &f.key == key)
    }
}

/// The face a template's font names: the mapping every writer shares. The book holds the two
/// bundled faces (bold Song stands on the Song face with `font-weight: bold`, regular Hei on
/// the bold Hei face), or names a family the reading system must have.
pub(super) use crate::fonts::TemplateFace as FaceKey;

/// The CSS generic family that falls back for characters the face lacks (emoji).
pub(super) fn generic(key: &FaceKey) -> &'static str {
    if key.is_sans() { "sans-serif" } else { "serif" }
}

/// The characters each face draws, collected while the pages are written.
#[derive(Debug, Default)]
pub(super) struct Usage(BTreeMap<FaceKey, BTreeSet<char>>);

impl Usage {
    /// Records that `face` draws `text` (line breaks and other controls draw nothing).
    pub(super) fn add(&mut self, face: &FaceKey, text: &str) {
        let set = self.0.entry(face.clone()).or_default();
        set.extend(text.chars().filter(|c| !c.is_control()));
    }

    pub(super) fn chars(&self, face: &FaceKey) -> Option<&BTreeSet<char>> {
        self.0.get(face)
    }
}

/// A subset written into the book.
pub(super) struct Embedded {
    pub family: String,
    pub weight: u16,
    /// Path inside the content folder, `fonts/serif.ttf`.
    pub href: String,
    /// The zip entry, compressed (at `OEBPS/` + `href`).
    pub part: Prepared,
}

impl Embedded {
    /// The manifest id, `font-serif`, `font-family-3`: from the file name.
    pub(super) fn id(&self) -> String {
        let stem = self
            .href
            .trim_start_matches("fonts/")
            .trim_end_matches(".ttf");
        format!("font-{stem}")
    }
}

/// One subset per available face that draws anything, holding the characters the plan says it
/// draws, in a fixed order (Song, Hei, then other families as the template names them) so the
/// package is reproducible. The faces are subset and
/// deflated in parallel: the body face is most of an EPUB's render time.
pub(super) fn embed(
    planned: &Planned,
    faces: &Faces,
    usage: &Usage,
    date: Option<IssueDate>,
) -> Result<Vec<Embedded>, Error> {
    let jobs: Vec<_> = faces
        .faces
        .iter()
        .enumerate()
        .filter_map(|(i, face)| Some((i, face, usage.chars(&face.key)?)))
        .collect();
    jobs.into_par_iter()
        .map(|(i, face, chars)| {
            let key = face.key.clone();
            let font = |e: String| Error::Font {
                message: format!("cannot subset {} for the EPUB: {e}", face.family),
            };
            let cut =
                |data: &[u8], index, chars: &BTreeSet<char>| (faces.subset)(data, index, chars);
            let bytes = planned
                .subset(&key, face.data, face.index, chars, &cut)
                .map_err(font)?;
            let href = match key.bundled_name() {
                Some(name) => format!("fonts/{name}.ttf"),
                None => format!("fonts/family-{}.ttf", i + 1),
            };
            let part = Package::prepare_deflated(date, &format!("OEBPS/{href}"), &bytes)
                .map_err(|e| font(e.to_string()))?;
            Ok(Embedded {
                family: face.family.to_owned(),
                weight: face.weight,
                href,
                part,
            })
        })
        .collect()
}
