//! Fonts: which face draws each character, the faces' bytes for the backends, and standalone
//! subsets for EPUB/DOCX.
//!
//! - [`bundled`]: Noto Serif CJK SC Regular (body, Song) and Noto Sans CJK SC Bold (headlines and
//!   datelines, Hei) subsets with TrueType outlines, compiled in with feature `embedded-fonts`.
//! - [`FontSet`]: bundled + `--font`/`--font-dir` + system faces (fontdb), built once per run;
//!   [`FontSet::face_for`] answers per character, [`FontSet::coverage`] reports what no face has.
//! - [`subset()`]: a TrueType subset that keeps `cmap` and `GSUB`/`GPOS`.
//! - [`report`]: the text of `paiban fonts [FILE]`.

pub mod bundled;
mod collection;
mod coverage;
mod embeddable;
mod error;
mod fontset;
pub mod report;
mod subset;
mod template_face;

pub use collection::MAX_COLLECTION_FACES;
pub use coverage::{CoverageReport, FaceUse, MissingChar, MissingGlyphs};
pub use embeddable::EmbeddableFace;
pub use error::FontError;
pub use fontset::{
    FaceData, FaceId, FaceInfo, FaceOrigin, FaceRequest, FontSet, FontSetBuilder, SharedBytes,
    forces_cjk_face,
};
pub use subset::subset;
pub use template_face::{TemplateFace, family_of};
