//! Roles (what a piece of text is: body, headline, dateline…) and their styles.
//!
//! Backends map the article model onto roles, so a DOCX paragraph style, an EPUB CSS class and a
//! PDF text run for the same role all come from one `RoleStyle`.

use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::units::{Em, Pt, Unit, finite, parse_quantity, serialize_number};
use super::zihao::FontSize;

/// What a piece of text is, independent of how it looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// Body paragraphs.
    Body,
    /// 引题: the line above the main headline.
    Kicker,
    /// 主题: the main headline.
    Headline,
    /// 副题: the line below the main headline.
    Subtitle,
    /// 电头 (`东昌府讯`): a run at the start of the first body paragraph, so only its font, size
    /// and weight apply; the paragraph keeps the body's settings.
    Dateline,
    /// The author line (`融媒体中心 郭龙君`) at the end of an article.
    Byline,
    /// Release metadata at the head of an article (`發稿單位：…`, `来源：…`), small and set
    /// apart from the lead.
    Release,
    /// The closing credits block (`责任编辑：张三`) after the article.
    Credits,
    /// Running header.
    Header,
    /// Running footer (page numbers).
    Footer,
    /// The issue title on a cover or title area (报头).
    IssueTitle,
    /// The line under the issue title: publisher and date (`东昌府区融媒体中心　2022年9月1日`).
    MastheadLine,
    /// 小标题: a subheading inside an article's body.
    Subheading,
    /// A paragraph of a block quotation.
    Quote,
    /// One item of a list, its marker (`1．`, `•`) leading it.
    ListItem,
    /// A photo's or a table's caption (图片说明).
    Caption,
    /// The text of a table cell.
    TableCell,
}

impl Role {
    /// Every role, in the order they appear in template files.
    pub const ALL: [Role; 17] = [
        Role::Body,
        Role::Kicker,
        Role::Headline,
        Role::Subtitle,
        Role::Dateline,
        Role::Byline,
        Role::Release,
        Role::Credits,
        Role::Header,
        Role::Footer,
        Role::IssueTitle,
        Role::MastheadLine,
        Role::Subheading,
        Role::Quote,
        Role::ListItem,
        Role::Caption,
        Role::TableCell,
    ];

    /// The key under `[roles]` in template files; also a stable name for DOCX style ids and CSS
    /// classes.
    pub fn key(self) -> &'static str {
        match self {
            Role::Body => "body",
            Role::Kicker => "kicker",
            Role::Headline => "headline",
            Role::Subtitle => "subtitle",
            Role::Dateline => "dateline",
            Role::Byline => "byline",
            Role::Release => "release",
            Role::Credits => "credits",
            Role::Header => "header",
            Role::Footer => "footer",
            Role::IssueTitle => "issue_title",
            Role::MastheadLine => "masthead_line",
            Role::Subheading => "subheading",
            Role::Quote => "quote",
            Role::ListItem => "list_item",
            Role::Caption => "caption",
            Role::TableCell => "table_cell",
        }
    }

    /// Text that sits on the body's lines (and therefore on the character grid, when there is one).
    pub fn is_body_text(self) -> bool {
        matches!(
            self,
            Role::Body
                | Role::Dateline
                | Role::Byline
                | Role::Credits
                | Role::Subheading
                | Role::Quote
                | Role::ListItem
        )
    }
}

/// Which font draws a role. The bundled faces are named so templates work on machines with no
/// Chinese font installed; any other string is a family name resolved by the font stage.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum FontRef {
    /// Bundled Song/Ming-style face (宋体; also stands in for 仿宋 in official documents).
    Serif,
    /// Bundled bold Song face, for headings (stands in for 小标宋).
    SerifBold,
    /// Bundled Hei-style face (黑体).
    Sans,
    /// Bundled bold Hei face.
    SansBold,
    /// A family name looked up among system fonts (e.g. `"FangSong"`).
    Family(String),
}

impl FontRef {
    /// The name as written in template files.
    pub fn as_str(&self) -> &str {
        match self {
            FontRef::Serif => "serif",
            FontRef::SerifBold => "serif-bold",
            FontRef::Sans => "sans",
            FontRef::SansBold => "sans-bold",
            FontRef::Family(name) => name,
        }
    }

    fn parse(s: &str) -> FontRef {
        match s {
            "serif" => FontRef::Serif,
            "serif-bold" => FontRef::SerifBold,
            "sans" => FontRef::Sans,
            "sans-bold" => FontRef::SansBold,
            other => FontRef::Family(other.to_owned()),
        }
    }
}

impl Serialize for FontRef {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for FontRef {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        if s.trim().is_empty() {
            return Err(de::Error::custom(
                "font must not be empty (use serif, serif-bold, sans, sans-bold or a family name)",
            ));
        }
        Ok(FontRef::parse(s.trim()))
    }
}

/// Font weight; with a bundled face of the matching weight the backend picks that face, otherwise
/// it asks for bold (DOCX `w:b`, CSS `font-weight`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Weight {
    Regular,
    Bold,
}

/// Paragraph alignment. `justify` is 两端对齐 with an unstretched last line (docs/typography.md §2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Align {
    Left,
    #[serde(alias = "center")]
    Centre,
    Right,
    Justify,
}

/// Distance from one baseline to the next. A bare number is a multiple of the font size (clreq
/// speaks of leading as a fraction of the size, so `1.6` reads naturally); a string with a unit is
/// absolute (`"28pt"`, `"10mm"`), as official documents fix the pitch.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum LinePitch {
    Multiple(f64),
    Fixed(Pt),
}

impl LinePitch {
    /// The pitch in points at font size `size_pt`.
    pub fn at(self, size_pt: f64) -> f64 {
        match self {
            LinePitch::Multiple(m) => m * size_pt,
            LinePitch::Fixed(p) => p.0,
        }
    }
}

impl Serialize for LinePitch {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            LinePitch::Multiple(m) => serialize_number(*m, s),
            LinePitch::Fixed(p) => s.serialize_str(&format!("{}pt", p.0)),
        }
    }
}

impl<'de> Deserialize<'de> for LinePitch {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = LinePitch;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "a multiple of the size (1.6) or an absolute pitch (\"28pt\", \"10mm\")",
                )
            }

            fn visit_f64<E: de::Error>(self, v: f64) -> Result<LinePitch, E> {
                finite(v).map(LinePitch::Multiple).map_err(E::custom)
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<LinePitch, E> {
                Ok(LinePitch::Multiple(v as f64))
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<LinePitch, E> {
                Ok(LinePitch::Multiple(v as f64))
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<LinePitch, E> {
                let units = [Unit::Pt, Unit::Mm, Unit::Cm, Unit::In];
                let (n, unit) = parse_quantity(v, &units, Unit::Pt).map_err(E::custom)?;
                let pt = unit.to_pt(n).expect("absolute units");
                finite(pt)
                    .map(|p| LinePitch::Fixed(Pt(p)))
                    .map_err(E::custom)
            }
        }
        d.deserialize_any(V)
    }
}

/// Space above or below a paragraph. A bare number is points; `"1 line"` counts body lines, so
/// headings keep the body's rhythm (and the grid's, like Word's document grid).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Spacing {
    Points(f64),
    Lines(f64),
}

impl Spacing {
    /// The space in points, given the body line pitch that a "line" stands for.
    pub fn to_pt(self, body_line_pitch_pt: f64) -> f64 {
        match self {
            Spacing::Points(p) => p,
            Spacing::Lines(n) => n * body_line_pitch_pt,
        }
    }

    /// As written in a template, for messages: `6 pt`, `1 line`.
    pub(crate) fn describe(self) -> String {
        match self {
            Spacing::Points(p) => format!("{} pt", super::units::num(p)),
            Spacing::Lines(n) => format!("{} {}", super::units::num(n), line_word(n)),
        }
    }

    pub(crate) fn raw(self) -> f64 {
        match self {
            Spacing::Points(v) | Spacing::Lines(v) => v,
        }
    }
}

fn line_word(n: f64) -> &'static str {
    if n == 1.0 { "line" } else { "lines" }
}

impl Serialize for Spacing {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Spacing::Points(p) => serialize_number(*p, s),
            Spacing::Lines(n) => s.serialize_str(&format!("{n} {}", line_word(*n))),
        }
    }
}

impl<'de> Deserialize<'de> for Spacing {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Spacing;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a space in points (6, \"6pt\", \"2mm\") or in body lines (\"1 line\")")
            }

            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Spacing, E> {
                finite(v).map(Spacing::Points).map_err(E::custom)
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Spacing, E> {
                Ok(Spacing::Points(v as f64))
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Spacing, E> {
                Ok(Spacing::Points(v as f64))
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Spacing, E> {
                let units = [Unit::Pt, Unit::Mm, Unit::Cm, Unit::In, Unit::Line];
                let (n, unit) = parse_quantity(v, &units, Unit::Pt).map_err(E::custom)?;
                let n = finite(n).map_err(E::custom)?;
                Ok(match unit.to_pt(n) {
                    Some(pt) => Spacing::Points(pt),
                    None => Spacing::Lines(n),
                })
            }
        }
        d.deserialize_any(V)
    }
}

/// How one role is set. Every field is required in the strict type: partial user files are
/// completed from a base template before they reach it (see `Template::from_toml_str`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleStyle {
    /// Bundled face name or family name.
    pub font: FontRef,
    /// Points or 字号.
    pub size: FontSize,
    pub weight: Weight,
    pub align: Align,
    /// Baseline-to-baseline distance.
    pub line_pitch: LinePitch,
    pub space_before: Spacing,
    pub space_after: Spacing,
    /// First-line indent in em of this role's size (body: 2, docs/typography.md §2).
    pub first_line_indent: Em,
    /// Indent of the whole block from both sides of the measure, in em of this role's size
    /// (a block quotation: 2). Optional in template files; 0 when absent.
    #[serde(default, skip_serializing_if = "Em::is_zero")]
    pub side_indent: Em,
}

impl RoleStyle {
    /// Font size in points.
    pub fn size_pt(&self) -> f64 {
        self.size.points()
    }

    /// Line pitch in points from this role alone; body text on a character grid should use
    /// `Template::line_pitch_pt`, which snaps to the grid.
    pub fn line_pitch_pt(&self) -> f64 {
        self.line_pitch.at(self.size_pt())
    }

    /// First-line indent in points.
    pub fn first_line_indent_pt(&self) -> f64 {
        self.first_line_indent.at(self.size_pt())
    }

    /// The block's indent from each side of the measure, in points.
    pub fn side_indent_pt(&self) -> f64 {
        self.side_indent.at(self.size_pt())
    }

    /// Whether text in this role is bold, either by weight or by a bold bundled face.
    pub fn is_bold(&self) -> bool {
        self.weight == Weight::Bold || matches!(self.font, FontRef::SerifBold | FontRef::SansBold)
    }
}

/// The style of every role; a struct rather than a map so a missing or misspelt role is an error.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Roles {
    pub body: RoleStyle,
    pub kicker: RoleStyle,
    pub headline: RoleStyle,
    pub subtitle: RoleStyle,
    pub dateline: RoleStyle,
    pub byline: RoleStyle,
    pub release: RoleStyle,
    pub credits: RoleStyle,
    pub header: RoleStyle,
    pub footer: RoleStyle,
    pub issue_title: RoleStyle,
    pub masthead_line: RoleStyle,
    pub subheading: RoleStyle,
    pub quote: RoleStyle,
    pub list_item: RoleStyle,
    pub caption: RoleStyle,
    pub table_cell: RoleStyle,
}

impl Roles {
    /// The style of `role`.
    pub fn get(&self, role: Role) -> &RoleStyle {
        match role {
            Role::Body => &self.body,
            Role::Kicker => &self.kicker,
            Role::Headline => &self.headline,
            Role::Subtitle => &self.subtitle,
            Role::Dateline => &self.dateline,
            Role::Byline => &self.byline,
            Role::Release => &self.release,
            Role::Credits => &self.credits,
            Role::Header => &self.header,
            Role::Footer => &self.footer,
            Role::IssueTitle => &self.issue_title,
            Role::MastheadLine => &self.masthead_line,
            Role::Subheading => &self.subheading,
            Role::Quote => &self.quote,
            Role::ListItem => &self.list_item,
            Role::Caption => &self.caption,
            Role::TableCell => &self.table_cell,
        }
    }

    /// The style of `role`, for callers that adjust a template in code.
    pub fn get_mut(&mut self, role: Role) -> &mut RoleStyle {
        match role {
            Role::Body => &mut self.body,
            Role::Kicker => &mut self.kicker,
            Role::Headline => &mut self.headline,
            Role::Subtitle => &mut self.subtitle,
            Role::Dateline => &mut self.dateline,
            Role::Byline => &mut self.byline,
            Role::Release => &mut self.release,
            Role::Credits => &mut self.credits,
            Role::Header => &mut self.header,
            Role::Footer => &mut self.footer,
            Role::IssueTitle => &mut self.issue_title,
            Role::MastheadLine => &mut self.masthead_line,
            Role::Subheading => &mut self.subheading,
            Role::Quote => &mut self.quote,
            Role::ListItem => &mut self.list_item,
            Role::Caption => &mut self.caption,
            Role::TableCell => &mut self.table_cell,
        }
    }
}
