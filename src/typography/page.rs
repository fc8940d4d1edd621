//! Page geometry and running heads/feet.

use std::fmt;

use serde::de::{self, MapAccess, Visitor, value::MapAccessDeserializer};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::units::{Mm, mm_to_pt};

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
    /// Formats page number `n`.
    pub fn format(self, n: u32) -> String {
        match self {
            PageNumberStyle::Dash => format!("\u{2014} {n} \u{2014}"),
            PageNumberStyle::Chinese => format!("第 {n} 页"),
            PageNumberStyle::Plain => n.to_string(),
        }
    }
}

/// Values for the `{title}`, `{date}`, `{publisher}` and `{page}` fields of running heads/feet.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RunningFields<'a> {
    pub title: &'a str,
    pub date: &'a str,
    pub publisher: &'a str,
    pub page: u32,
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

    /// Fills a running-head pattern; unknown fields cannot occur in a validated template, but are
    /// kept verbatim rather than dropped if a caller passes its own pattern.
    pub fn format_running(&self, pattern: &str, fields: &RunningFields) -> String {
        let Ok(pieces) = pieces(pattern) else {
            return pattern.to_owned();
        };
        let mut out = String::new();
        for p in pieces {
            match p {
                Piece::Text(t) => out.push_str(t),
                Piece::Field("title") => out.push_str(fields.title),
                Piece::Field("date") => out.push_str(fields.date),
                Piece::Field("publisher") => out.push_str(fields.publisher),
                Piece::Field(_) => out.push_str(&self.page_numbers.format(fields.page)),
            }
        }
        out
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
