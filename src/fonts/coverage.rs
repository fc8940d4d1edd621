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
    /// with a stable sort, which is linear on already-sorted runs. Used for faces whose bytes
    /// are not kept (added and system faces) and to count a face's code points; the bundled
    /// faces answer a run's questions through [`CmapLookup`] instead.
    pub(crate) fn from_font(data: &[u8], index: u32) -> Self {
        use fontcull_read_fonts::TableProvider;
        use fontcull_read_fonts::tables::cmap::CmapIterLimits;
        let Ok(font) = fontcull_read_fonts::FontRef::from_index(data, index) else {
            return Self::default();
        };
        let Ok(cmap) = font.cmap() else {
            return Self::default();
        };
        let limits = CmapIterLimits::default_for_font(&font);
        let glyphs = limits.glyph_count;
        let mut cps = Vec::new();
        for record in cmap.encoding_records() {
            if !is_unicode(record) {
                continue;
            }
            let Ok(sub) = record.subtable(cmap.offset_data()) else {
                continue;
            };
            cps.extend(
                sub.iter_with_limits(limits)
                    .filter(|(_, g)| is_real_glyph(g.to_u32(), glyphs))
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

/// The Unicode `cmap` subtables of a face whose bytes live as long as the program (a bundled
/// face), asked one character at a time: a binary search per subtable. The bundled faces map
/// about 30,000 code points each and a document asks for a few hundred, so this replaces
/// [`CmapCoverage::from_font`]'s walk over every mapping (about 0.6 ms per face, on every run).
/// Answers exactly as that walk: Unicode subtables of the formats it iterates, glyph neither
/// `.notdef` nor past the face's glyph count.
pub(crate) struct CmapLookup {
    data: &'static [u8],
    index: u32,
    subtables: Vec<fontcull_read_fonts::tables::cmap::CmapSubtable<'static>>,
    glyph_count: u32,
}

impl CmapLookup {
    /// Unparsable data covers nothing.
    pub(crate) fn new(data: &'static [u8], index: u32) -> Self {
        use fontcull_read_fonts::TableProvider;
        use fontcull_read_fonts::tables::cmap::{CmapIterLimits, CmapSubtable};
        let mut lookup = CmapLookup {
            data,
            index,
            subtables: Vec::new(),
            glyph_count: 0,
        };
        let Ok(font) = fontcull_read_fonts::FontRef::from_index(data, index) else {
            return lookup;
        };
        let Ok(cmap) = font.cmap() else {
            return lookup;
        };
        lookup.glyph_count = CmapIterLimits::default_for_font(&font).glyph_count;
        lookup.subtables = cmap
            .encoding_records()
            .iter()
            .filter(|r| is_unicode(r))
            .filter_map(|r| r.subtable(cmap.offset_data()).ok())
            // The formats `CmapSubtable::iter_with_limits` walks (not 0, 2, 8, 14).
            .filter(|s| {
                matches!(
                    s,
                    CmapSubtable::Format4(_)
                        | CmapSubtable::Format6(_)
                        | CmapSubtable::Format10(_)
                        | CmapSubtable::Format12(_)
                        | CmapSubtable::Format13(_)
                )
            })
            .collect();
        lookup
    }

    pub(crate) fn contains(&self, ch: char) -> bool {
        self.subtables.iter().any(|s| {
            s.map_codepoint(ch)
                .is_some_and(|g| is_real_glyph(g.to_u32(), self.glyph_count))
        })
    }

    /// Number of code points mapped: walks the whole `cmap` (for `paiban fonts`, not per run).
    pub(crate) fn len(&self) -> usize {
        CmapCoverage::from_font(self.data, self.index).len()
    }
}

/// Whether a `cmap` entry names a glyph the face has: not `.notdef`, and below `maxp`'s glyph
/// count. A broken or hostile face whose `cmap` points past its glyphs would otherwise count
/// as covering the character and be drawn as empty boxes with no warning; treated as missing,
/// the character falls back to another face or is reported.
fn is_real_glyph(glyph: u32, glyph_count: u32) -> bool {
    glyph != 0 && glyph < glyph_count
}

/// Whether a `cmap` encoding record is Unicode: the Unicode platform, or Windows Unicode BMP (1)
/// / full repertoire (10), as ttf-parser's `is_unicode` (the variation-sequence subtable maps
/// nothing here).
fn is_unicode(record: &fontcull_read_fonts::tables::cmap::EncodingRecord) -> bool {
    use fontcull_read_fonts::tables::cmap::PlatformId;
    match record.platform_id() {
        PlatformId::Unicode => true,
        PlatformId::Windows => matches!(record.encoding_id(), 1 | 10),
        _ => false,
    }
}

/// What a face maps, read on first use: looked up in place where the face's bytes are static,
/// else read once into ranges (an added or system face's file is not kept in memory).
pub(crate) enum Coverage {
    Lookup(CmapLookup),
    Ranges(CmapCoverage),
}

impl Coverage {
    pub(crate) fn contains(&self, ch: char) -> bool {
        match self {
            Coverage::Lookup(l) => l.contains(ch),
            Coverage::Ranges(r) => r.contains(ch),
        }
    }

    pub(crate) fn len(&self) -> usize {
        match self {
            Coverage::Lookup(l) => l.len(),
            Coverage::Ranges(r) => r.len(),
        }
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

#[cfg(all(test, feature = "embedded-fonts"))]
mod tests {
    use super::*;
    use crate::fonts::bundled;

    /// The per-character lookup the bundled faces use answers exactly as the whole-table walk,
    /// for every Unicode scalar value.
    #[test]
    fn lookup_agrees_with_the_cmap_walk_on_the_bundled_faces() {
        for face in bundled::faces() {
            let lookup = CmapLookup::new(face.data, 0);
            let walk = CmapCoverage::from_font(face.data, 0);
            assert!(walk.len() > 20_000, "{}: {}", face.name, walk.len());
            let mut agreed = 0;
            for ch in (0..=0x10FFFF).filter_map(char::from_u32) {
                assert_eq!(
                    lookup.contains(ch),
                    walk.contains(ch),
                    "{}: {ch:?}",
                    face.name
                );
                agreed += usize::from(lookup.contains(ch));
            }
            assert_eq!(agreed, walk.len(), "{}", face.name);
            assert_eq!(lookup.len(), walk.len());
            assert!(lookup.contains('中') && lookup.contains('A') && !lookup.contains('\u{2020C}'));
        }
    }

    #[test]
    fn unparsable_data_covers_nothing() {
        let lookup = CmapLookup::new(b"not a font", 0);
        assert!(!lookup.contains('中'));
        assert_eq!(lookup.len(), 0);
    }
}
