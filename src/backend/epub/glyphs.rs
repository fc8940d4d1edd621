//! Text drawn as glyph outlines, for the cover image: an SVG `<text>` would depend on the reading
//! system's fonts (a library view draws covers with no CSS and often no CJK font), while paths
//! show the title exactly as set in the bundled faces everywhere an SVG is shown.
//!
//! Layout is deliberately simple: advance widths from `hmtx`, no shaping or kerning (cover lines
//! are short; Han and the punctuation of titles need none).

use std::fmt::Write as _;

use ttf_parser::{Face, GlyphId, OutlineBuilder};

/// Faces in fallback order: a character is drawn by the first face that has it.
pub(super) struct Outlines<'a> {
    faces: Vec<Face<'a>>,
}

impl<'a> Outlines<'a> {
    /// The faces that parse; the caller falls back to `<text>` when none does.
    pub(super) fn new(faces: &[(&'a [u8], u32)]) -> Self {
        Outlines {
            faces: faces
                .iter()
                .filter_map(|&(data, index)| Face::parse(data, index).ok())
                .collect(),
        }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.faces.is_empty()
    }

    fn glyph(&self, c: char) -> Option<(&Face<'a>, GlyphId)> {
        self.faces
            .iter()
            .find_map(|f| f.glyph_index(c).map(|g| (f, g)))
    }

    /// Advance of `c` in em; half an em for a character no face has (it is left blank).
    fn advance(&self, c: char) -> f64 {
        match self.glyph(c) {
            Some((f, g)) => {
                f64::from(f.glyph_hor_advance(g).unwrap_or(0)) / f64::from(f.units_per_em())
            }
            None => 0.5,
        }
    }

    /// Width of `text` in em.
    pub(super) fn width(&self, text: &str) -> f64 {
        text.chars().map(|c| self.advance(c)).sum()
    }

    /// SVG path data drawing `text` at `size` with its baseline starting at (`x`, `y`).
    pub(super) fn path(&self, text: &str, x: f64, y: f64, size: f64) -> String {
        let mut pen = Pen {
            d: String::new(),
            x,
            y,
            scale: 0.0,
        };
        for c in text.chars() {
            if let Some((face, gid)) = self.glyph(c) {
                pen.scale = size / f64::from(face.units_per_em());
                face.outline_glyph(gid, &mut pen);
            }
            pen.x += self.advance(c) * size;
        }
        pen.d
    }
}

/// Writes outline commands in SVG user units: y grows downwards, one decimal place.
struct Pen {
    d: String,
    x: f64,
    y: f64,
    scale: f64,
}

impl Pen {
    fn point(&mut self, x: f32, y: f32) {
        let px = self.x + f64::from(x) * self.scale;
        let py = self.y - f64::from(y) * self.scale;
        let _ = write!(self.d, "{} {}", num(px), num(py));
    }

    fn command(&mut self, c: char, points: &[(f32, f32)]) {
        self.d.push(c);
        for (i, &(x, y)) in points.iter().enumerate() {
            if i > 0 {
                self.d.push(' ');
            }
            self.point(x, y);
        }
    }
}

impl OutlineBuilder for Pen {
    fn move_to(&mut self, x: f32, y: f32) {
        self.command('M', &[(x, y)]);
    }

    fn line_to(&mut self, x: f32, y: f32) {
        self.command('L', &[(x, y)]);
    }

    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        self.command('Q', &[(x1, y1), (x, y)]);
    }

    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        self.command('C', &[(x1, y1), (x2, y2), (x, y)]);
    }

    fn close(&mut self) {
        self.d.push('Z');
    }
}

/// A coordinate with at most one decimal place.
pub(super) fn num(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r == r.trunc() {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}
