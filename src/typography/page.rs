//! Page geometry and running heads/feet.

use std::fmt;

use serde::de::{self, MapAccess, Visitor, value::MapAccessDeserializer};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::units::{Mm, Pt, mm_to_pt};

/// Paper size. Named sizes are ISO 216 (A4 210 × 297, A5 148 × 210, B5 176 × 250 mm — GB/T 148
/// follows ISO, so Chinese "B5" is this one, not JIS B5) and US Letter (215.9 × 279.4 mm).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PageSize {
    A4,
    A5,
    B5,
    Letter,
    /// Any other size, in mm (landscape is a custom size with width > height).
    Custom {
        width: Mm,
        height: Mm,
    },
}

impl PageSize {
    /// Width × height in mm.
    pub fn dimensions_mm(self) -> (f64, f64) {
        match self {
            PageSize::A4 => (210.0, 297.0),
            PageSize::A5 => (148.0, 210.0),
            PageSize::B5 => (176.0, 250.0),
            PageSize::Letter => (215.9, 279.4),
            PageSize::Custom { width, height } => (width.0, height.0),
        }
    }

    fn name(self) -> Option<&'static str> {
        Some(match self {
            PageSize::A4 => "A4",
            PageSize::A5 => "A5",
            PageSize::B5 => "B5",
            PageSize::Letter => "Letter",
            PageSize::Custom { .. } => return None,
        })
    }
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CustomSize {
    width: Mm,
    height: Mm,
}

impl Serialize for PageSize {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match (self.name(), *self) {
            (Some(name), _) => s.serialize_str(name),
            (None, PageSize::Custom { width, height }) => CustomSize { width, height }.serialize(s),
            (None, _) => unreachable!("only custom sizes have no name"),
        }
    }
}

impl<'de> Deserialize<'de> for PageSize {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = PageSize;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("A4, A5, B5, Letter or { width = …, height = … } in mm")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<PageSize, E> {
                Ok(match v.trim().to_ascii_lowercase().as_str() {
                    "a4" => PageSize::A4,
                    "a5" => PageSize::A5,
                    "b5" => PageSize::B5,
                    "letter" => PageSize::Letter,
                    _ => {
                        return Err(E::custom(format!(
                            "unknown page size {v:?} (use A4, A5, B5, Letter or {{ width = 210, height = 297 }} in mm)"
                        )));
                    }
                })
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<PageSize, A::Error> {
                let c = CustomSize::deserialize(MapAccessDeserializer::new(map))?;
                Ok(PageSize::Custom {
                    width: c.width,
                    height: c.height,
                })
            }
        }
        d.deserialize_any(V)
    }
}

/// Margins in mm. `inner`/`outer` rather than left/right because books bind on the inner edge;
/// single-sided output puts `inner` on the left (GB/T 9704's 28 mm binding margin). Template files
/// may write `left`/`right` instead.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Margins {
    pub top: Mm,
    pub bottom: Mm,
    pub inner: Mm,
    pub outer: Mm,
}

/// Text columns on a page; the gap is between adjacent columns.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Columns {
    pub count: u32,
    pub gap: Mm,
}

/// How `{page}` is written in running heads and feet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PageNumberStyle {
    /// `— 1 —`, official documents (GB/T 9704-2012 §7.5: a 一字线 either side).
    Dash,
    /// `第 1 页`.
    Chinese,
    /// `1`.
    Plain,
}

impl PageNumberStyle {
    /// The text before and after the number's digits: `("— ", " —")`, `("第 ", " 页")`.
    pub fn affixes(self) -> (&'static str, &'static str) {
        match self {
            PageNumberStyle::Dash => ("\u{2014} ", " \u{2014}"),
            PageNumberStyle::Chinese => ("第 ", " 页"),
            PageNumberStyle::Plain => ("", ""),
        }
    }

    /// Formats page number `n`.
    pub fn format(self, n: u32) -> String {
        let (before, after) = self.affixes();
        format!("{before}{n}{after}")
    }
}

/// Values for the `{title}`, `{date}`, `{publisher}` and `{page}` fields of running heads/feet.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RunningFields<'a> {
    pub title: &'a str,
    pub date: &'a str,
    pub publisher: &'a str,
    /// The page number, for [`Page::format_running`]; [`Page::expand_running`] leaves the
    /// number as a [`RunningPiece::PageNumber`] instead.
    pub page: u32,
    /// The word after a `第 1 页` number in the script (`頁` in Traditional text);
    /// empty for `页`.
    pub page_word: &'a str,
}

/// One piece of an expanded running head or foot. The page number is a piece of its own, never
/// digits inside text, so nothing a document says (a title `编号4294967295号`) can be taken for
/// it: the PDF prints each page's number there, DOCX a `PAGE` field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RunningPiece {
    /// Text printed as it is: the pattern's own text, field values and the text the
    /// page-number style puts around the number (`第 `, ` 页`).
    Text(String),
    /// The page number's digits.
    PageNumber,
}

/// A running head or foot expanded once for a document: text pieces and where the page number
/// goes. Adjacent text is merged, so `{title}　{date}` is one piece.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RunningLine {
    pieces: Vec<RunningPiece>,
}

impl RunningLine {
    /// The pieces in order.
    pub fn pieces(&self) -> &[RunningPiece] {
        &self.pieces
    }

    /// The line as printed on page `n`.
    pub fn text(&self, n: u32) -> String {
        let mut out = String::new();
        for piece in &self.pieces {
            match piece {
                RunningPiece::Text(t) => out.push_str(t),
                RunningPiece::PageNumber => out.push_str(&n.to_string()),
            }
        }
        out
    }

    /// Whether nothing would be printed: no page number and only white space.
    pub fn is_blank(&self) -> bool {
        self.pieces.iter().all(|p| match p {
            RunningPiece::Text(t) => t.trim().is_empty(),
            RunningPiece::PageNumber => false,
        })
    }

    fn push_text(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        if let Some(RunningPiece::Text(last)) = self.pieces.last_mut() {
            last.push_str(text);
        } else {
            self.pieces.push(RunningPiece::Text(text.to_owned()));
        }
    }
}

/// The first `max` characters of `s`.
fn first_chars(s: &str, max: usize) -> &str {
    match s.char_indices().nth(max) {
        Some((end, _)) => &s[..end],
        None => s,
    }
}

/// The field names a running head/foot may use.
pub const RUNNING_FIELDS: [&str; 4] = ["title", "date", "publisher", "page"];

enum Piece<'a> {
    Text(&'a str),
    Field(&'a str),
}

/// Splits a running-head pattern into text and `{field}`s; `{{` and `}}` are literal braces.
fn pieces(pattern: &str) -> Result<Vec<Piece<'_>>, String> {
    let mut out = Vec::new();
    let mut rest = pattern;
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix("{{") {
            out.push(Piece::Text("{"));
            rest = r;
        } else if let Some(r) = rest.strip_prefix("}}") {
            out.push(Piece::Text("}"));
            rest = r;
        } else if let Some(r) = rest.strip_prefix('{') {
            let end = r
                .find('}')
                .ok_or_else(|| format!("unclosed {{ in {pattern:?}"))?;
            let name = &r[..end];
            if !RUNNING_FIELDS.contains(&name) {
                return Err(format!(
                    "unknown field {{{name}}} in {pattern:?} (use {{title}}, {{date}}, {{publisher}}, {{page}}; {{{{ for a brace)"
                ));
            }
            out.push(Piece::Field(name));
            rest = &r[end + 1..];
        } else if rest.starts_with('}') {
            return Err(format!(
                "unmatched }} in {pattern:?} (write }}}} for a brace)"
            ));
        } else {
            let end = rest.find(['{', '}']).unwrap_or(rest.len());
            out.push(Piece::Text(&rest[..end]));
            rest = &rest[end..];
        }
    }
    Ok(out)
}

/// Checks a running-head pattern; used by template validation.
pub(crate) fn check_running(pattern: &str) -> Result<(), String> {
    pieces(pattern).map(|_| ())
}

fn default_header_rule() -> Pt {
    Pt(0.5)
}

/// Page geometry and running heads/feet.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Page {
    pub size: PageSize,
    /// Running header pattern, e.g. `"{title}　{date}"`; empty for none.
    pub header: String,
    /// Running footer pattern, e.g. `"{page}"`; empty for none.
    pub footer: String,
    /// How `{page}` is written.
    pub page_numbers: PageNumberStyle,
    /// From the top of the text block up to the bottom of the header line.
    pub header_gap: Mm,
    /// From the bottom of the text block down to the top of the footer line (GB/T 9704: 7 mm).
    pub footer_gap: Mm,
    /// The rule under the running head, in points (a hairline, 0.5 pt, as newspapers print
    /// it); 0 for none. Drawn by the PDF and as the header paragraph's bottom border in DOCX.
    #[serde(default = "default_header_rule")]
    pub header_rule: Pt,
    pub margins: Margins,
    pub columns: Columns,
}

impl Page {
    /// Paper width in mm.
    pub fn width_mm(&self) -> f64 {
        self.size.dimensions_mm().0
    }

    /// Paper height in mm.
    pub fn height_mm(&self) -> f64 {
        self.size.dimensions_mm().1
    }

    /// Paper width in pt.
    pub fn width_pt(&self) -> f64 {
        mm_to_pt(self.width_mm())
    }

    /// Paper height in pt.
    pub fn height_pt(&self) -> f64 {
        mm_to_pt(self.height_mm())
    }

    /// Width of the text block (版心) in mm: paper minus inner and outer margins.
    pub fn text_width_mm(&self) -> f64 {
        self.width_mm() - self.margins.inner.0 - self.margins.outer.0
    }

    /// Height of the text block in mm: paper minus top and bottom margins.
    pub fn text_height_mm(&self) -> f64 {
        self.height_mm() - self.margins.top.0 - self.margins.bottom.0
    }

    /// Width of the text block in pt.
    pub fn text_width_pt(&self) -> f64 {
        mm_to_pt(self.text_width_mm())
    }

    /// Height of the text block in pt.
    pub fn text_height_pt(&self) -> f64 {
        mm_to_pt(self.text_height_mm())
    }

    /// Width of one column in mm.
    pub fn column_width_mm(&self) -> f64 {
        let n = self.columns.count.max(1) as f64;
        (self.text_width_mm() - (n - 1.0) * self.columns.gap.0) / n
    }

    /// Width of one column in pt.
    pub fn column_width_pt(&self) -> f64 {
        mm_to_pt(self.column_width_mm())
    }

    /// Expands a running-head pattern into text and page-number pieces. Each field value is cut
    /// to its first `max_field_chars` characters first, so a title longer than any line costs
    /// no more than one line (see [`Template::running_head`](super::Template::running_head),
    /// which picks the limit from the line's width). `fields.page` is not used. Unknown fields
    /// cannot occur in a validated template, but a caller's own invalid pattern is kept verbatim
    /// rather than dropped.
    pub fn expand_running(
        &self,
        pattern: &str,
        fields: &RunningFields,
        max_field_chars: usize,
    ) -> RunningLine {
        let mut line = RunningLine::default();
        let Ok(pieces) = pieces(pattern) else {
            line.push_text(pattern);
            return line;
        };
        for p in pieces {
            match p {
                Piece::Text(t) => line.push_text(t),
                Piece::Field("title") => line.push_text(first_chars(fields.title, max_field_chars)),
                Piece::Field("date") => line.push_text(first_chars(fields.date, max_field_chars)),
                Piece::Field("publisher") => {
                    line.push_text(first_chars(fields.publisher, max_field_chars))
                }
                Piece::Field(_) => {
                    let (before, after) = self.page_numbers.affixes();
                    line.push_text(before);
                    line.pieces.push(RunningPiece::PageNumber);
                    match after.strip_suffix('页') {
                        Some(space) if !fields.page_word.is_empty() => {
                            line.push_text(space);
                            line.push_text(fields.page_word);
                        }
                        _ => line.push_text(after),
                    }
                }
            }
        }
        line
    }

    /// Fills a running-head pattern for page `fields.page`, values uncut.
    pub fn format_running(&self, pattern: &str, fields: &RunningFields) -> String {
        self.expand_running(pattern, fields, usize::MAX)
            .text(fields.page)
    }

    /// The running header for a page.
    pub fn header_text(&self, fields: &RunningFields) -> String {
        self.format_running(&self.header, fields)
    }

    /// The running footer for a page.
    pub fn footer_text(&self, fields: &RunningFields) -> String {
        self.format_running(&self.footer, fields)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::typography::Template;

    fn fields<'a>(title: &'a str) -> RunningFields<'a> {
        RunningFields {
            title,
            date: "2024年9月3日",
            publisher: "河西镇融媒体中心",
            page: 7,
            page_word: "",
        }
    }

    #[test]
    fn the_page_number_is_a_piece_of_its_own() {
        let p = Template::default().page;
        let line = p.expand_running("{title} {page}{{x}}", &fields("编号4294967295号"), 100);
        assert_eq!(
            line.pieces(),
            [
                RunningPiece::Text("编号4294967295号 第 ".into()),
                RunningPiece::PageNumber,
                RunningPiece::Text(" 页{x}".into()),
            ]
        );
        assert_eq!(line.text(12), "编号4294967295号 第 12 页{x}");
        assert_eq!(
            p.format_running("{title} {page}", &fields("4294967295")),
            "4294967295 第 7 页"
        );
        // An invalid pattern a caller passes is kept verbatim, as text.
        let line = p.expand_running("{issue}", &fields("x"), 100);
        assert_eq!(line.pieces(), [RunningPiece::Text("{issue}".into())]);
    }

    #[test]
    fn field_values_are_cut_before_expansion() {
        let p = Template::default().page;
        let title = "河西镇新闻".repeat(1000);
        let line = p.expand_running("{title}|{publisher}|{page}", &fields(&title), 3);
        assert_eq!(
            line.pieces(),
            [
                RunningPiece::Text("河西镇|河西镇|第 ".into()),
                RunningPiece::PageNumber,
                RunningPiece::Text(" 页".into()),
            ]
        );
        // The template picks the limit from the line's width: 166 mm / (0.1 × 9 pt).
        let t = Template::default();
        assert_eq!(t.max_line_chars(crate::typography::Role::Header), 523);
        let head = t.running_head(&fields(&title));
        assert_eq!(head.text(1).chars().count(), 523 + 1 + 9);
    }

    #[test]
    fn blank_lines() {
        let p = Template::default().page;
        assert!(p.expand_running("{title} ", &fields(""), 10).is_blank());
        assert!(!p.expand_running("{page}", &fields(""), 10).is_blank());
        assert!(!p.expand_running("{title}", &fields("x"), 10).is_blank());
    }
}
