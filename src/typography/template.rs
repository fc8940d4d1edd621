//! The `Template` type: one typography definition for every backend.

use std::fmt;

use serde::de::{self, MapAccess, Visitor, value::MapAccessDeserializer};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::chinese::{ChineseRules, Language};
use super::inline::Inline;
use super::page::{Page, RunningFields, RunningLine};
use super::role::{Role, RoleStyle, Roles, Spacing};
use super::units::{Pt, mm_to_pt};

/// No glyph a running head prints is narrower than this fraction of an em: the narrowest ordinary
/// glyphs (`i`, `l`, `.`, the thin and hair spaces) are 0.1–0.25 em. So no line of a given width
/// holds more than width / (this × size) characters, and field values are cut to that before a
/// running head is expanded.
const MIN_GLYPH_ADVANCE_EM: f64 = 0.1;

/// A character grid (Word's 文档网格, GB/T 9704's 22 × 28): the text block is divided into exactly
/// `lines` lines of `chars` characters per column, and body text snaps to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Grid {
    /// Lines per page.
    pub lines: u32,
    /// Characters per line (of one column).
    pub chars: u32,
}

/// What separates one article from the next in paged output.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Separation {
    /// Space between the end of one article and the start of the next.
    pub space: Spacing,
    /// Thickness of a horizontal rule across the column in that space; 0 for none.
    pub rule: Pt,
    /// Start every article on a new page (books), ignoring `space` and `rule`.
    pub new_page: bool,
}

/// A complete typography definition: page, roles, Chinese rules. All fields are required; user
/// files are partial overlays completed from a built-in before they are deserialised, so code
/// reading a `Template` never deals with missing values.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    pub language: Language,
    /// The character grid, or `None` (written `grid = "none"` so an overlay can switch a base's
    /// grid off).
    #[serde(serialize_with = "ser_grid", deserialize_with = "de_grid")]
    pub grid: Option<Grid>,
    pub page: Page,
    pub chinese: ChineseRules,
    pub separation: Separation,
    /// Emphasis and strong text.
    pub inline: Inline,
    pub roles: Roles,
}

fn ser_grid<S: Serializer>(grid: &Option<Grid>, s: S) -> Result<S::Ok, S::Error> {
    match grid {
        Some(g) => g.serialize(s),
        None => s.serialize_str("none"),
    }
}

fn de_grid<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Grid>, D::Error> {
    struct V;
    impl<'de> Visitor<'de> for V {
        type Value = Option<Grid>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("\"none\" or a table { lines = …, chars = … }")
        }

        fn visit_str<E: de::Error>(self, v: &str) -> Result<Option<Grid>, E> {
            if v == "none" {
                Ok(None)
            } else {
                Err(E::custom(format!(
                    "grid must be \"none\" or a table {{ lines = 22, chars = 28 }}, not {v:?}"
                )))
            }
        }

        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Option<Grid>, A::Error> {
            Grid::deserialize(MapAccessDeserializer::new(map)).map(Some)
        }
    }
    d.deserialize_any(V)
}

impl Template {
    /// The style of one role.
    pub fn role(&self, role: Role) -> &RoleStyle {
        self.roles.get(role)
    }

    /// Horizontal distance between body characters in pt: the grid's pitch (column width / chars)
    /// when there is a grid, otherwise the body size (CJK characters are 1 em wide).
    pub fn body_char_pitch_pt(&self) -> f64 {
        match self.grid {
            Some(g) => self.page.column_width_pt() / g.chars as f64,
            None => self.roles.body.size_pt(),
        }
    }

    /// Body line pitch in pt: text height / lines with a grid, otherwise the body role's pitch.
    pub fn body_line_pitch_pt(&self) -> f64 {
        match self.grid {
            Some(g) => self.page.text_height_pt() / g.lines as f64,
            None => self.roles.body.line_pitch_pt(),
        }
    }

    /// Line pitch of a role in pt; body text (body, dateline, byline) snaps to the grid.
    pub fn line_pitch_pt(&self, role: Role) -> f64 {
        if role.is_body_text() && self.grid.is_some() {
            self.body_line_pitch_pt()
        } else {
            self.role(role).line_pitch_pt()
        }
    }

    /// Space before a role's paragraphs in pt ("lines" are body lines).
    pub fn space_before_pt(&self, role: Role) -> f64 {
        self.role(role)
            .space_before
            .to_pt(self.body_line_pitch_pt())
    }

    /// Space after a role's paragraphs in pt ("lines" are body lines).
    pub fn space_after_pt(&self, role: Role) -> f64 {
        self.role(role).space_after.to_pt(self.body_line_pitch_pt())
    }

    /// Space between articles in pt.
    pub fn separation_pt(&self) -> f64 {
        self.separation.space.to_pt(self.body_line_pitch_pt())
    }

    /// Text block width in pt.
    pub fn text_width_pt(&self) -> f64 {
        self.page.text_width_pt()
    }

    /// Text block height in pt.
    pub fn text_height_pt(&self) -> f64 {
        self.page.text_height_pt()
    }

    /// Gap between Han and Latin text in pt at body size.
    pub fn han_latin_gap_pt(&self) -> f64 {
        self.chinese.han_latin_gap.at(self.roles.body.size_pt())
    }

    /// The footer's top edge, in pt from the top of the page (text block bottom + footer gap).
    pub fn footer_top_pt(&self) -> f64 {
        mm_to_pt(self.page.margins.top.0 + self.page.text_height_mm() + self.page.footer_gap.0)
    }

    /// The most characters a line of `role` across the text block can hold: the text block's
    /// width over the narrowest glyph advance (0.1 em), rounded up. Inputs longer than this
    /// cannot be printed on one line whatever they are.
    pub fn max_line_chars(&self, role: Role) -> usize {
        let size = self.role(role).size_pt().max(f64::MIN_POSITIVE);
        let chars = (self.text_width_pt() / (MIN_GLYPH_ADVANCE_EM * size)).ceil();
        if chars.is_finite() && chars >= 1.0 {
            chars.min(u32::MAX as f64) as usize
        } else {
            1
        }
    }

    /// The running header expanded once for a document, every backend's one source for it:
    /// text pieces and the page number's place. Field values are first cut to
    /// [`max_line_chars`](Self::max_line_chars) of the header role, so a 300 000-character title
    /// costs one line, not 300 000 characters per page.
    pub fn running_head(&self, fields: &RunningFields) -> RunningLine {
        let max = self.max_line_chars(Role::Header);
        self.page.expand_running(&self.page.header, fields, max)
    }

    /// The running footer, expanded like [`running_head`](Self::running_head).
    pub fn running_foot(&self, fields: &RunningFields) -> RunningLine {
        let max = self.max_line_chars(Role::Footer);
        self.page.expand_running(&self.page.footer, fields, max)
    }

    /// The complete template as TOML; loading it back gives an equal template.
    pub fn to_toml_string(&self) -> String {
        toml::to_string_pretty(self).expect("a Template always serialises to TOML")
    }
}
