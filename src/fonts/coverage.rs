//! Which characters a face maps, and the per-document coverage report with its warning.

use std::collections::HashMap;
use std::fmt;

use super::{FaceId, FaceRequest, FontSet};

/// The code points a face maps to a real glyph (not `.notdef`), as sorted disjoint ranges.
#[derive(Debug, Clone, Default)]
pub(crate) struct CmapCoverage {
    ranges: Vec<(u32, u32)>,
}

impl CmapCoverage {
    /// Reads the Unicode `cmap` subtables of face `index` in `data`; unparsable data covers nothing.
    ///
    /// Walks each subtable's (code point, glyph) pairs once (read-fonts' iterators) rather than
    /// listing its code points and looking each up again, and merges the subtables' sorted runs
    /// with a stable sort, which is linear on already-sorted runs: this runs once per face per
    /// run, but on every run, and took half of a one-file build's start-up.
    pub(crate) fn from_font(data: &[u8], index: u32) -> Self {
        use fontcull_read_fonts::TableProvider;
        use fontcull_read_fonts::tables::cmap::{CmapIterLimits, PlatformId};
        let Ok(font) = fontcull_read_fonts::FontRef::from_index(data, index) else {
            return Self::default();
        };
        let Ok(cmap) = font.cmap() else {
            return Self::default();
        };
        let limits = CmapIterLimits::default_for_font(&font);
        let mut cps = Vec::new();
        for record in cmap.encoding_records() {
            // Unicode platform, or Windows Unicode BMP (1) / full repertoire (10), as
            // ttf-parser's `is_unicode` (the variation-sequence subtable maps nothing here).
            let unicode = match record.platform_id() {
                PlatformId::Unicode => true,
                PlatformId::Windows => matches!(record.encoding_id(), 1 | 10),
                _ => false,
            };
            if !unicode {
                continue;
            }
            let Ok(sub) = record.subtable(cmap.offset_data()) else {
                continue;
            };
            cps.extend(
                sub.iter_with_limits(limits)
                    .filter(|(_, g)| g.to_u32() != 0)
                    .map(|(cp, _)| cp),
            );
        }
        cps.sort();
        cps.dedup();
        let mut ranges: Vec<(u32, u32)> = Vec::new();
        for cp in cps {
            match ranges.last_mut() {
                Some((_, hi)) if *hi + 1 == cp => *hi = cp,
                _ => ranges.push((cp, cp)),
            }
        }
        Self { ranges }
    }

    pub(crate) fn contains(&self, ch: char) -> bool {
        let cp = ch as u32;
        self.ranges
            .binary_search_by(|&(lo, hi)| {
                if hi < cp {
                    std::cmp::Ordering::Less
                } else if lo > cp {
                    std::cmp::Ordering::Greater
                } else {
                    std::cmp::Ordering::Equal
                }
            })
            .is_ok()
    }

    /// Number of code points mapped.
    pub(crate) fn len(&self) -> usize {
        self.ranges
            .iter()
            .map(|&(lo, hi)| (hi - lo + 1) as usize)
            .sum()
    }
}

/// Characters that are not drawn on their own, so never reported missing: controls, zero-width
/// format characters, variation selectors, the byte-order mark.
pub(crate) fn is_drawn(ch: char) -> bool {
    !(ch.is_control()
        || matches!(ch, '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{2064}')
        || matches!(ch, '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{E0100}'..='\u{E01EF}'))
}

/// How one face takes part in drawing a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FaceUse {
    pub face: FaceId,
    pub family: String,
    pub weight: u16,
    /// Bundled short name ([`bundled::SERIF`](super::bundled::SERIF), …), if bundled.
    pub bundled: Option<&'static str>,
    /// Distinct characters of the text this face would draw ([`FontSet::face_for`]).
    pub drawn: usize,
    /// Distinct characters of the text present in this face's `cmap`.
    pub covered: usize,
}

/// A character no face in the set can draw, with where it occurs (first occurrence first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingChar {
    pub ch: char,
    pub locations: Vec<String>,
}

/// Report of [`FontSet::coverage`]: faces that draw the text and characters nobody can draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoverageReport {
    /// Distinct drawn characters in the text (controls and format characters excluded).
    pub distinct: usize,
    /// Bundled faces always, other faces when they draw something; in set order.
    pub faces: Vec<FaceUse>,
    /// In order of first occurrence.
    pub missing: Vec<MissingChar>,
}

impl CoverageReport {
    /// The warning to show once per document, if any character has no glyph.
    pub fn warning(&self) -> Option<MissingGlyphs> {
        (!self.missing.is_empty()).then(|| MissingGlyphs {
            chars: self.missing.clone(),
        })
    }
}

/// Warning value: characters no font can draw. Display lists each as `𠈌 U+2020C (article 1,
/// paragraph 2)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingGlyphs {
    pub chars: Vec<MissingChar>,
}

/// At most this many locations are printed per character (all are kept in the value).
const SHOWN_LOCATIONS: usize = 5;

impl fmt::Display for MissingChar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} U+{:04X}", self.ch, self.ch as u32)?;
        if !self.locations.is_empty() {
            let shown = &self.locations[..self.locations.len().min(SHOWN_LOCATIONS)];
            write!(f, " ({}", shown.join("; "))?;
            if self.locations.len() > shown.len() {
                write!(f, "; and {} more", self.locations.len() - shown.len())?;
            }
            write!(f, ")")?;
        }
        Ok(())
    }
}

impl fmt::Display for MissingGlyphs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.chars.len();
        write!(
            f,
            "no font has a glyph for {n} character{}:",
            if n == 1 { "" } else { "s" }
        )?;
        for c in &self.chars {
            write!(f, "\n  {c}")?;
        }
        Ok(())
    }
}

impl fmt::Display for CoverageReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} distinct characters", self.distinct)?;
        for u in &self.faces {
            let origin = u
                .bundled
                .map(|n| format!(", bundled {n}"))
                .unwrap_or_default();
            writeln!(
                f,
                "  {} {} ({}{origin}): draws {}, has {}",
                u.family, u.weight, u.face, u.drawn, u.covered
            )?;
        }
        match self.warning() {
            Some(w) => write!(f, "{w}"),
            None => write!(f, "every character has a glyph"),
        }
    }
}

/// See [`FontSet::coverage`].
pub(crate) fn report<I, L, T>(set: &FontSet, items: I, request: &FaceRequest) -> CoverageReport
where
    I: IntoIterator<Item = (L, T)>,
    L: AsRef<str>,
    T: AsRef<str>,
{
    // Each distinct character once, in first-occurrence order, with the face that draws it;
    // locations are collected only for the characters nobody draws.
    let mut seen: HashMap<char, Option<usize>> = HashMap::new();
    let mut order: Vec<(char, Option<FaceId>)> = Vec::new();
    let mut missing: Vec<MissingChar> = Vec::new();
    for (location, text) in items {
        let location = location.as_ref();
        for ch in text.as_ref().chars().filter(|&c| is_drawn(c)) {
            let slot = *seen.entry(ch).or_insert_with(|| {
                let face = set.face_for(ch, request);
                order.push((ch, face));
                face.is_none().then(|| {
                    missing.push(MissingChar {
                        ch,
                        locations: Vec::new(),
                    });
                    missing.len() - 1
                })
            });
            if let Some(i) = slot {
                let locs = &mut missing[i].locations;
                if !location.is_empty() && !locs.iter().any(|l| l == location) {
                    locs.push(location.to_owned());
                }
            }
        }
    }

    let mut drawn: HashMap<FaceId, usize> = HashMap::new();
    for face in order.iter().filter_map(|(_, f)| *f) {
        *drawn.entry(face).or_default() += 1;
    }
    // Faces loaded so far: every face that draws something is among them, and listing them does
    // not scan the system fonts when the bundled faces cover the text.
    let faces = set
        .loaded_faces()
        .filter(|(id, info)| info.bundled().is_some() || drawn.contains_key(id))
        .map(|(id, info)| FaceUse {
            face: id,
            family: info.family.clone(),
            weight: info.weight,
            bundled: info.bundled(),
            drawn: drawn.get(&id).copied().unwrap_or(0),
            covered: order.iter().filter(|(ch, _)| set.covers(id, *ch)).count(),
        })
        .collect();
    CoverageReport {
        distinct: order.len(),
        faces,
        missing,
    }
}
