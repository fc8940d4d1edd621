//! Paragraph and run properties (`w:pPr`, `w:rPr`), written in the schema's sequence order: the
//! validator checks it, and Word may drop run properties that come out of order.

use super::xml::Xml;

/// Run properties. `None`/`false` fields are left out (inherited).
#[derive(Debug, Default, Clone)]
pub(super) struct RPr<'a> {
    pub style: Option<&'a str>,
    /// One family for all four `w:rFonts` slots.
    pub family: Option<&'a str>,
    /// `w:hint="eastAsia"`: ambiguous-width punctuation drawn with the East Asian face.
    pub east_asian_hint: bool,
    pub bold: Option<bool>,
    pub italic: Option<bool>,
    pub strike: bool,
    pub no_proof: bool,
    /// `w:color`, RRGGBB.
    pub color: Option<&'a str>,
    /// `w:spacing`: twips added after each character (negative condenses).
    pub char_spacing: Option<i64>,
    /// Half-points.
    pub size: Option<u32>,
    /// `w:u` value.
    pub underline: Option<&'a str>,
    /// `w:em` value: an emphasis mark (`underDot`, 着重号 under each character).
    pub emphasis_mark: Option<&'a str>,
    /// `(w:val, w:eastAsia)`.
    pub lang: Option<(&'a str, &'a str)>,
}

impl RPr<'_> {
    fn is_empty(&self) -> bool {
        self.style.is_none()
            && self.family.is_none()
            && !self.east_asian_hint
            && self.bold.is_none()
            && self.italic.is_none()
            && !self.strike
            && !self.no_proof
            && self.color.is_none()
            && self.char_spacing.is_none()
            && self.size.is_none()
            && self.underline.is_none()
            && self.emphasis_mark.is_none()
            && self.lang.is_none()
    }

    /// Writes `<w:rPr>…</w:rPr>`, or nothing when every field is unset.
    pub fn write(&self, x: &mut Xml) {
        if self.is_empty() {
            return;
        }
        x.open("w:rPr", &[]);
        // EG_RPrBase order: rStyle, rFonts, b, bCs, i, iCs, caps, smallCaps, strike, …, noProof, …, color, …, sz, szCs,
        // highlight, u, …, em, lang, eastAsianLayout.
        if let Some(s) = self.style {
            x.val("w:rStyle", s);
        }
        if self.family.is_some() || self.east_asian_hint {
            let mut attrs = Vec::new();
            if let Some(f) = self.family {
                attrs.extend([
                    ("w:ascii", f),
                    ("w:hAnsi", f),
                    ("w:eastAsia", f),
                    ("w:cs", f),
                ]);
            }
            if self.east_asian_hint {
                attrs.push(("w:hint", "eastAsia"));
            }
            x.empty("w:rFonts", &attrs);
        }
        if let Some(b) = self.bold {
            on_off(x, "w:b", b);
        }
        if let Some(i) = self.italic {
            on_off(x, "w:i", i);
        }
        if self.strike {
            x.empty("w:strike", &[]);
        }
        if self.no_proof {
            x.empty("w:noProof", &[]);
        }
        if let Some(c) = self.color {
            x.val("w:color", c);
        }
        if let Some(s) = self.char_spacing {
            x.val("w:spacing", &s.to_string());
        }
        if let Some(sz) = self.size {
            let v = sz.to_string();
            x.val("w:sz", &v);
            x.val("w:szCs", &v);
        }
        if let Some(u) = self.underline {
            x.val("w:u", u);
        }
        if let Some(em) = self.emphasis_mark {
            x.val("w:em", em);
        }
        if let Some((latin, east_asian)) = self.lang {
            x.empty("w:lang", &[("w:val", latin), ("w:eastAsia", east_asian)]);
        }
        x.close("w:rPr");
    }
}

/// Paragraph spacing in twips; `line` is an exact pitch.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Space {
    pub before: Option<i64>,
    pub after: Option<i64>,
    pub line: Option<i64>,
}

/// Indents: hundredths of a character (`…Chars`, read by Word) with twips as the fallback.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Ind {
    pub left: Option<(i64, i64)>,
    pub right: Option<(i64, i64)>,
    pub first_line: Option<(i64, i64)>,
}

/// A border: width in eighths of a point and its distance from the text in points.
#[derive(Debug, Clone, Copy)]
pub(super) struct Rule {
    pub eighths: u32,
    pub space_pt: u32,
}

/// Paragraph properties; unset fields are inherited.
#[derive(Debug, Default, Clone)]
pub(super) struct PPr<'a> {
    pub style: Option<&'a str>,
    pub keep_next: bool,
    pub page_break_before: bool,
    pub widow_control: bool,
    /// `w:numPr` with level 0 of this `w:numId`.
    pub num_id: Option<u32>,
    pub rule_above: Option<Rule>,
    /// A bottom border (the rule under the running head).
    pub rule_below: Option<Rule>,
    /// A `num` tab stop at this many twips: where a list number's tab takes the text.
    pub number_tab: Option<i64>,
    pub kinsoku: bool,
    /// `w:overflowPunct` (hanging punctuation); `Some(false)` keeps marks inside the measure.
    pub overflow_punct: Option<bool>,
    /// `w:autoSpaceDE`: the gap between Han and Latin letters.
    pub auto_space_de: Option<bool>,
    /// `w:autoSpaceDN`: the gap between Han and digits.
    pub auto_space_dn: Option<bool>,
    pub snap_to_grid: Option<bool>,
    pub space: Option<Space>,
    pub ind: Option<Ind>,
    pub jc: Option<&'a str>,
    pub outline_level: Option<u8>,
}

impl PPr<'_> {
    /// Writes `<w:pPr>…</w:pPr>`.
    pub fn write(&self, x: &mut Xml) {
        x.open("w:pPr", &[]);
        if let Some(s) = self.style {
            x.val("w:pStyle", s);
        }
        if self.keep_next {
            x.empty("w:keepNext", &[]);
        }
        if self.page_break_before {
            x.empty("w:pageBreakBefore", &[]);
        }
        if self.widow_control {
            x.empty("w:widowControl", &[]);
        }
        if let Some(id) = self.num_id {
            x.open("w:numPr", &[]);
            x.val("w:ilvl", "0");
            x.val("w:numId", &id.to_string());
            x.close("w:numPr");
        }
        if self.rule_above.is_some() || self.rule_below.is_some() {
            x.open("w:pBdr", &[]);
            // Schema order: top, left, bottom, right.
            for (side, rule) in [("w:top", self.rule_above), ("w:bottom", self.rule_below)] {
                if let Some(r) = rule {
                    x.empty(
                        side,
                        &[
                            ("w:val", "single"),
                            ("w:sz", &r.eighths.to_string()),
                            ("w:space", &r.space_pt.to_string()),
                            ("w:color", "auto"),
                        ],
                    );
                }
            }
            x.close("w:pBdr");
        }
        if let Some(pos) = self.number_tab {
            x.open("w:tabs", &[]);
            x.empty("w:tab", &[("w:val", "num"), ("w:pos", &pos.to_string())]);
            x.close("w:tabs");
        }
        if self.kinsoku {
            x.empty("w:kinsoku", &[]);
        }
        if let Some(v) = self.overflow_punct {
            on_off(x, "w:overflowPunct", v);
        }
        if let Some(v) = self.auto_space_de {
            on_off(x, "w:autoSpaceDE", v);
        }
        if let Some(v) = self.auto_space_dn {
            on_off(x, "w:autoSpaceDN", v);
        }
        if let Some(v) = self.snap_to_grid {
            on_off(x, "w:snapToGrid", v);
        }
        if let Some(s) = self.space {
            let before = s.before.map(|v| v.to_string());
            let after = s.after.map(|v| v.to_string());
            let line = s.line.map(|v| v.to_string());
            let mut attrs = Vec::new();
            if let Some(b) = &before {
                attrs.push(("w:before", b.as_str()));
            }
            if let Some(a) = &after {
                attrs.push(("w:after", a.as_str()));
            }
            if let Some(l) = &line {
                attrs.push(("w:line", l.as_str()));
                attrs.push(("w:lineRule", "exact"));
            }
            x.empty("w:spacing", &attrs);
        }
        if let Some(ind) = self.ind {
            let mut owned = Vec::new();
            for (chars, twips, pair) in [
                ("w:leftChars", "w:left", ind.left),
                ("w:rightChars", "w:right", ind.right),
                ("w:firstLineChars", "w:firstLine", ind.first_line),
            ] {
                if let Some((c, t)) = pair {
                    owned.push((chars, c.to_string()));
                    owned.push((twips, t.to_string()));
                }
            }
            let attrs: Vec<(&str, &str)> = owned.iter().map(|(k, v)| (*k, v.as_str())).collect();
            x.empty("w:ind", &attrs);
        }
        if let Some(jc) = self.jc {
            x.val("w:jc", jc);
        }
        if let Some(l) = self.outline_level {
            x.val("w:outlineLvl", &l.to_string());
        }
        x.close("w:pPr");
    }
}

/// A boolean property: `<w:b/>` for on, `<w:b w:val="0"/>` for off.
fn on_off(x: &mut Xml, name: &str, on: bool) {
    if on {
        x.empty(name, &[]);
    } else {
        x.val(name, "0");
    }
}
