//! What can go wrong while loading, querying or subsetting fonts.

use std::fmt;
use std::io;
use std::path::PathBuf;

use super::FaceId;

/// A font problem, with a message that names the file or face involved.
#[derive(Debug)]
pub enum FontError {
    /// A `--font` file or a font file found under `--font-dir` could not be read.
    Io { path: PathBuf, source: io::Error },
    /// A `--font` file, or every file under a `--font-dir`, held no face that could be parsed.
    NoFaces { path: PathBuf },
    /// A font collection whose header claims more faces than it can hold or than
    /// [`MAX_COLLECTION_FACES`](super::MAX_COLLECTION_FACES).
    Collection { path: PathBuf, faces: u32 },
    /// `--font-dir` names something that is not a directory.
    NotADirectory { path: PathBuf },
    /// The set would be empty: no bundled faces (feature `embedded-fonts` off or `bundled(false)`),
    /// no added faces and no system faces.
    EmptySet,
    /// A [`FaceId`] that does not belong to this [`FontSet`](super::FontSet).
    UnknownFace(FaceId),
    /// Face data that does not parse as an OpenType/TrueType face at the given index.
    Parse { what: String },
    /// The subsetter refused or failed.
    Subset { reason: String },
}

impl fmt::Display for FontError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FontError::Io { path, source } => {
                write!(f, "cannot read font {}: {source}", path.display())
            }
            FontError::NoFaces { path } => write!(f, "no usable font face in {}", path.display()),
            FontError::Collection { path, faces } => write!(
                f,
                "font collection {} claims {faces} faces, more than it can hold or than {} \
                 (a broken or hostile file)",
                path.display(),
                super::MAX_COLLECTION_FACES
            ),
            FontError::NotADirectory { path } => {
                write!(f, "font directory {} is not a directory", path.display())
            }
            FontError::EmptySet => write!(
                f,
                "no fonts: the bundled fonts are off (feature `embedded-fonts`) and no font was \
                 added; pass --font-dir or --font, or allow system fonts"
            ),
            FontError::UnknownFace(id) => write!(f, "font face {id} is not in this font set"),
            FontError::Parse { what } => write!(f, "cannot parse font face: {what}"),
            FontError::Subset { reason } => write!(f, "cannot subset font: {reason}"),
        }
    }
}

impl std::error::Error for FontError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            FontError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
