//! The faces compiled into the library with the default feature `embedded-fonts`: subsets of
//! Noto Serif CJK SC Regular and Noto Sans CJK SC Bold with TrueType outlines, made by
//! `fonts/build-fonts.sh` (see `fonts/PROVENANCE.md`; SIL OFL 1.1, `fonts/OFL.txt`).
//!
//! Without the feature [`faces`] is empty and rendering needs `--font-dir fonts` (the same files)
//! or system fonts.

/// One bundled face.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BundledFace {
    /// Short stable name for templates and the command line: [`SERIF`] or [`SANS_BOLD`].
    pub name: &'static str,
    /// Family name inside the font (name ID 1); renamed from Noto's so the subset is never
    /// mistaken for the full font.
    pub family: &'static str,
    /// `usWeightClass`.
    pub weight: u16,
    /// File name under `fonts/` in the repository.
    pub file_name: &'static str,
    /// The whole TrueType file (a single face, index 0).
    pub data: &'static [u8],
}

/// Song/Ming serif (宋体) for body text: Noto Serif CJK SC Regular.
pub const SERIF: &str = "serif";
/// Hei (黑体) bold for headlines and datelines: Noto Sans CJK SC Bold.
pub const SANS_BOLD: &str = "sans-bold";

/// Family names of the bundled faces (also present when the feature is off, for `--font-dir`).
pub const SERIF_FAMILY: &str = "Noto Serif SC Paiban";
pub const SANS_BOLD_FAMILY: &str = "Noto Sans SC Paiban";

#[cfg(feature = "embedded-fonts")]
static FACES: [BundledFace; 2] = [
    BundledFace {
        name: SERIF,
        family: SERIF_FAMILY,
        weight: 400,
        file_name: "NotoSerifSC-Regular-subset.ttf",
        data: include_bytes!("../../fonts/NotoSerifSC-Regular-subset.ttf"),
    },
    BundledFace {
        name: SANS_BOLD,
        family: SANS_BOLD_FAMILY,
        weight: 700,
        file_name: "NotoSansSC-Bold-subset.ttf",
        data: include_bytes!("../../fonts/NotoSansSC-Bold-subset.ttf"),
    },
];

#[cfg(not(feature = "embedded-fonts"))]
static FACES: [BundledFace; 0] = [];

/// The bundled faces, body face first; empty without the `embedded-fonts` feature.
pub fn faces() -> &'static [BundledFace] {
    &FACES
}

/// The bundled face with this short name ([`SERIF`], [`SANS_BOLD`]).
pub fn face(name: &str) -> Option<&'static BundledFace> {
    FACES.iter().find(|f| f.name == name)
}
