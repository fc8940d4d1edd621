//! A face a DOCX or EPUB can carry: the bundled faces always, and a template family the font
//! set holds (an added file or a system font) when its outlines can be subset and its licence
//! allows embedding. The PDF embeds whatever it draws; the other two formats would otherwise
//! only name such a family and leave it to the reader's machine.

use fontcull_read_fonts::{FontRef, TableProvider};

use super::{FaceData, FaceRequest, FontSet, TemplateFace, bundled};

/// A face to subset and embed, with the names the package gives it.
#[derive(Clone)]
pub struct EmbeddableFace {
    pub key: TemplateFace,
    /// The family name inside the font, as `fontTable.xml` and `@font-face` name it.
    pub family: String,
    /// `usWeightClass`.
    pub weight: u16,
    pub data: FaceData,
}

impl FontSet {
    /// The face `key` stands for, ready to embed, or why it cannot be: not in the set, CFF
    /// outlines (the subsetter cuts TrueType only), or an OS/2 `fsType` that restricts
    /// embedding (bit 1) or allows bitmaps only (bit 9).
    pub fn embeddable(&self, key: &TemplateFace) -> Result<EmbeddableFace, String> {
        let request = match key {
            TemplateFace::Serif => FaceRequest::family(bundled::SERIF),
            TemplateFace::SansBold => FaceRequest::family(bundled::SANS_BOLD),
            TemplateFace::Family(name) => FaceRequest::family(name.clone()),
        };
        let id = self
            .resolve(&request)
            .ok_or_else(|| format!("the font {:?} is not installed or added", key.family()))?;
        let info = self.info(id).ok_or("the face vanished from the set")?;
        let data = self.data(id).map_err(|e| e.to_string())?;
        let font = FontRef::from_index(data.bytes(), data.index()).map_err(|e| e.to_string())?;
        if font.glyf().is_err() {
            return Err(format!(
                "{} has CFF outlines, which paiban cannot subset for DOCX and EPUB",
                info.family
            ));
        }
        if let Ok(os2) = font.os2() {
            let fs_type = os2.fs_type();
            if fs_type & 0x0002 != 0 && fs_type & 0x000c == 0 {
                return Err(format!(
                    "{}'s licence forbids embedding it (OS/2 fsType {fs_type:#06x})",
                    info.family
                ));
            }
            if fs_type & 0x0200 != 0 {
                return Err(format!(
                    "{}'s licence allows embedding its bitmaps only (OS/2 fsType {fs_type:#06x})",
                    info.family
                ));
            }
        }
        Ok(EmbeddableFace {
            key: key.clone(),
            family: info.family.clone(),
            weight: info.weight,
            data,
        })
    }
}
