//! Template lengths in the units DOCX stores: twips (1/20 pt) for spacing, indents and page
//! geometry, half-points for sizes, 1/4096 pt for the document grid's character pitch.

use crate::typography::units::{mm_to_twips, pt_to_half_points, pt_to_twips};
use crate::typography::{Role, Spacing, Template};

pub(super) struct Metrics<'a> {
    pub t: &'a Template,
}

impl Metrics<'_> {
    /// Font size of a role in half-points (`w:sz`).
    pub fn size_half_points(&self, role: Role) -> u32 {
        pt_to_half_points(self.t.role(role).size_pt())
    }

    /// The grid's line pitch in twips (`w:docGrid w:linePitch`), rounded down so that exactly
    /// `grid.lines` lines fit in the text block: GB/T 9704's 225 mm / 22 gives 579, not 580
    /// (22 × 580 twips would be 0.2 pt taller than the block, and Word would set 21 lines).
    pub fn grid_line_twips(&self) -> Option<i64> {
        let g = self.t.grid?;
        Some(floor(self.t.text_height_pt() * 20.0 / f64::from(g.lines)))
    }

    /// The grid's character pitch as `w:docGrid w:charSpace`: ECMA-376 Part 1 §17.6.5 gives it as
    /// the difference between the wanted pitch and the size of the Normal style's font, in
    /// 1/4096 pt (LibreOffice's importer reads it so too: it adds `charSpace / 4096` pt to the
    /// Normal style's East Asian size). The pitch is the column width / `grid.chars`; rounding
    /// down keeps all `chars` characters on the line. GB/T 9704: 156 mm / 28 = 15.793 pt
    /// against 16 pt type gives −848.
    ///
    /// paiban writes it with a *line* grid (`w:type="lines"`), where Word keeps it for its Page
    /// Setup dialog but does not apply it: LibreOffice (7.4) gives every 16 pt character two
    /// cells of a 15.79 pt character grid (14 characters a line, 24 pages for the sample instead
    /// of 14). The characters per line come from [`Metrics::grid_char_spacing`] instead, which
    /// both Word and LibreOffice honour.
    pub fn grid_char_space(&self) -> Option<i64> {
        let g = self.t.grid?;
        let pitch = self.t.page.column_width_pt() / f64::from(g.chars);
        let size = self.t.role(Role::Body).size_pt();
        Some(floor((pitch - size) * 4096.0))
    }

    /// Character spacing (`w:rPr/w:spacing`, twips after each character) that puts exactly
    /// `grid.chars` characters of a body-text role on a line: the grid pitch minus the role's
    /// size, rounded down (GB/T 9704: −5, so 28 × 15.75 pt = 441 pt fit the 442.2 pt line and
    /// 29 do not). `None` without a grid or for roles off the grid.
    pub fn grid_char_spacing(&self, role: Role) -> Option<i64> {
        let g = self.t.grid?;
        if !role.is_body_text() {
            return None;
        }
        let pitch = self.t.page.column_width_pt() / f64::from(g.chars);
        Some(floor((pitch - self.t.role(role).size_pt()) * 20.0))
    }

    /// Body line pitch in twips: the grid's when there is one (so body text, spacing in "lines"
    /// and the grid agree to the twip), otherwise the body role's.
    pub fn body_line_twips(&self) -> i64 {
        self.grid_line_twips()
            .unwrap_or_else(|| pt_to_twips(self.t.body_line_pitch_pt()))
    }

    /// Exact line pitch of a role in twips; body text sits on the grid when there is one.
    pub fn line_twips(&self, role: Role) -> i64 {
        if role.is_body_text() && self.t.grid.is_some() {
            self.body_line_twips()
        } else {
            pt_to_twips(self.t.line_pitch_pt(role))
        }
    }

    /// A paragraph space in twips; "lines" are body lines.
    pub fn space_twips(&self, s: Spacing) -> i64 {
        match s {
            Spacing::Points(p) => pt_to_twips(p),
            Spacing::Lines(n) => (n * self.body_line_twips() as f64).round() as i64,
        }
    }

    /// First-line indent of a role: `(w:firstLineChars, w:firstLine)`. Word and LibreOffice ≥ 24
    /// read the character count (hundredths of a character, so it follows the font and the grid);
    /// the twips are the fallback for older readers: em of the role's size, or grid characters
    /// for body text on a grid.
    pub fn first_line(&self, role: Role) -> (i64, i64) {
        let style = self.t.role(role);
        let em = style.first_line_indent.0;
        let chars = (em * 100.0).round() as i64;
        let char_pt = if role.is_body_text() && self.t.grid.is_some() {
            self.t.body_char_pitch_pt()
        } else {
            style.size_pt()
        };
        (chars, pt_to_twips(em * char_pt))
    }

    /// The role's side indent as `(hundredths of a character, twips)`, measured like the first
    /// line's.
    pub fn side_indent(&self, role: Role) -> (i64, i64) {
        let style = self.t.role(role);
        let em = style.side_indent.0;
        let char_pt = if role.is_body_text() && self.t.grid.is_some() {
            self.t.body_char_pitch_pt()
        } else {
            style.size_pt()
        };
        ((em * 100.0).round() as i64, pt_to_twips(em * char_pt))
    }

    /// Width of one character of body text in twips (the grid pitch or the body size).
    pub fn body_char_twips(&self) -> i64 {
        pt_to_twips(self.t.body_char_pitch_pt())
    }

    pub fn mm(&self, mm: f64) -> i64 {
        mm_to_twips(mm)
    }
}

/// Rounds down, forgiving floating-point noise just below an integer.
fn floor(v: f64) -> i64 {
    (v + 1e-6).floor() as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gongwen_grid_fits_22_lines_of_28_characters() {
        let t = Template::builtin("gongwen").unwrap();
        let m = Metrics { t: &t };
        let line = m.grid_line_twips().unwrap();
        assert_eq!(line, 579);
        let height = t.text_height_pt() * 20.0;
        assert!((22 * line) as f64 <= height && (23 * line) as f64 > height);
        let cs = m.grid_char_space().unwrap();
        assert_eq!(cs, -848);
        let pitch = 16.0 + cs as f64 / 4096.0;
        let width = t.page.column_width_pt();
        assert!(28.0 * pitch <= width && 29.0 * pitch > width, "{pitch}");
        let sp = m.grid_char_spacing(Role::Body).unwrap();
        assert_eq!(sp, -5);
        let advance = 16.0 + sp as f64 / 20.0;
        assert!(
            28.0 * advance <= width && 29.0 * advance > width,
            "{advance}"
        );
        assert_eq!(m.grid_char_spacing(Role::Headline), None);
        assert_eq!(m.line_twips(Role::Body), 579);
        assert_eq!(m.line_twips(Role::Byline), 579);
        assert_eq!(m.space_twips(Spacing::Lines(1.0)), 579);
    }

    #[test]
    fn newspaper_has_no_grid_and_exact_pitches() {
        let t = Template::builtin("newspaper").unwrap();
        let m = Metrics { t: &t };
        assert_eq!(m.grid_line_twips(), None);
        assert_eq!(m.grid_char_space(), None);
        assert_eq!(m.grid_char_spacing(Role::Body), None);
        // 10.5 pt × 1.7 = 17.85 pt
        assert_eq!(m.line_twips(Role::Body), 357);
        assert_eq!(m.first_line(Role::Body), (200, 420));
        assert_eq!(m.size_half_points(Role::Body), 21);
    }
}
