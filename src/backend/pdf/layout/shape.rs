//! Shaping: styled paragraph text to clusters with advances, each character drawn by the face
//! the FontSet picks for it (the role's face first, then fallback). rustybuzz does the
//! shaping so Latin kerning and ligatures are right; CJK text maps one glyph per character.

use std::collections::HashMap;
use std::ops::Range;

use crate::fonts::{FaceData, FaceId, FaceRequest, FontSet};

use super::cluster::{Cluster, Kind};

/// A stretch of paragraph text with one style.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub range: Range<usize>,
    pub request: FaceRequest,
    pub size: f32,
    /// Chinese emphasis: dots under the characters (着重号) rather than italics.
    pub emphasis: bool,
    /// Struck-through text (a correction shown as such): a line through the characters.
    pub strike: bool,
    pub link: Option<String>,
    /// On a character grid, CJK characters advance by the grid pitch, not the font size.
    pub cjk_pitch: Option<f32>,
}

/// Text to set: the characters and their styles, spans covering the text in order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Styled {
    pub text: String,
    pub spans: Vec<Span>,
    /// A list marker's box: the text up to this byte is padded to this many pt, so every
    /// item's text starts at one x.
    pub pad_to: Option<(usize, f32)>,
}

impl Styled {
    pub fn push(&mut self, text: &str, mut span: Span) {
        if text.is_empty() {
            return;
        }
        let start = self.text.len();
        self.text.push_str(text);
        span.range = start..self.text.len();
        self.spans.push(span);
    }
}

/// A glyph as drawn: its face, id and position relative to its cluster's box.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    pub face: FaceId,
    pub id: u16,
    pub size: f32,
    /// Advance, offsets in pt.
    pub advance: f32,
    pub dx: f32,
    pub dy: f32,
}

/// A shaped paragraph.
#[derive(Debug, Clone, Default)]
pub struct Shaped {
    pub clusters: Vec<Cluster>,
    /// Glyphs of cluster `i`: `glyphs[glyph_ranges[i].clone()]`.
    pub glyphs: Vec<Glyph>,
    pub glyph_ranges: Vec<Range<usize>>,
    /// The span each cluster belongs to.
    pub span_of: Vec<usize>,
}

/// rustybuzz faces for the faces a document uses, parsed once per document.
pub struct Shaper<'a> {
    fonts: &'a FontSet,
    faces: HashMap<FaceId, rustybuzz::Face<'a>>,
}

impl<'a> Shaper<'a> {
    pub fn new(fonts: &'a FontSet, data: &'a [(FaceId, FaceData)]) -> Self {
        let faces = data
            .iter()
            .filter_map(|(id, d)| Some((*id, rustybuzz::Face::from_slice(d.bytes(), d.index())?)))
            .collect();
        Shaper { fonts, faces }
    }

    /// The face that draws `ch` for `request`; `None` when no face has it (reported by the
    /// coverage warning; the character is then drawn as the request's `.notdef`).
    pub fn face_for(&self, ch: char, request: &FaceRequest) -> Option<FaceId> {
        self.fonts
            .face_for(ch, request)
            .or_else(|| self.fonts.resolve(request))
            .filter(|id| self.faces.contains_key(id))
    }

    pub fn shape(&self, styled: &Styled) -> Shaped {
        let mut out = Shaped::default();
        for (s, span) in styled.spans.iter().enumerate() {
            let text = &styled.text[span.range.clone()];
            // Runs of one face inside the span.
            let mut run_start = 0;
            let mut run_face = None;
            for (i, ch) in text.char_indices() {
                // A character no face has stays in the run it stands in (as `.notdef`, with its
                // text), so it joins its neighbours' text span in the PDF.
                let face = match self.fonts.face_for(ch, &span.request) {
                    Some(f) if self.faces.contains_key(&f) => Some(f),
                    _ => run_face.or_else(|| self.face_for(ch, &span.request)),
                };
                if i > 0 && face != run_face {
                    self.shape_run(styled, span, s, run_start..i, run_face, &mut out);
                    run_start = i;
                }
                run_face = face;
            }
            self.shape_run(styled, span, s, run_start..text.len(), run_face, &mut out);
        }
        out
    }

    fn shape_run(
        &self,
        styled: &Styled,
        span: &Span,
        span_index: usize,
        local: Range<usize>,
        face: Option<FaceId>,
        out: &mut Shaped,
    ) {
        if local.is_empty() {
            return;
        }
        let base = span.range.start + local.start;
        let text = &styled.text[base..span.range.start + local.end];
        let Some((face_id, face)) = face.and_then(|f| Some((f, self.faces.get(&f)?))) else {
            // No face at all: keep the characters as empty boxes of one em so nothing shifts.
            for (i, ch) in text.char_indices() {
                out.clusters.push(Cluster {
                    text: base + i..base + i + ch.len_utf8(),
                    kind: Kind::of(ch),
                    advance: span.size,
                    em: span.size,
                    fixed: false,
                });
                out.glyph_ranges.push(out.glyphs.len()..out.glyphs.len());
                out.span_of.push(span_index);
            }
            return;
        };
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        // Lines are laid out left to right with clusters in text order; a right-to-left run
        // (an Arabic or Hebrew name in a byline) would come back with its clusters reversed.
        // It is set in logical order instead: no bidi reordering in a Chinese page.
        buffer.set_direction(rustybuzz::Direction::LeftToRight);
        let shaped = rustybuzz::shape(face, &[], buffer);
        let scale = span.size / face.units_per_em() as f32;
        let infos = shaped.glyph_infos();
        let positions = shaped.glyph_positions();
        let mut g = 0;
        while g < infos.len() {
            let cluster = infos[g].cluster as usize;
            let mut h = g;
            while h < infos.len() && infos[h].cluster as usize == cluster {
                h += 1;
            }
            let end = infos
                .get(h)
                .map(|i| i.cluster as usize)
                .unwrap_or(text.len());
            let start_glyph = out.glyphs.len();
            let mut advance = 0.0;
            for k in g..h {
                let p = &positions[k];
                out.glyphs.push(Glyph {
                    face: face_id,
                    id: infos[k].glyph_id as u16,
                    size: span.size,
                    advance: p.x_advance as f32 * scale,
                    dx: p.x_offset as f32 * scale,
                    dy: p.y_offset as f32 * scale,
                });
                advance += p.x_advance as f32 * scale;
            }
            let first = text[cluster..end].chars().next().unwrap_or(' ');
            let kind = Kind::of(first);
            // A grid sets every CJK character on the grid pitch (gongwen: 28 per line).
            if let Some(pitch) = span.cjk_pitch
                && kind.is_cjk()
                && (advance - span.size).abs() <= span.size * 0.06
            {
                let glyph = &mut out.glyphs[start_glyph];
                glyph.dx += (pitch - advance) / 2.0;
                advance = pitch;
            }
            out.clusters.push(Cluster {
                text: base + cluster..base + end,
                kind,
                advance,
                em: span.cjk_pitch.unwrap_or(span.size),
                fixed: false,
            });
            out.glyph_ranges.push(start_glyph..out.glyphs.len());
            out.span_of.push(span_index);
            g = h;
        }
    }
}

/// UAX #14 break opportunities before each cluster (used between non-CJK clusters).
/// A break opportunity before a cluster, and where it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opportunity {
    None,
    /// UAX #14's: still subject to the kinsoku rules.
    Uax,
    /// Inside a long URL or path ([`url_breaks`]): a break after `/ . _ - ? & = # ~` that the
    /// Chinese solidus rule does not hold back.
    Url,
}

pub fn uax_breaks(text: &str, clusters: &[Cluster]) -> Vec<Opportunity> {
    let mut at = vec![Opportunity::None; text.len() + 1];
    for (i, _) in unicode_linebreak::linebreaks(text) {
        at[i] = Opportunity::Uax;
    }
    url_breaks(text, &mut at);
    clusters.iter().map(|c| at[c.text.start]).collect()
}

/// Tokens at least this long (URLs, paths, long identifiers) may break inside.
const LONG_TOKEN: usize = 24;

/// Break opportunities inside a long Latin token, after `/ . _ - ? & = # ~` as typst and
/// browsers' `<wbr>` after `/` (the EPUB's) allow: UAX #14 gives a URL almost none, so it went
/// whole to the next line, leaving the line before it spread across the measure, or was cut
/// in the middle of a word. Not after the first `//` of a scheme, nor before another mark.
fn url_breaks(text: &str, at: &mut [Opportunity]) {
    let mut start = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let token_char = c.is_ascii_graphic();
        if token_char && start.is_none() {
            start = Some(i);
        }
        let end = chars.peek().is_none_or(|&(_, n)| !n.is_ascii_graphic());
        if let (true, Some(s)) = (token_char && end, start) {
            let token = &text[s..i + c.len_utf8()];
            if token.len() >= LONG_TOKEN {
                let bytes = token.as_bytes();
                for (k, &b) in bytes.iter().enumerate().take(bytes.len() - 1) {
                    let next = bytes[k + 1];
                    let mark = matches!(
                        b,
                        b'/' | b'.' | b'_' | b'-' | b'?' | b'&' | b'=' | b'#' | b'~'
                    );
                    let next_mark = matches!(
                        next,
                        b'/' | b'.' | b'_' | b'-' | b'?' | b'&' | b'=' | b'#' | b'~' | b':'
                    );
                    let scheme = k >= 2 && &bytes[k - 2..=k] == b"://";
                    if mark && !next_mark && !scheme && next.is_ascii_alphanumeric() {
                        at[s + k + 1] = Opportunity::Url;
                    }
                }
            }
            start = None;
        }
        if !token_char {
            start = None;
        }
    }
}
