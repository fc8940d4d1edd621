//! The one mapping from a template's font to a face, which every writer uses: the PDF asks the
//! font set for it, the DOCX names its family in `w:rFonts` and embeds it, the EPUB names it in
//! the stylesheet and embeds it. The bundled set has one Song face (Regular) and one Hei face
//! (Bold): `serif-bold` is the Song face asked for bold (readers embolden it), `sans` is the
//! Hei face, the nearest weight there is.

use super::FaceRequest;
use super::bundled;
use crate::typography::FontRef;

/// The face a template's font names.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TemplateFace {
    /// The bundled Song face.
    Serif,
    /// The bundled bold Hei face.
    SansBold,
    /// A family the machine (PDF) or the reader (DOCX, EPUB) must have.
    Family(String),
}

impl TemplateFace {
    pub fn of(font: &FontRef) -> Self {
        match font {
            FontRef::Serif | FontRef::SerifBold => TemplateFace::Serif,
            FontRef::Sans | FontRef::SansBold => TemplateFace::SansBold,
            FontRef::Family(name) => TemplateFace::Family(name.clone()),
        }
    }

    /// The face a family name stands for, as writers name it ([`TemplateFace::family`]).
    pub fn from_family(family: &str) -> Self {
        match family {
            bundled::SERIF_FAMILY => TemplateFace::Serif,
            bundled::SANS_BOLD_FAMILY => TemplateFace::SansBold,
            other => TemplateFace::Family(other.to_owned()),
        }
    }

    /// The bundled face's short name ([`bundled::SERIF`], [`bundled::SANS_BOLD`]).
    pub fn bundled_name(&self) -> Option<&'static str> {
        match self {
            TemplateFace::Serif => Some(bundled::SERIF),
            TemplateFace::SansBold => Some(bundled::SANS_BOLD),
            TemplateFace::Family(_) => None,
        }
    }

    /// The family name writers put in their files.
    pub fn family(&self) -> &str {
        match self {
            TemplateFace::Serif => bundled::SERIF_FAMILY,
            TemplateFace::SansBold => bundled::SANS_BOLD_FAMILY,
            TemplateFace::Family(name) => name,
        }
    }

    /// What the PDF asks the font set for, `bold` or not (the Hei face is bold only).
    pub fn request(&self, bold: bool) -> FaceRequest {
        let weight = if bold { 700 } else { 400 };
        match self {
            TemplateFace::Serif => FaceRequest::family(bundled::SERIF).with_weight(weight),
            TemplateFace::SansBold => FaceRequest::family(bundled::SANS_BOLD).with_weight(700),
            TemplateFace::Family(name) => FaceRequest::family(name.clone()).with_weight(weight),
        }
    }

    /// The generic family that falls back for what the face lacks (CSS `serif`/`sans-serif`).
    pub fn is_sans(&self) -> bool {
        matches!(self, TemplateFace::SansBold)
    }
}

/// The family `font` names, borrowed from it where it is a family name.
pub fn family_of(font: &FontRef) -> &str {
    match font {
        FontRef::Serif | FontRef::SerifBold => bundled::SERIF_FAMILY,
        FontRef::Sans | FontRef::SansBold => bundled::SANS_BOLD_FAMILY,
        FontRef::Family(name) => name,
    }
}
